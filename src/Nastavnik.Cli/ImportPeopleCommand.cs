using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web;
using Nastavnik.Web.Features.People;
using Nastavnik.Web.Features.Shared;
using RowStatus = Nastavnik.Domain.People.PeopleImport.RowStatus;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik import people &lt;file&gt; --organization &lt;id or short name&gt; [--municipality &lt;name&gt;]
/// [--kind pupil|teacher] [--dry-run]`: validates the file as the import page does and saves it in one transaction.
/// Exit 0 with the last line `added=N updated=N unchanged=N`; exit 1 with every error listed and nothing written.
/// With --municipality alone, every row names its school in the «Образовательная организация» column.
/// </summary>
public static class ImportPeopleCommand
{
    /// <summary>Files from the shell are not limited by the web upload size.</summary>
    public const long MaxFileBytes = 1024L * 1024 * 1024;

    public const string Usage = """
        ФАЙЛ --organization НОМЕР|КРАТКОЕ_ИМЯ [--municipality ИМЯ] [--kind pupil|teacher] [--dry-run]
        загрузить обучающихся или педагогов (.xlsx, .csv) в одной транзакции; последняя строка added=N updated=N unchanged=N;
        с одним --municipality школа каждой строки берётся из столбца «Образовательная организация»
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--organization", "--municipality", "--kind"], flags: ["--dry-run"], positional: 1);
        if (a.Positional is not [var file]) throw CliException.Usage("не указан файл");
        var (organization, municipality) = (a.Value("--organization"), a.Value("--municipality"));
        var kind = a.Choice("--kind", "pupil", "teacher") == "teacher" ? PersonKind.Teacher : PersonKind.Pupil;
        if (organization is null && municipality is null) throw CliException.Usage("укажите --organization (номер или краткое наименование) или --municipality");
        if (!File.Exists(file)) throw new CliException($"файл «{file}» не найден");

        var (cs, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration([]));
        await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([])));
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var outcome = await ImportAsync(db, file, kind, organization, municipality, a.Has("--dry-run"), Console.Out, Console.Error);
        return outcome is null ? 1 : 0;
    }

    /// <summary>Reads, validates and (unless a dry run) saves; prints the errors and returns null when refused.</summary>
    public static async Task<(int Added, int Updated, int Unchanged)?> ImportAsync(NastavnikDb db, string file, PersonKind kind,
        string? organization, string? municipality, bool dryRun, TextWriter output, TextWriter errors)
    {
        var targets = await TargetsAsync(db, organization, municipality);
        var defaultTarget = organization is null ? null : targets.Single();
        var reader = new SpreadsheetReader(Options.Create(new NastavnikOptions { MaxUploadBytes = MaxFileBytes }));
        var content = await File.ReadAllBytesAsync(file);
        var read = reader.Read(Path.GetFileName(file), content, int.MaxValue - 1, refuseMergedCells: true);
        var importer = new PeopleImporter(db);
        var prepared = read.Error is { } unreadable
            ? PeopleImporter.Refused(unreadable)
            : await importer.PrepareAsync(read.Rows, kind, targets, defaultTarget, null,
                DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow)));
        if (prepared.Errors.Count > 0)
        {
            errors.WriteLine($"Ошибка: файл не загружен, ничего не записано; ошибок: {prepared.Errors.Count}");
            foreach (var e in prepared.Errors)
            {
                errors.WriteLine($"строка {e.RowNumber}; столбец «{e.Column}»; значение «{e.Value}»: {e.Message}");
            }
            return null;
        }
        if (!dryRun) await importer.SaveAsync(prepared, kind, targets, null, Path.GetFileName(file));
        var counts = (prepared.Count(RowStatus.New), prepared.Count(RowStatus.Update), prepared.Count(RowStatus.Unchanged));
        foreach (var d in prepared.Plan.Decisions.Where(d => d.Status == RowStatus.Update))
        {
            output.WriteLine($"строка {d.Row.RowNumber}: {d.Row.FullName} — " + string.Join("; ", d.Changes.Select(c => $"{c.Field}: «{c.Old}» → «{c.New}»")));
        }
        if (dryRun) output.WriteLine("Проверка без записи (--dry-run): файл можно загрузить.");
        output.WriteLine($"added={counts.Item1} updated={counts.Item2} unchanged={counts.Item3}");
        return counts;
    }

    private static async Task<List<PeopleImporter.Target>> TargetsAsync(NastavnikDb db, string? organization, string? municipality)
    {
        var query = db.Organizations.AsNoTracking().AsQueryable();
        if (municipality is not null)
        {
            var lowered = municipality.Trim().ToLower();
            var ids = await db.Municipalities.Where(m => m.Name.ToLower() == lowered).Select(m => m.Id).ToListAsync();
            if (ids.Count == 0) throw new CliException($"муниципалитет «{municipality}» не найден");
            if (ids.Count > 1) throw new CliException($"муниципалитетов «{municipality}» несколько: укажите --organization номером");
            query = query.Where(o => o.MunicipalityId == ids[0]);
        }
        if (organization is not null)
        {
            if (long.TryParse(organization, out var id))
            {
                query = query.Where(o => o.Id == id);
            }
            else
            {
                var lowered = organization.Trim().ToLower();
                query = query.Where(o => o.ShortName.ToLower() == lowered);
            }
        }
        var targets = await query.OrderBy(o => o.Id)
            .Select(o => new PeopleImporter.Target(o.Id, o.Name, o.ShortName, o.Type, o.RegionId)).ToListAsync();
        if (targets.Count == 0) throw new CliException(organization is null ? "в муниципалитете нет организаций" : $"организация «{organization}» не найдена");
        if (organization is not null && targets.Count > 1)
        {
            throw new CliException($"организаций с кратким наименованием «{organization}» несколько: укажите номер или --municipality");
        }
        return targets;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using Field = Nastavnik.Domain.People.PeopleImport.Field;
using RowStatus = Nastavnik.Domain.People.PeopleImport.RowStatus;

namespace Nastavnik.Web.Features.People;

/// <summary>
/// Loads pupils or teachers of the user's organization from .xlsx or .csv: upload (stored), a column-mapping step
/// when headers are not recognised, a preview with every row's fate and every error, then all-or-nothing saving.
/// </summary>
[Access(Role.OrgHead, Role.Curator)]
public class ImportModel(NastavnikDb db, CurrentUser me, IOptions<NastavnikOptions> options, UploadStore uploads,
    TimeProvider clock) : PageModel
{
    public const string Kind = "people";
    /// <summary>Large enough for a municipality's pupils in one file.</summary>
    public const int MaxRows = 200_000;
    public static readonly PersonKind[] Kinds = [PersonKind.Pupil, PersonKind.Teacher];

    private readonly SpreadsheetReader _reader = new(options);

    [BindProperty] public IFormFile? Spreadsheet { get; set; }
    [BindProperty(SupportsGet = true)] public PersonKind PersonKind { get; set; } = PersonKind.Pupil;
    [BindProperty] public List<Field> Columns { get; set; } = [];

    public long? UploadId { get; private set; }
    public string FileName { get; private set; } = "";
    public string? Map { get; private set; }
    /// <summary>The header row when the mapping step is shown; null otherwise.</summary>
    public IReadOnlyList<string>? Headers { get; private set; }
    public IReadOnlyList<Field> Mapping { get; private set; } = [];
    public PeopleImporter.Prepared? Result { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string MaxSize => SpreadsheetReader.SizeText(options.Value.MaxUploadBytes);

    public async Task<IActionResult> OnGetAsync(long? upload, string? map, bool remap = false)
    {
        if (!Kinds.Contains(PersonKind)) return BadRequest();
        var (targets, target) = await TargetsAsync();
        if (upload is not { } id) return Page();
        var stored = await uploads.FindAsync(Kind, id);
        if (stored is null) return NotFound();
        UploadId = id;
        FileName = stored.FileName;
        Map = map;
        var read = _reader.Read(stored.FileName, stored.Content, MaxRows, refuseMergedCells: true);
        if (read.Error is { } unreadable)
        {
            Result = PeopleImporter.Refused(unreadable);
            return Page();
        }
        var mapping = PeopleImport.ParseMapping(map);
        var header = read.Rows.Count > 0 ? read.Rows[0] : [];
        if (remap || (mapping is null && header.Any(h => h.Trim().Length > 0 && PeopleImport.FieldOf(h) is null)))
        {
            Headers = header.Select(h => h.Length > 100 ? h[..100] + "…" : h).ToList();
            Mapping = mapping ?? PeopleImport.GuessMapping(header);
            return Page();
        }
        Result = await PrepareAsync(read.Rows, mapping, targets, target);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!Kinds.Contains(PersonKind)) return BadRequest();
        await TargetsAsync();
        var (id, error) = await uploads.AcceptAsync(Kind, Spreadsheet, _reader.Check,
            (name, content) => _reader.Read(name, content, MaxRows, refuseMergedCells: true).Error);
        if (id is null) ModelState.AddModelError(nameof(Spreadsheet), error!);
        return id is null ? Page() : RedirectToPage(new { upload = id, personKind = PersonKind });
    }

    /// <summary>The mapping step's answer: what each column holds. Carried on in the URL, the file stays stored.</summary>
    public async Task<IActionResult> OnPostMapAsync(long upload)
    {
        if (await uploads.FindAsync(Kind, upload) is null) return NotFound();
        return RedirectToPage(new { upload, personKind = PersonKind, map = PeopleImport.FormatMapping(Columns) });
    }

    public async Task<IActionResult> OnPostConfirmAsync(long upload, string? map)
    {
        if (!Kinds.Contains(PersonKind)) return BadRequest();
        var stored = await uploads.FindAsync(Kind, upload);
        if (stored is null) return NotFound();
        var (targets, target) = await TargetsAsync();
        UploadId = upload;
        FileName = stored.FileName;
        Map = map;
        var read = _reader.Read(stored.FileName, stored.Content, MaxRows, refuseMergedCells: true);
        Result = read.Error is { } unreadable
            ? PeopleImporter.Refused(unreadable)
            : await PrepareAsync(read.Rows, PeopleImport.ParseMapping(map), targets, target);
        if (Result.Errors.Count > 0) return Page();

        await new PeopleImporter(db).SaveAsync(Result, PersonKind, targets, me.Id, stored.FileName);
        db.Uploads.Remove(stored);
        await db.SaveChangesAsync();
        var (added, updated, unchanged) = (Result.Count(RowStatus.New), Result.Count(RowStatus.Update), Result.Count(RowStatus.Unchanged));
        TempData["Message"] = $"Загружено: добавлено {added}, обновлено {updated}, без изменений {unchanged}";
        return RedirectToPage(new { personKind = PersonKind });
    }

    private async Task<PeopleImporter.Prepared> PrepareAsync(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<Field>? mapping,
        IReadOnlyList<PeopleImporter.Target> targets, PeopleImporter.Target? target)
    {
        var today = clock.MoscowToday();
        return await new PeopleImporter(db).PrepareAsync(rows, PersonKind, targets, target, mapping, today);
    }

    /// <summary>The organizations where the user is head or curator; rows go to the only one, or by the organization column.</summary>
    private async Task<(List<PeopleImporter.Target> Targets, PeopleImporter.Target? Default)> TargetsAsync()
    {
        var scope = await me.GetScopeAsync();
        var ids = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var targets = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.ShortName)
            .Select(o => new PeopleImporter.Target(o.Id, o.Name, o.ShortName, o.Type, o.RegionId)).ToListAsync();
        var target = targets.Count == 1 ? targets[0] : null;
        OrganizationName = target?.ShortName ?? string.Join(", ", targets.Select(t => t.ShortName));
        return (targets, target);
    }

    public static string KindTitle(PersonKind kind) => kind == PersonKind.Pupil ? "Обучающиеся" : "Педагоги и наставники";
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web;
using Nastavnik.Web.Features.Roadmaps;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik roadmap import &lt;file&gt; [--dry-run] [--json] [--node region:ИМЯ|municipality:ИМЯ|organization:КРАТКОЕ]
/// [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]`: reads a roadmap document as the import page does; with --dry-run prints what
/// was recognised, otherwise saves it as a draft roadmap of the node.
/// </summary>
public static class RoadmapImportCommand
{
    public const string Usage = """
        ФАЙЛ [--dry-run] [--json] [--node region:ИМЯ|municipality:ИМЯ|organization:КРАТКОЕ_ИМЯ] [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД]
        прочитать дорожную карту (.docx, .xlsx, .txt) как страница импорта; с --dry-run показать разобранное
        (--json: {"title", "sections", "items", …}), иначе сохранить черновиком в узел
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--node", "--period"], flags: ["--dry-run", "--json"], positional: 1);
        if (a.Positional is not [var file]) throw CliException.Usage("не указан файл дорожной карты");
        var (node, dryRun, json) = (a.Value("--node"), a.Has("--dry-run"), a.Has("--json"));
        if (!dryRun && node is null) throw CliException.Usage("укажите, куда сохранить: --node region:ИМЯ | municipality:ИМЯ | organization:КРАТКОЕ_ИМЯ (или --dry-run)");
        var period = RoadmapCommand.PeriodOption(a);
        if (!File.Exists(file)) throw new CliException($"файл «{file}» не найден");

        var content = await File.ReadAllBytesAsync(file);
        var read = new RoadmapFileReader(Options.Create(new NastavnikOptions())).Read(Path.GetFileName(file), content);
        if (read.Document is not { } document) throw new CliException(read.Error!);
        period ??= RoadmapImporter.SuggestPeriod(document);

        if (dryRun)
        {
            // Without a period in the file or on the command line, deadlines are read in the current year, as
            // `roadmap deadline` does.
            var year = DateOnly.FromDateTime(Domain.Text.MoscowTime.From(DateTimeOffset.UtcNow)).Year;
            var effective = period ?? Period.Years(year, year);
            if (json) Console.Out.WriteLine(DocumentJson(document, effective).ToJsonString(RoadmapCommand.Json));
            else PrintSummary(document, effective);
            return 0;
        }

        if (period is null) throw new CliException("период дорожной карты не найден ни в документе, ни в сроках: укажите --period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД");
        // Cluster start-up and migration notes go to stderr when stdout carries JSON.
        var stdout = Console.Out;
        if (json) Console.SetOut(Console.Error);
        string cs;
        try
        {
            (cs, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration([]));
            await CliDatabase.MigrateAsync(await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([])));
        }
        finally
        {
            Console.SetOut(stdout);
        }
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var target = await ResolveNodeAsync(db, node!);
        var outcome = await new RoadmapImporter(db).ImportAsync(document, target, period, Path.GetFileName(file), RoadmapImporter.Hash(content));
        if (json)
        {
            Console.Out.WriteLine(new JsonObject
            {
                ["roadmap_id"] = outcome.RoadmapId,
                ["already_imported"] = outcome.AlreadyImported,
                ["items"] = outcome.Items,
                ["occurrences"] = outcome.Occurrences,
            }.ToJsonString(RoadmapCommand.Json));
        }
        else if (outcome.AlreadyImported)
        {
            Console.Out.WriteLine($"Этот файл уже загружен в узел «{node}»: дорожная карта {outcome.RoadmapId}, ничего не добавлено.");
        }
        else
        {
            Console.Out.WriteLine($"Дорожная карта {outcome.RoadmapId} сохранена как черновик: пунктов {outcome.Items}, сроков исполнения {outcome.Occurrences}.");
        }
        return 0;
    }

    /// <summary>{"title", "basis", "period", "sections": [...], "items": [{"number", "title", "deadline": {…}, "responsible", "result"}], "warnings"}.</summary>
    public static JsonObject DocumentJson(RoadmapDocument document, Period period)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sections = new JsonArray();
        foreach (var s in document.Sections)
        {
            sections.Add(new JsonObject { ["number"] = s.Number, ["title"] = s.Title, ["level"] = s.Level });
        }
        var items = new JsonArray();
        foreach (var i in document.Items)
        {
            var item = new JsonObject
            {
                ["number"] = i.Number,
                ["section"] = i.SectionNumber,
                ["title"] = i.Title,
                ["deadline"] = RoadmapCommand.DeadlineJson(RoadmapImporter.Schedule(i, period)),
                ["responsible"] = i.Responsible,
                ["result"] = i.Result,
            };
            if (i.StartText.Length > 0 || i.EndText.Length > 0)
            {
                item["start_text"] = i.StartText;
                item["end_text"] = i.EndText;
            }
            if (document.ResponsibleByLevel)
            {
                item["responsible_regional"] = i.ResponsibleRegional;
                item["responsible_municipal"] = i.ResponsibleMunicipal;
                item["responsible_organization"] = i.ResponsibleOrganization;
            }
            if (i.Stage is { } stage) item["stage"] = stage;
            items.Add(item);
        }
        return new JsonObject
        {
            ["title"] = document.Title,
            ["basis"] = new JsonObject
            {
                ["text"] = document.Basis.Text,
                ["order_number"] = document.Basis.OrderNumber,
                ["order_date"] = document.Basis.OrderDate is { } d ? Day(d) : null,
            },
            ["period"] = new JsonObject { ["start"] = Day(period.Start), ["end"] = Day(period.End) },
            ["sections"] = sections,
            ["items"] = items,
            ["warnings"] = new JsonArray(document.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
    }

    private static void PrintSummary(RoadmapDocument document, Period period)
    {
        var o = Console.Out;
        o.WriteLine(document.Title);
        if (document.Basis.Text.Length > 0) o.WriteLine(document.Basis.Text);
        o.WriteLine($"Период: {period.Start:dd.MM.yyyy} – {period.End:dd.MM.yyyy}; разделов {document.Sections.Count}, пунктов {document.Items.Count}");
        var recognized = 0;
        foreach (var item in document.Items)
        {
            var schedule = RoadmapImporter.Schedule(item, period);
            if (schedule.Kind != DeadlineKind.Unrecognized) recognized++;
            o.WriteLine($"  {item.Number,-8} {DeadlineSchedule.KindTitle(schedule.Kind),-18} {item.DeadlineText}");
        }
        o.WriteLine($"Сроков распознано: {recognized} из {document.Items.Count}");
        foreach (var w in document.Warnings) o.WriteLine($"! {w}");
    }

    private static async Task<RoadmapImporter.Node> ResolveNodeAsync(Data.NastavnikDb db, string value)
    {
        var at = value.IndexOf(':');
        var (kind, name) = at > 0 ? (value[..at].Trim(), value[(at + 1)..].Trim()) : ("", "");
        switch (kind)
        {
            case "region":
                var regions = await db.Regions.Where(r => r.Name == name || r.Code == name).Select(r => r.Id).ToListAsync();
                return regions switch
                {
                    [var id] => new RoadmapImporter.Node(RoadmapLevel.Region, id, null, null),
                    [] => throw new CliException($"регион «{name}» не найден"),
                    _ => throw new CliException($"регионов «{name}» несколько"),
                };
            case "municipality":
                var municipalities = await db.Municipalities.Where(m => m.Name == name).Select(m => new { m.Id, m.RegionId }).ToListAsync();
                return municipalities switch
                {
                    [var m] => new RoadmapImporter.Node(RoadmapLevel.Municipality, m.RegionId, m.Id, null),
                    [] => throw new CliException($"муниципалитет «{name}» не найден"),
                    _ => throw new CliException($"муниципалитетов «{name}» несколько"),
                };
            case "organization":
                var organizations = await db.Organizations.Where(o => o.ShortName == name || o.Name == name)
                    .Select(o => new { o.Id, o.RegionId, o.MunicipalityId }).ToListAsync();
                return organizations switch
                {
                    [var o] => new RoadmapImporter.Node(RoadmapLevel.Organization, o.RegionId, o.MunicipalityId, o.Id),
                    [] => throw new CliException($"организация «{name}» не найдена"),
                    _ => throw new CliException($"организаций «{name}» несколько: укажите полное наименование"),
                };
            default:
                throw new CliException($"неверный узел «{value}»: ожидается region:ИМЯ, municipality:ИМЯ или organization:КРАТКОЕ_ИМЯ");
        }
    }
}

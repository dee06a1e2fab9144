using Nastavnik.Web.Features.Shared;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// Loads a roadmap document (.docx, .xlsx or text extracted from Word/PDF) in two steps: the upload is stored and
/// previewed — title, basis, period, sections, items with their parsed deadlines, unrecognised ones highlighted and
/// editable — then saved as a draft roadmap of a node the user may edit, and the upload deleted.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
// A 300-item plan posts a deadline field per item; the default cap of 1024 form values would refuse it.
[RequestFormLimits(ValueCountLimit = 20_000)]
public class ImportModel(NastavnikDb db, CurrentUser me, IOptions<NastavnikOptions> options, UploadStore uploads) : PageModel
{
    private const string Kind = "roadmap";
    private readonly RoadmapFileReader _reader = new(options);

    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public SaveForm Form { get; set; } = new();

    public Preview? Result { get; private set; }
    public IReadOnlyList<NodeChoice> Nodes { get; private set; } = [];
    public string MaxSize => SpreadsheetReader.SizeText(options.Value.MaxUploadBytes);

    public async Task<IActionResult> OnGetAsync(long? upload)
    {
        Nodes = await EditableNodesAsync();
        if (upload is not { } id) return Page();
        var (stored, document) = await ReadStoredAsync(id);
        if (stored is null) return NotFound();
        if (document is null) return Page();
        var period = RoadmapImporter.SuggestPeriod(document);
        Form = new SaveForm
        {
            Node = Nodes.Count == 1 ? Nodes[0].Value : "",
            PeriodStart = period?.Start,
            PeriodEnd = period?.End,
        };
        Result = BuildPreview(stored, document);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        Nodes = await EditableNodesAsync();
        var (id, error) = await uploads.AcceptAsync(Kind, Document, _reader.Check, (name, content) => _reader.Read(name, content).Error,
            missing: "Выберите файл дорожной карты");
        if (id is null) ModelState.AddModelError(nameof(Document), error!);
        return id is null ? Page() : RedirectToPage(new { upload = id });
    }

    /// <summary>Shows the preview again with the typed deadlines and period applied, saving nothing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(long upload)
    {
        Nodes = await EditableNodesAsync();
        var (stored, document) = await ReadStoredAsync(upload);
        if (stored is null) return NotFound();
        if (document is null) return Page();
        ValidatePeriod();
        Result = BuildPreview(stored, document);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long upload)
    {
        Nodes = await EditableNodesAsync();
        var (stored, document) = await ReadStoredAsync(upload);
        if (stored is null) return NotFound();
        if (document is null) return Page();

        RoadmapImporter.Node? node = null;
        if (string.IsNullOrWhiteSpace(Form.Node))
        {
            ModelState.AddModelError("Form.Node", "Выберите, чья это дорожная карта");
        }
        else
        {
            var choice = Nodes.FirstOrDefault(n => n.Value == Form.Node);
            if (choice is null) return await NodeOutsideRightsAsync(Form.Node);
            node = choice.Node;
        }
        var period = ValidatePeriod();
        var edited = Edited(document);
        var manual = period is null ? null : ManualDates(edited, period);
        if (!ModelState.IsValid || node is null || period is null)
        {
            Result = BuildPreview(stored, document);
            return Page();
        }

        db.Uploads.Remove(stored);
        var outcome = await new RoadmapImporter(db).ImportAsync(edited, node, period, stored.FileName, RoadmapImporter.Hash(stored.Content), manual);
        if (outcome.AlreadyImported)
        {
            await db.SaveChangesAsync();
            TempData["Message"] = "Этот файл уже был загружен в выбранную дорожную карту: повторная загрузка ничего не добавила, открыта загруженная ранее";
        }
        else
        {
            TempData["Message"] = $"Дорожная карта сохранена как черновик: {RussianPlural.Format(outcome.Items, "пункт", "пункта", "пунктов")}, "
                + $"{RussianPlural.Format(outcome.Occurrences, "срок исполнения", "срока исполнения", "сроков исполнения")}";
        }
        return Redirect($"/Roadmaps/Card/{outcome.RoadmapId}");
    }

    /// <summary>The user's stored upload (null: none) and its document (null: unreadable, the reason added to the form).</summary>
    private async Task<(Upload? Stored, RoadmapDocument? Document)> ReadStoredAsync(long id)
    {
        var stored = await uploads.FindAsync(Kind, id);
        if (stored is null) return (null, null);
        var read = _reader.Read(stored.FileName, stored.Content);
        if (read.Error is { } error) ModelState.AddModelError(nameof(Document), error);
        return (stored, read.Document);
    }

    private Period? ValidatePeriod()
    {
        if (Form.PeriodStart is not { } start) ModelState.AddModelError("Form.PeriodStart", "Укажите начало периода дорожной карты");
        if (Form.PeriodEnd is not { } end) ModelState.AddModelError("Form.PeriodEnd", "Укажите окончание периода дорожной карты");
        if (Form.PeriodStart is not { } s || Form.PeriodEnd is not { } e) return null;
        if (s > e)
        {
            ModelState.AddModelError("Form.PeriodEnd", "Окончание периода раньше его начала");
            return null;
        }
        return new Period(s, e);
    }

    /// <summary>The document with the deadline texts as the user left them; a changed text is read as text alone.</summary>
    private RoadmapDocument Edited(RoadmapDocument document)
    {
        var items = document.Items.Select(i =>
        {
            var text = DeadlineOf(i);
            return text == i.DeadlineText || text == Collapse(i.DeadlineText) ? i : i with { DeadlineText = text.Length > 1000 ? text[..1000] : text, StartText = "", EndText = "" };
        }).ToList();
        return document with { Items = items };
    }

    private string DeadlineOf(RoadmapDocumentItem item) =>
        Form.Deadlines.TryGetValue(item.Position, out var typed) && typed is not null ? Collapse(typed) : item.DeadlineText;

    private static string Collapse(string typed) => string.Join(' ', typed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Dates typed for items whose deadline text is still not recognised; checked against the period.</summary>
    private Dictionary<int, RoadmapImporter.ManualDates> ManualDates(RoadmapDocument document, Period period)
    {
        var result = new Dictionary<int, RoadmapImporter.ManualDates>();
        foreach (var item in document.Items)
        {
            var start = Form.Starts.GetValueOrDefault(item.Position);
            var due = Form.Dues.GetValueOrDefault(item.Position);
            if (start is null && due is null) continue;
            var label = item.Number.Length > 0 ? item.Number : $"№ {item.Position} по порядку";
            if (due is not { } d)
            {
                ModelState.AddModelError($"Form.Dues[{item.Position}]", $"Пункт {label}: укажите срок окончания");
                continue;
            }
            if (start > d)
            {
                ModelState.AddModelError($"Form.Starts[{item.Position}]", $"Пункт {label}: начало позже окончания");
                continue;
            }
            if (!period.Contains(d) || start is { } s && !period.Contains(s))
            {
                ModelState.AddModelError($"Form.Dues[{item.Position}]", $"Пункт {label}: даты вне периода дорожной карты");
                continue;
            }
            result[item.Position] = new RoadmapImporter.ManualDates(start, d);
        }
        return result;
    }

    private Preview BuildPreview(Upload stored, RoadmapDocument document)
    {
        var period = Form.PeriodStart is { } s && Form.PeriodEnd is { } e && s <= e ? new Period(s, e) : RoadmapImporter.SuggestPeriod(document);
        var edited = Edited(document);
        var items = edited.Items.Select(i =>
        {
            var schedule = period is null ? DeadlineParser.Parse(i.DeadlineText, null) : RoadmapImporter.Schedule(i, period);
            return new PreviewItem(i, schedule, Form.Starts.GetValueOrDefault(i.Position), Form.Dues.GetValueOrDefault(i.Position));
        }).ToList();
        return new Preview(stored.Id, stored.FileName, edited, period, items);
    }

    /// <summary>A node the user may not edit: 404 when it is outside their scope altogether, 403 when they only see it.</summary>
    private async Task<IActionResult> NodeOutsideRightsAsync(string value)
    {
        var scope = await me.GetScopeAsync();
        var (kind, id) = ParseNode(value);
        var visible = kind switch
        {
            "region" => await db.Regions.InScope(scope).AnyAsync(r => r.Id == id),
            "municipality" => await db.Municipalities.InScope(scope).AnyAsync(m => m.Id == id),
            "organization" => await db.Organizations.InScope(scope).AnyAsync(o => o.Id == id),
            _ => false,
        };
        return visible ? Forbid() : NotFound();
    }

    private static (string Kind, long Id) ParseNode(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (parts[0], id) : ("", 0);
    }

    /// <summary>
    /// Nodes whose roadmaps the user edits: a region administrator's regions, a municipal coordinator's municipalities,
    /// a head's or curator's organizations; a system administrator any node.
    /// </summary>
    private async Task<IReadOnlyList<NodeChoice>> EditableNodesAsync()
    {
        var scope = await me.GetScopeAsync();
        var all = scope.IsSystem;
        var regionIds = scope.Assignments.Where(a => a.Role == Role.RegionAdmin && a.RegionId is not null).Select(a => a.RegionId!.Value).ToArray();
        var municipalityIds = scope.Assignments.Where(a => a.Role == Role.MunicipalCoordinator && a.MunicipalityId is not null)
            .Select(a => a.MunicipalityId!.Value).ToArray();
        var organizationIds = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();

        var regions = await db.Regions.Where(r => all || regionIds.Contains(r.Id)).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync();
        var municipalities = await db.Municipalities.Where(m => all || municipalityIds.Contains(m.Id)).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.RegionId, Region = m.Region.Name }).ToListAsync();
        var organizations = await db.Organizations.Where(o => all || organizationIds.Contains(o.Id)).OrderBy(o => o.ShortName).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.ShortName, o.RegionId, o.MunicipalityId, Municipality = o.Municipality.Name }).ToListAsync();

        var nodes = new List<NodeChoice>();
        nodes.AddRange(regions.Select(r => new NodeChoice($"region:{r.Id}", "Регион", r.Name,
            new RoadmapImporter.Node(RoadmapLevel.Region, r.Id, null, null))));
        nodes.AddRange(municipalities.Select(m => new NodeChoice($"municipality:{m.Id}", "Муниципалитет", $"{m.Name} ({m.Region})",
            new RoadmapImporter.Node(RoadmapLevel.Municipality, m.RegionId, m.Id, null))));
        nodes.AddRange(organizations.Select(o => new NodeChoice($"organization:{o.Id}", "Организация", $"{o.ShortName} ({o.Municipality})",
            new RoadmapImporter.Node(RoadmapLevel.Organization, o.RegionId, o.MunicipalityId, o.Id))));
        return nodes;
    }

    public static string Dates(DeadlineSchedule schedule)
    {
        static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var shown = schedule.Occurrences.Take(3).Select(o => o.Start is { } s && s != o.Due ? $"{D(s)}–{D(o.Due)}" : D(o.Due)).ToList();
        var more = schedule.Occurrences.Count - shown.Count;
        return string.Join(", ", shown) + (more > 0 ? $" и ещё {more}" : "");
    }

    public sealed class SaveForm
    {
        public string Node { get; set; } = "";
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }
        /// <summary>Deadline texts by item position, prefilled with the document's.</summary>
        public Dictionary<int, string?> Deadlines { get; set; } = [];
        public Dictionary<int, DateOnly?> Starts { get; set; } = [];
        public Dictionary<int, DateOnly?> Dues { get; set; } = [];
    }

    public sealed record NodeChoice(string Value, string Group, string Title, RoadmapImporter.Node Node);

    /// <param name="ManualStart">A start typed by hand for an unrecognised deadline.</param>
    public sealed record PreviewItem(RoadmapDocumentItem Item, DeadlineSchedule Schedule, DateOnly? ManualStart, DateOnly? ManualDue)
    {
        public bool Unrecognized => Schedule.Kind == DeadlineKind.Unrecognized;
        public bool ManualDates => ManualDue is not null;
    }

    public sealed record Preview(long UploadId, string FileName, RoadmapDocument Document, Period? Period, IReadOnlyList<PreviewItem> Items)
    {
        public int UnrecognizedCount => Items.Count(i => i.Unrecognized && !i.ManualDates);
    }
}

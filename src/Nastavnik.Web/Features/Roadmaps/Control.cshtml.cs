using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// Control of roadmap execution for a territory node at a control date: overdue and upcoming occurrences, and per
/// organization the counts done on time / late / not done / upcoming rolled up to municipality and region, as a
/// page and as .xlsx. Everything goes through the occurrence scope filter.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class ControlModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "node")] public string? NodeCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "date")] public DateOnly? Date { get; set; }
    /// <summary>«overdue» (default) or «upcoming»: which list the pager walks.</summary>
    [BindProperty(SupportsGet = true, Name = "list")] public string? ListName { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly ControlDate { get; private set; }
    public ControlNodes.Resolved? Node { get; private set; }
    public List<SelectListItem> Nodes { get; private set; } = [];
    public ControlReport? Report { get; private set; }
    public bool ShowUpcoming => ListName == "upcoming";
    public int OverdueCount { get; private set; }
    public int UpcomingCount { get; private set; }
    public PagedList<ControlReport.Listed> List { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        if (!await ResolveAsync(scope)) return NotFound();
        if (Node is null) return Page();
        Nodes = await ControlNodes.OptionsAsync(db, scope, Node);
        Report = await ControlReport.BuildAsync(db, scope, Node.Node, Node.Name, ControlDate, HttpContext.RequestAborted);

        var occurrences = ControlReport.Occurrences(db, scope, Node.Node);
        var overdue = ControlReport.Overdue(occurrences, ControlDate);
        var upcoming = ControlReport.Upcoming(occurrences, ControlDate);
        // The overdue count is the report's «не выполнено» total; only the upcoming window needs a count of its own.
        OverdueCount = Report.Total.NotDone;
        UpcomingCount = await upcoming.CountAsync();
        List = await ControlReport.ToListed(ShowUpcoming ? upcoming : overdue).ToPagedAsync(page);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var scope = await me.GetScopeAsync();
        if (!await ResolveAsync(scope) || Node is null) return NotFound();
        var report = await ControlReport.BuildAsync(db, scope, Node.Node, Node.Name, ControlDate, HttpContext.RequestAborted);
        var content = ControlWorkbook.Write(report);
        var fileName = $"control-{Node.Node.Code}-{ControlDate:yyyy-MM-dd}.xlsx";
        await db.AuditAsync(AuditAction.Export, nameof(RoadmapOccurrence), "", Node.RegionId,
            $"контроль исполнения дорожных карт: {Node.Name} на {ControlDate:dd.MM.yyyy}, файл {fileName}");
        return File(content, XlsxWriter.ContentType, fileName);
    }

    /// <summary>False when a node was asked for that the user does not reach (→ 404).</summary>
    private async Task<bool> ResolveAsync(Scope scope)
    {
        Today = clock.MoscowToday();
        ControlDate = Date ?? Today;
        var requested = ControlNode.Parse(NodeCode);
        if (!string.IsNullOrWhiteSpace(NodeCode) && requested is null) return false;
        Node = await ControlNodes.ResolveAsync(db, scope, requested);
        return requested is null || Node is not null;
    }

    /// <summary>Query values of this page for a link that changes one of them.</summary>
    public Dictionary<string, string> RouteWith(string? node = null, DateOnly? date = null, string? list = null) => new()
    {
        ["node"] = node ?? Node?.Node.Code ?? "",
        ["date"] = (date ?? ControlDate).ToString("yyyy-MM-dd"),
        ["list"] = list ?? (ShowUpcoming ? "upcoming" : "overdue"),
    };
}

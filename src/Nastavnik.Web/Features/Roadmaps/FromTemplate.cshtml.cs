using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// The templates a user sees (their region's and their municipality's published roadmaps), and «Создать мою дорожную
/// карту»: a new draft of the user's own node — their organization, or the coordinator's municipality — from one.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.MunicipalCoordinator, Role.RegionAdmin, Role.SystemAdmin)]
public class FromTemplateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    public PagedList<TemplateRow> List { get; private set; } = null!;
    public List<Target> Targets { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1) => await LoadAsync(page);

    public async Task<IActionResult> OnPostAsync(long templateId, string? target)
    {
        var scope = await me.GetScopeAsync();
        var template = await Templates(scope).Where(r => r.Id == templateId)
            .Select(r => new { r.Id, r.Title, Node = new RoadmapNode(r.Level, r.RegionId, r.MunicipalityId, r.OrganizationId) })
            .SingleOrDefaultAsync();
        if (template is null) return NotFound();
        Targets = await TargetsAsync(scope);
        var chosen = Targets.SingleOrDefault(t => t.Key == target);
        if (chosen is null || !RoadmapWorkflow.MayStartFrom(template.Node, chosen.Node))
        {
            ModelState.AddModelError("", "Выберите свою организацию или свой муниципалитет для новой дорожной карты");
            await LoadAsync(1);
            return Page();
        }
        var n = chosen.Node;
        var existing = await db.Roadmaps.Where(r => r.SourceRoadmapId == template.Id && r.Status == RoadmapStatus.Draft
                && r.Level == n.Level && r.RegionId == n.RegionId && r.MunicipalityId == n.MunicipalityId && r.OrganizationId == n.OrganizationId)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync();
        if (existing is { } existingId)
        {
            TempData["Message"] = $"Черновик по этому шаблону для «{chosen.Name}» уже создан — продолжайте в нём";
            return RedirectToPage("Card", new { id = existingId });
        }
        var copy = await RoadmapCopies.AddFromTemplateAsync(db, template.Id, n);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Создан черновик дорожной карты «{chosen.Name}» по шаблону. Проверьте пункты и сроки.";
        return RedirectToPage("Card", new { id = copy.Id });
    }

    private async Task LoadAsync(int page)
    {
        var scope = await me.GetScopeAsync();
        if (Targets.Count == 0) Targets = await TargetsAsync(scope);
        var query = Templates(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(r => EF.Functions.ILike(r.Title, like) || (r.Municipality != null && EF.Functions.ILike(r.Municipality.Name, like)));
        }
        List = await query.OrderBy(r => r.Level).ThenBy(r => r.Region.Name).ThenBy(r => r.Municipality!.Name).ThenBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new TemplateRow(r.Id, r.Title, new RoadmapNode(r.Level, r.RegionId, r.MunicipalityId, r.OrganizationId),
                r.Municipality != null ? r.Municipality.Name : r.Region.Name, r.PeriodStart, r.PeriodEnd, r.Items.Count))
            .ToPagedAsync(page);
    }

    /// <summary>Published templates in scope: approved regional and municipal roadmaps.</summary>
    private IQueryable<Data.Entities.Roadmaps.Roadmap> Templates(Scope scope) =>
        db.Roadmaps.AsNoTracking().InScope(scope)
            .Where(r => r.IsTemplate && r.Status == RoadmapStatus.Approved && r.Level != RoadmapLevel.Organization);

    /// <summary>The nodes the user makes roadmaps for: the organizations they head or curate, the municipalities they coordinate.</summary>
    private async Task<List<Target>> TargetsAsync(Scope scope)
    {
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var municipalities = scope.MunicipalityIds.ToArray();
        var targets = await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).OrderBy(o => o.ShortName)
            .Select(o => new Target("organization-" + o.Id, o.ShortName,
                new RoadmapNode(RoadmapLevel.Organization, o.RegionId, o.MunicipalityId, o.Id)))
            .ToListAsync();
        targets.AddRange(await db.Municipalities.AsNoTracking().Where(m => municipalities.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new Target("municipality-" + m.Id, m.Name, new RoadmapNode(RoadmapLevel.Municipality, m.RegionId, m.Id, null)))
            .ToListAsync());
        return targets;
    }

    public IEnumerable<Target> TargetsFor(TemplateRow template) => Targets.Where(t => RoadmapWorkflow.MayStartFrom(template.Node, t.Node));

    public sealed record TemplateRow(long Id, string Title, RoadmapNode Node, string Owner, DateOnly PeriodStart, DateOnly PeriodEnd, int Items);

    public sealed record Target(string Key, string Name, RoadmapNode Node);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Topics;

/// <summary>
/// «Темы запросов и компетенций»: the seeded list (system administrator), a region's additions (region administrator)
/// and an organization's own topics (head, curator). Each level adds topics and switches its own on and off;
/// switched-off topics leave the pickers but stay on the profiles that use them.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public TopicForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "family")] public ModelFamily? Family { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public string Owner { get; private set; } = "";

    public sealed record Row(long Id, string Name, string Subject, ModelFamily Family, string Level, bool IsActive, bool CanToggle);

    public sealed class TopicForm
    {
        [Required(ErrorMessage = "Укажите название темы"), StringLength(300, ErrorMessage = "Название темы — не длиннее 300 символов")]
        public string Name { get; set; } = "";
        [StringLength(100, ErrorMessage = "Предмет — не длиннее 100 символов")] public string? Subject { get; set; }
        [Required(ErrorMessage = "Выберите модель наставничества")] public ModelFamily? Family { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var (regionId, organizationId) = await OwnerAsync();
        if (ModelState.IsValid)
        {
            var name = Form.Name.Trim();
            var duplicate = await Visible(await me.GetScopeAsync()).AnyAsync(t => t.Family == Form.Family && t.Name.ToLower() == name.ToLower());
            if (duplicate) ModelState.AddModelError("Form.Name", "Такая тема уже есть в списке");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.Topics.Add(new Topic
        {
            RegionId = regionId, OrganizationId = organizationId, Family = Form.Family!.Value, Name = Form.Name.Trim(),
            Subject = Form.Subject?.Trim() ?? "",
        });
        await db.SaveChangesAsync();
        TempData["Message"] = $"Тема «{Form.Name.Trim()}» добавлена";
        return RedirectToPage(new { family = Family });
    }

    public async Task<IActionResult> OnPostToggleAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var topic = await Visible(scope).SingleOrDefaultAsync(t => t.Id == id);
        if (topic is null) return NotFound();
        if (!CanToggle(scope, topic.RegionId, topic.OrganizationId)) return Forbid();
        topic.IsActive = !topic.IsActive;
        await db.SaveChangesAsync();
        TempData["Message"] = topic.IsActive ? $"Тема «{topic.Name}» включена" : $"Тема «{topic.Name}» отключена";
        return RedirectToPage(new { family = Family });
    }

    private async Task LoadAsync()
    {
        var scope = await me.GetScopeAsync();
        var (regionId, organizationId) = await OwnerAsync();
        Owner = organizationId is { } o ? await db.Organizations.Where(x => x.Id == o).Select(x => x.ShortName).SingleAsync()
            : regionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Name).SingleAsync()
            : "общий список";
        var query = Visible(scope);
        if (Family is { } f) query = query.Where(t => t.Family == f);
        var topics = await query.OrderBy(t => t.Family).ThenBy(t => t.RegionId != null).ThenBy(t => t.OrganizationId != null).ThenBy(t => t.Name)
            .ToListAsync();
        Rows = topics.Select(t => new Row(t.Id, t.Name, t.Subject, t.Family,
                t.OrganizationId is not null ? "организации" : t.RegionId is not null ? "региона" : "общий", t.IsActive,
                CanToggle(scope, t.RegionId, t.OrganizationId)))
            .ToList();
    }

    /// <summary>Where a new topic goes: the user's organization, else their region, else the seeded list.</summary>
    private async Task<(long? RegionId, long? OrganizationId)> OwnerAsync()
    {
        var scope = await me.GetScopeAsync();
        if (scope.IsSystem) return (null, null);
        if (scope.RegionIds.Count > 0) return (scope.RegionIds.Min(), null);
        var organizationId = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).Min();
        var regionId = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.RegionId).SingleAsync();
        return (regionId, organizationId);
    }

    private static bool CanToggle(Scope scope, long? regionId, long? organizationId) =>
        scope.IsSystem
        || (organizationId is null && regionId is { } r && scope.RegionIds.Contains(r))
        || (organizationId is { } o && scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).Contains(o));

    /// <summary>The seeded list, the user's regions' additions and their organizations' own topics.</summary>
    private IQueryable<Topic> Visible(Scope scope)
    {
        if (scope.IsSystem) return db.Topics;
        var regions = scope.AnyRegionIds.ToArray();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return db.Topics.Where(t => (t.RegionId == null || regions.Contains(t.RegionId.Value))
            && (t.OrganizationId == null || organizations.Contains(t.OrganizationId.Value)));
    }
}

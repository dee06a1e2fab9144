using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Web.Infrastructure;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// A new training. Its level follows the creator's role: a region administrator creates the region's, a municipal
/// coordinator the municipality's, an org head or curator the organization's (the highest role wins).
/// </summary>
[Access(Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class CreateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public TrainingForm Form { get; set; } = new();
    public TrainingLevel Level { get; private set; }

    public async Task OnGetAsync() => Level = Node(await me.GetScopeAsync()).Level;

    public async Task<IActionResult> OnPostAsync()
    {
        var node = Node(await me.GetScopeAsync());
        Level = node.Level;
        Form.Check(ModelState);
        if (!ModelState.IsValid) return Page();
        var training = new TrainingEvent { RegionId = node.RegionId, MunicipalityId = node.MunicipalityId, OrganizationId = node.OrganizationId };
        Form.ApplyTo(training);
        db.Trainings.Add(training);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Обучение «{training.Title}» создано";
        return RedirectToPage("Card", new { id = training.Id });
    }

    /// <summary>The node the new training belongs to; with several at one level, the first by id (a stable choice).</summary>
    private static (TrainingLevel Level, long RegionId, long? MunicipalityId, long? OrganizationId) Node(Scope scope)
    {
        var a = scope.Assignments.Where(x => x.Role == Role.RegionAdmin && x.RegionId is not null).OrderBy(x => x.RegionId).FirstOrDefault();
        if (a is not null) return (TrainingLevel.Region, a.RegionId!.Value, null, null);
        a = scope.Assignments.Where(x => x.Role == Role.MunicipalCoordinator && x.MunicipalityId is not null).OrderBy(x => x.MunicipalityId).FirstOrDefault();
        if (a is not null) return (TrainingLevel.Municipality, a.RegionId!.Value, a.MunicipalityId, null);
        a = scope.Assignments.Where(x => x.Role is Role.OrgHead or Role.Curator && x.OrganizationId is not null).OrderBy(x => x.OrganizationId).First();
        return (TrainingLevel.Organization, a.RegionId!.Value, a.MunicipalityId, a.OrganizationId);
    }
}

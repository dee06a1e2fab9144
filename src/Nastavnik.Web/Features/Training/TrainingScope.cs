using Nastavnik.Domain.Access;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// Which trainings a user reaches. A region administrator: the region's (every level). A municipal coordinator: the
/// municipality's own and those of its organizations. An org head or curator: the organization's own, plus the
/// municipal and regional trainings open to it (its municipality's and region's).
/// Organization trainings carry their municipality too, so that the municipality reaches them.
/// </summary>
public static class TrainingScope
{
    public static IQueryable<TrainingEvent> InScope(this IQueryable<TrainingEvent> q, Scope s)
    {
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        var staff = s.Assignments.Where(a => a.Role is Role.OrgHead or Role.Curator && a.OrganizationId is not null).ToList();
        var organizations = staff.Select(a => a.OrganizationId!.Value).Distinct().ToArray();
        var openMunicipalities = staff.Where(a => a.MunicipalityId is not null).Select(a => a.MunicipalityId!.Value).Distinct().ToArray();
        var openRegions = staff.Where(a => a.RegionId is not null).Select(a => a.RegionId!.Value).Distinct().ToArray();
        return q.Where(t => regions.Contains(t.RegionId)
            || (t.MunicipalityId != null && municipalities.Contains(t.MunicipalityId.Value))
            || (t.OrganizationId != null && organizations.Contains(t.OrganizationId.Value))
            || (t.OrganizationId == null && t.MunicipalityId != null && openMunicipalities.Contains(t.MunicipalityId.Value))
            || (t.OrganizationId == null && t.MunicipalityId == null && openRegions.Contains(t.RegionId)));
    }

    /// <summary>
    /// Whether the user runs the training (edits it, sees every participant's name): the organization's head or
    /// curator, the municipality's coordinator, the region's administrator — each only at their own level.
    /// </summary>
    public static bool Runs(this Scope s, TrainingEvent t) =>
        t.OrganizationId is { } o ? s.OrganizationIdsFor(Role.OrgHead, Role.Curator).Contains(o)
        : t.MunicipalityId is { } m ? s.MunicipalityIds.Contains(m)
        : s.RegionIds.Contains(t.RegionId);

    /// <summary>Organizations whose people the user enrols and marks: those where they are head or curator.</summary>
    public static IReadOnlySet<long> OwnOrganizations(this Scope s) => s.OrganizationIdsFor(Role.OrgHead, Role.Curator);
}

namespace Nastavnik.Domain.Access;

/// <summary>One role held at one node. Ids not used by the role's level are null.</summary>
public sealed record Assignment(Role Role, long? RegionId, long? MunicipalityId, long? OrganizationId);

/// <summary>
/// What a signed-in user reaches, derived from all their assignments. Every query that returns people or
/// organizations is filtered by it; pages ask it which roles the user holds.
/// </summary>
public sealed class Scope
{
    public static readonly Scope Nobody = new([]);

    public Scope(IEnumerable<Assignment> assignments)
    {
        Assignments = assignments.ToList();
        IsSystem = Assignments.Any(a => a.Role == Role.SystemAdmin);
        RegionIds = Ids(a => a.Role.Level() == ScopeLevel.Region, a => a.RegionId);
        MunicipalityIds = Ids(a => a.Role.Level() == ScopeLevel.Municipality, a => a.MunicipalityId);
        OrganizationIds = Ids(a => a.Role.Level() == ScopeLevel.Organization, a => a.OrganizationId);
        // Regions a user touches at any level: used to file audit entries and to pick reference data.
        AnyRegionIds = Assignments.Where(a => a.RegionId is not null).Select(a => a.RegionId!.Value).ToHashSet();
        AnyMunicipalityIds = Assignments.Where(a => a.MunicipalityId is not null).Select(a => a.MunicipalityId!.Value).ToHashSet();
    }

    public IReadOnlyList<Assignment> Assignments { get; }
    public bool IsSystem { get; }
    public IReadOnlySet<long> RegionIds { get; }
    public IReadOnlySet<long> MunicipalityIds { get; }
    public IReadOnlySet<long> OrganizationIds { get; }
    public IReadOnlySet<long> AnyRegionIds { get; }
    /// <summary>Municipalities a user touches at any level (a curator's school's municipality included).</summary>
    public IReadOnlySet<long> AnyMunicipalityIds { get; }

    public bool Has(Role role) => Assignments.Any(a => a.Role == role);

    public bool HasAny(IEnumerable<Role> roles) => roles.Any(Has);

    /// <summary>Organization ids reached through the given roles only (a mentor does not manage the school).</summary>
    public IReadOnlySet<long> OrganizationIdsFor(params Role[] roles) =>
        Assignments.Where(a => roles.Contains(a.Role) && a.OrganizationId is not null)
            .Select(a => a.OrganizationId!.Value).ToHashSet();

    public bool ReachesRegion(long regionId) => IsSystem || RegionIds.Contains(regionId);

    public bool ReachesMunicipality(long regionId, long municipalityId) =>
        ReachesRegion(regionId) || MunicipalityIds.Contains(municipalityId);

    public bool ReachesOrganization(long regionId, long municipalityId, long organizationId) =>
        ReachesMunicipality(regionId, municipalityId) || OrganizationIds.Contains(organizationId);

    private HashSet<long> Ids(Func<Assignment, bool> where, Func<Assignment, long?> id) =>
        Assignments.Where(where).Select(id).Where(x => x is not null).Select(x => x!.Value).ToHashSet();
}

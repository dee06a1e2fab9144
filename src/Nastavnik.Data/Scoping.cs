using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;

namespace Nastavnik.Data;

/// <summary>
/// The one scope filter: every query that returns organizations, partners, users or other people goes through
/// these, with the signed-in user's <see cref="Scope"/>. A system administrator reaches everything.
/// </summary>
public static class Scoping
{
    public static IQueryable<Region> InScope(this IQueryable<Region> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.AnyRegionIds.ToArray();
        return q.Where(x => regions.Contains(x.Id));
    }

    public static IQueryable<Municipality> InScope(this IQueryable<Municipality> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        return q.Where(x => regions.Contains(x.RegionId) || municipalities.Contains(x.Id));
    }

    public static IQueryable<Organization> InScope(this IQueryable<Organization> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        var organizations = s.OrganizationIds.ToArray();
        return q.Where(x => regions.Contains(x.RegionId) || municipalities.Contains(x.MunicipalityId) || organizations.Contains(x.Id));
    }

    /// <summary>Partners are regional: a municipal user sees those serving its municipality.</summary>
    public static IQueryable<Partner> InScope(this IQueryable<Partner> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        return q.Where(x => regions.Contains(x.RegionId) || x.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)));
    }

    /// <summary>Users are reached through their assignments: a region administrator sees the users holding a role
    /// anywhere in the region; lower levels manage no users.</summary>
    public static IQueryable<User> InScope(this IQueryable<User> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        return q.Where(u => u.Assignments.Any(a => a.RegionId != null && regions.Contains(a.RegionId.Value)));
    }

    public static IQueryable<AuditEntry> InScope(this IQueryable<AuditEntry> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        return q.Where(x => x.RegionId != null && regions.Contains(x.RegionId.Value));
    }
}

using System.Linq.Expressions;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Roadmaps;
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

    /// <summary>
    /// Roadmaps: a user sees the roadmaps of the nodes they reach, and the plans above them that they carry out
    /// (a school sees its municipality's and region's roadmaps; a municipality sees the region's).
    /// Editing rights are narrower and are checked by the pages.
    /// </summary>
    public static IQueryable<Roadmap> InScope(this IQueryable<Roadmap> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var anyRegions = s.AnyRegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        var anyMunicipalities = s.AnyMunicipalityIds.ToArray();
        var organizations = s.OrganizationIds.ToArray();
        return q.Where(r => regions.Contains(r.RegionId)
            || (r.Level == RoadmapLevel.Region && anyRegions.Contains(r.RegionId))
            || (r.MunicipalityId != null && municipalities.Contains(r.MunicipalityId.Value))
            || (r.Level == RoadmapLevel.Municipality && anyMunicipalities.Contains(r.MunicipalityId!.Value))
            || (r.OrganizationId != null && organizations.Contains(r.OrganizationId.Value)));
    }

    /// <summary>
    /// Occurrences (execution records): region and municipal users see those of their territory; an organization
    /// sees its own (its roadmap's, and the fan-out ones addressed to it).
    /// </summary>
    public static IQueryable<RoadmapOccurrence> InScope(this IQueryable<RoadmapOccurrence> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        var organizations = s.OrganizationIds.ToArray();
        return q.Where(o => regions.Contains(o.RegionId)
            || (o.MunicipalityId != null && municipalities.Contains(o.MunicipalityId.Value))
            || (o.OrganizationId != null && organizations.Contains(o.OrganizationId.Value)));
    }

    /// <summary>
    /// People (personal data): only inside the organizations where the user is head or curator (DOMAIN.md §2 scoping
    /// rule 1). Municipal and regional users, and the system administrator, see no personal data: they get counts.
    /// Blocked and destroyed people are further hidden from lists by <see cref="Listed"/>.
    /// </summary>
    public static IQueryable<Person> InScope(this IQueryable<Person> q, Scope s)
    {
        var organizations = s.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return q.Where(p => organizations.Contains(p.OrganizationId));
    }

    /// <summary>
    /// The one rule for "may this person's data be shown or processed" (152-ФЗ), the query twin of
    /// <see cref="PersonData.IsProcessable"/>: not blocked by a withdrawn consent, not destroyed. Use it inside other
    /// queries (pair members, meetings, choices): <c>db.People.Where(Scoping.IsProcessable).Any(p => p.Id == x.PersonId)</c>.
    /// </summary>
    public static readonly Expression<Func<Person, bool>> IsProcessable =
        p => p.Status != PersonStatus.Blocked && p.Status != PersonStatus.Destroyed;

    /// <summary>People whose data may be shown or processed: every query that returns people goes through this.</summary>
    public static IQueryable<Person> Processable(this IQueryable<Person> q) => q.Where(IsProcessable);

    /// <summary>People that may appear in lists, matching and exports: <see cref="Processable"/>.</summary>
    public static IQueryable<Person> Listed(this IQueryable<Person> q) => q.Processable();

    public static IQueryable<MentoringProgram> InScope(this IQueryable<MentoringProgram> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        var municipalities = s.MunicipalityIds.ToArray();
        var organizations = s.OrganizationIds.ToArray();
        return q.Where(p => regions.Contains(p.RegionId) || organizations.Contains(p.OrganizationId)
            || municipalities.Contains(p.Organization.MunicipalityId));
    }

    /// <summary>Matching runs hold personal data (who is proposed to whom): the organizations where the user is head or curator.</summary>
    public static IQueryable<MatchRun> InScope(this IQueryable<MatchRun> q, Scope s)
    {
        var organizations = s.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return q.Where(r => organizations.Contains(r.OrganizationId));
    }

    public static IQueryable<MatchChoice> InScope(this IQueryable<MatchChoice> q, Scope s)
    {
        var organizations = s.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return q.Where(c => organizations.Contains(c.OrganizationId));
    }

    /// <summary>
    /// Pairs and groups as staff see them: the organizations where the user is head or curator. Participants reach
    /// their own pairs through <see cref="OwnedBy"/>; municipalities and regions get counts, not pairs.
    /// </summary>
    public static IQueryable<MentoringGroup> InScope(this IQueryable<MentoringGroup> q, Scope s)
    {
        var organizations = s.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        return q.Where(g => organizations.Contains(g.OrganizationId));
    }

    /// <summary>The pairs and groups a participant (a person linked to a login) belongs to.</summary>
    public static IQueryable<MentoringGroup> OwnedBy(this IQueryable<MentoringGroup> q, long? personId) =>
        personId is { } id ? q.Where(g => g.Members.Any(m => m.PersonId == id)) : q.Where(g => false);

    public static IQueryable<AuditEntry> InScope(this IQueryable<AuditEntry> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        return q.Where(x => x.RegionId != null && regions.Contains(x.RegionId.Value));
    }

    /// <summary>Instruments (questionnaires): the seeded ones (no region) and those of the regions the user administers.</summary>
    public static IQueryable<Instrument> InScope(this IQueryable<Instrument> q, Scope s)
    {
        if (s.IsSystem) return q;
        var regions = s.RegionIds.ToArray();
        return q.Where(x => x.RegionId == null || regions.Contains(x.RegionId.Value));
    }
}

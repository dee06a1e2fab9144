using Nastavnik.Domain.Access;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>The territory node a roadmap belongs to.</summary>
public sealed record RoadmapNode(RoadmapLevel Level, long RegionId, long? MunicipalityId, long? OrganizationId);

public enum RoadmapAction { Edit, Submit, Return, Agree, Approve, NewVersion, Publish, Unpublish }

/// <summary>
/// Who may do what to a roadmap, and in which status (DOMAIN.md §8 «Approval flow»). An organization's roadmap goes
/// черновик → на согласовании → возвращена / согласована (by the municipal coordinator of its municipality or above)
/// → утверждена (by the organization's own order, signed by its head). A municipal or regional roadmap is approved
/// directly by its own node's order. A system administrator may do anything.
/// </summary>
public static class RoadmapWorkflow
{
    /// <summary>Whether the roadmap's content (header, items) may change in this status.</summary>
    public static bool IsEditable(RoadmapStatus status) => status is RoadmapStatus.Draft or RoadmapStatus.Returned;

    /// <summary>Whether execution records may be kept: the plan is live once agreed or approved.</summary>
    public static bool IsLive(RoadmapStatus status) => status is RoadmapStatus.Agreed or RoadmapStatus.Approved;

    /// <summary>The users of the roadmap's own node: they edit it, submit it and make new versions of it.</summary>
    public static bool IsOwner(Scope s, RoadmapNode n) => s.IsSystem || n.Level switch
    {
        RoadmapLevel.Region => s.RegionIds.Contains(n.RegionId),
        RoadmapLevel.Municipality => n.MunicipalityId is { } m && s.MunicipalityIds.Contains(m),
        _ => n.OrganizationId is { } o && s.OrganizationIdsFor(Role.OrgHead, Role.Curator).Contains(o),
    };

    /// <summary>The reviewers of an organization's roadmap: the coordinator of its municipality, or the region above.</summary>
    public static bool IsReviewer(Scope s, RoadmapNode n) =>
        n.Level == RoadmapLevel.Organization
        && (s.IsSystem || s.RegionIds.Contains(n.RegionId) || (n.MunicipalityId is { } m && s.MunicipalityIds.Contains(m)));

    /// <summary>Whether the user's roles allow the action on this roadmap at all, whatever its status.</summary>
    public static bool Permits(Scope s, RoadmapNode n, RoadmapAction action) => action switch
    {
        RoadmapAction.Return or RoadmapAction.Agree => IsReviewer(s, n),
        // The organization approves by its own order, which its head signs; a curator prepares it.
        RoadmapAction.Approve when n.Level == RoadmapLevel.Organization =>
            s.IsSystem || (n.OrganizationId is { } o && s.OrganizationIdsFor(Role.OrgHead).Contains(o)),
        RoadmapAction.Submit => n.Level == RoadmapLevel.Organization && IsOwner(s, n),
        RoadmapAction.Publish or RoadmapAction.Unpublish => n.Level != RoadmapLevel.Organization && IsOwner(s, n),
        _ => IsOwner(s, n),
    };

    /// <summary>Whether the action applies to a roadmap of this level in this status.</summary>
    public static bool AppliesTo(RoadmapLevel level, RoadmapStatus status, bool isTemplate, RoadmapAction action) => action switch
    {
        RoadmapAction.Edit => IsEditable(status),
        RoadmapAction.Submit => level == RoadmapLevel.Organization && IsEditable(status),
        RoadmapAction.Return or RoadmapAction.Agree => level == RoadmapLevel.Organization && status == RoadmapStatus.Submitted,
        RoadmapAction.Approve => level == RoadmapLevel.Organization ? status == RoadmapStatus.Agreed : status == RoadmapStatus.Draft,
        RoadmapAction.NewVersion => status == RoadmapStatus.Approved,
        RoadmapAction.Publish => level != RoadmapLevel.Organization && status == RoadmapStatus.Approved && !isTemplate,
        RoadmapAction.Unpublish => isTemplate,
        _ => false,
    };

    /// <summary>The actions the user may take now.</summary>
    public static IReadOnlyList<RoadmapAction> Allowed(Scope s, RoadmapNode n, RoadmapStatus status, bool isTemplate) =>
        Enum.GetValues<RoadmapAction>().Where(a => Permits(s, n, a) && AppliesTo(n.Level, status, isTemplate, a)).ToList();

    /// <summary>The status an approval action leads to; null for actions that do not change the status.</summary>
    public static RoadmapStatus? Target(RoadmapAction action) => action switch
    {
        RoadmapAction.Submit => RoadmapStatus.Submitted,
        RoadmapAction.Return => RoadmapStatus.Returned,
        RoadmapAction.Agree => RoadmapStatus.Agreed,
        RoadmapAction.Approve => RoadmapStatus.Approved,
        _ => null,
    };

    /// <summary>
    /// Who keeps an occurrence's execution record: the organization it is addressed to (its head or curator) for an
    /// organization's own or fanned-out occurrence; the node's users for a municipal or regional one.
    /// </summary>
    public static bool MayRecord(Scope s, RoadmapNode roadmap, long? occurrenceOrganizationId, long? occurrenceMunicipalityId)
    {
        if (s.IsSystem) return true;
        if (occurrenceOrganizationId is { } o) return s.OrganizationIdsFor(Role.OrgHead, Role.Curator).Contains(o);
        return roadmap.Level switch
        {
            RoadmapLevel.Region => s.RegionIds.Contains(roadmap.RegionId),
            _ => occurrenceMunicipalityId is { } m && s.MunicipalityIds.Contains(m),
        };
    }

    /// <summary>
    /// Whether a template of <paramref name="template"/>'s node may start a roadmap of <paramref name="target"/>:
    /// a lower node inside the template's territory (a school from its municipality's or region's plan).
    /// </summary>
    public static bool MayStartFrom(RoadmapNode template, RoadmapNode target) =>
        target.Level > template.Level
        && target.RegionId == template.RegionId
        && (template.Level != RoadmapLevel.Municipality || target.MunicipalityId == template.MunicipalityId);
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>A territory node the control report is built for: «r12», «m5», «o7» in the query string.</summary>
public sealed record ControlNode(RoadmapLevel Level, long Id)
{
    public string Code => Level switch
    {
        RoadmapLevel.Region => "r",
        RoadmapLevel.Municipality => "m",
        _ => "o",
    } + Id;

    public static ControlNode? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length < 2 || !long.TryParse(code.AsSpan(1), out var id) || id <= 0) return null;
        return code[0] switch
        {
            'r' => new ControlNode(RoadmapLevel.Region, id),
            'm' => new ControlNode(RoadmapLevel.Municipality, id),
            'o' => new ControlNode(RoadmapLevel.Organization, id),
            _ => null,
        };
    }
}

/// <summary>
/// The control report of a node at a control date: counts per organization by <see cref="ControlState"/>, with the
/// municipality's and region's own items as rows of their own, rolled up to municipality and region totals. The
/// counting happens in PostgreSQL (one GROUP BY over the occurrences, classified by the same rule as
/// <see cref="ControlFigures.Classify"/>); only the grouped counts, a few per organization, come back.
/// Only live plans count: approved roadmaps, not templates.
/// </summary>
public sealed class ControlReport
{
    public const int UpcomingDays = 30;

    public enum RowKind { Organization, MunicipalOwn, Municipality, RegionOwn, Region }

    public sealed record Row(RowKind Kind, string Name, string Municipality, ControlNode? Node, ControlCounts Counts);

    public sealed record Listed(long OccurrenceId, long RoadmapId, string Number, string Title, string Roadmap, string Executor,
        DateOnly Due, OccurrenceStatus Status);

    public required DateOnly Date { get; init; }
    public required string NodeName { get; init; }
    public required IReadOnlyList<Row> Rows { get; init; }
    public ControlCounts Total => Rows.Count == 0 ? ControlCounts.Zero : Rows[^1].Counts;

    /// <summary>The occurrences of the node visible in the scope, of live roadmaps only.</summary>
    public static IQueryable<RoadmapOccurrence> Occurrences(NastavnikDb db, Scope scope, ControlNode node)
    {
        var query = db.RoadmapOccurrences.AsNoTracking().InScope(scope)
            .Where(o => o.Roadmap.Status == RoadmapStatus.Approved && !o.Roadmap.IsTemplate);
        return node.Level switch
        {
            RoadmapLevel.Region => query.Where(o => o.RegionId == node.Id),
            RoadmapLevel.Municipality => query.Where(o => o.MunicipalityId == node.Id),
            _ => query.Where(o => o.OrganizationId == node.Id),
        };
    }

    /// <summary>
    /// <see cref="ControlFigures.Classify"/> as SQL (a CASE over status, due and done-on). Kept beside it in meaning;
    /// an integration test checks the two agree on every combination.
    /// </summary>
    public static Expression<Func<RoadmapOccurrence, ControlState>> StateAt(DateOnly date) => o =>
        o.Status == OccurrenceStatus.NotRequired ? ControlState.NotRequired
        : o.DueDate == null ? ControlState.OnDemand
        : o.Status == OccurrenceStatus.Done && (o.DoneOn == null || o.DoneOn <= date)
            ? (o.DoneOn == null || o.DoneOn <= o.DueDate ? ControlState.OnTime : ControlState.Late)
        : o.DueDate < date ? ControlState.NotDone
        : ControlState.Upcoming;

    /// <summary>Due before the date, required, not done by then (<see cref="ControlFigures.IsOverdue"/>).</summary>
    public static IQueryable<RoadmapOccurrence> Overdue(IQueryable<RoadmapOccurrence> q, DateOnly date) =>
        q.Where(o => o.DueDate != null && o.DueDate < date && o.Status != OccurrenceStatus.NotRequired
            && !(o.Status == OccurrenceStatus.Done && (o.DoneOn == null || o.DoneOn <= date)));

    /// <summary>Due on the date or within <paramref name="days"/> after it, not done by then (<see cref="ControlFigures.IsUpcoming"/>).</summary>
    public static IQueryable<RoadmapOccurrence> Upcoming(IQueryable<RoadmapOccurrence> q, DateOnly date, int days = UpcomingDays)
    {
        var last = date.AddDays(days);
        return q.Where(o => o.DueDate != null && o.DueDate >= date && o.DueDate <= last && o.Status != OccurrenceStatus.NotRequired
            && !(o.Status == OccurrenceStatus.Done && (o.DoneOn == null || o.DoneOn <= date)));
    }

    /// <summary>A list row: the executor is the organization, else the municipality or region owning the roadmap.</summary>
    public static IQueryable<Listed> ToListed(IQueryable<RoadmapOccurrence> q) =>
        q.OrderBy(o => o.DueDate).ThenBy(o => o.Item.Position).ThenBy(o => o.Id)
            .Select(o => new Listed(o.Id, o.RoadmapId, o.Item.Number, o.Item.Title, o.Roadmap.Title,
                o.Organization != null ? (o.Organization.ShortName != "" ? o.Organization.ShortName : o.Organization.Name)
                : o.Roadmap.Municipality != null ? o.Roadmap.Municipality.Name
                : o.Roadmap.Region.Name,
                o.DueDate!.Value, o.Status));

    private sealed class StateKey
    {
        public long? MunicipalityId { get; init; }
        public long? OrganizationId { get; init; }
        public ControlState State { get; init; }
    }

    // o => new StateKey { MunicipalityId = o.MunicipalityId, OrganizationId = o.OrganizationId, State = <StateAt body> }
    private static Expression<Func<RoadmapOccurrence, StateKey>> Keyed(DateOnly date)
    {
        var state = StateAt(date);
        var o = state.Parameters[0];
        return Expression.Lambda<Func<RoadmapOccurrence, StateKey>>(
            Expression.MemberInit(Expression.New(typeof(StateKey)),
                Expression.Bind(typeof(StateKey).GetProperty(nameof(StateKey.MunicipalityId))!,
                    Expression.Property(o, nameof(RoadmapOccurrence.MunicipalityId))),
                Expression.Bind(typeof(StateKey).GetProperty(nameof(StateKey.OrganizationId))!,
                    Expression.Property(o, nameof(RoadmapOccurrence.OrganizationId))),
                Expression.Bind(typeof(StateKey).GetProperty(nameof(StateKey.State))!, state.Body)),
            o);
    }

    public static async Task<ControlReport> BuildAsync(NastavnikDb db, Scope scope, ControlNode node, string nodeName, DateOnly date,
        CancellationToken ct = default)
    {
        var grouped = await Occurrences(db, scope, node)
            .Select(Keyed(date))
            .GroupBy(x => new { x.MunicipalityId, x.OrganizationId, x.State })
            .Select(g => new { g.Key.MunicipalityId, g.Key.OrganizationId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var counts = new Dictionary<(long? Municipality, long? Organization), ControlCounts>();
        foreach (var g in grouped)
        {
            var key = (g.MunicipalityId, g.OrganizationId);
            counts[key] = counts.GetValueOrDefault(key, ControlCounts.Zero).Add(g.State, g.Count);
        }

        // Every organization of the node is listed, including those with nothing to control: a school without a
        // roadmap is part of the picture.
        var organizations = db.Organizations.AsNoTracking().InScope(scope);
        organizations = node.Level switch
        {
            RoadmapLevel.Region => organizations.Where(o => o.RegionId == node.Id),
            RoadmapLevel.Municipality => organizations.Where(o => o.MunicipalityId == node.Id),
            _ => organizations.Where(o => o.Id == node.Id),
        };
        var orgRows = await organizations
            .Select(o => new { o.Id, o.MunicipalityId, Name = o.ShortName != "" ? o.ShortName : o.Name })
            .ToListAsync(ct);
        var municipalityIds = orgRows.Select(o => o.MunicipalityId)
            .Concat(counts.Keys.Where(k => k.Municipality is not null).Select(k => k.Municipality!.Value))
            .Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        var rows = new List<Row>();
        if (node.Level == RoadmapLevel.Organization)
        {
            var org = orgRows.SingleOrDefault();
            var own = counts.Where(c => c.Key.Organization == node.Id).Select(c => c.Value);
            rows.Add(new Row(RowKind.Organization, org?.Name ?? nodeName, org is null ? "" : municipalities.GetValueOrDefault(org.MunicipalityId, ""),
                node, ControlCounts.Sum(own)));
            return new ControlReport { Date = date, NodeName = nodeName, Rows = rows };
        }

        var regionSubtotals = new List<ControlCounts>();
        foreach (var municipality in municipalityIds.Select(id => (Id: id, Name: municipalities.GetValueOrDefault(id, "")))
                     .OrderBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.Id))
        {
            var block = new List<Row>();
            foreach (var org in orgRows.Where(o => o.MunicipalityId == municipality.Id)
                         .OrderBy(o => o.Name, StringComparer.CurrentCulture).ThenBy(o => o.Id))
            {
                // Fan-out occurrences carry the organization's municipality; sum over keys in case one moved.
                var own = ControlCounts.Sum(counts.Where(c => c.Key.Organization == org.Id).Select(c => c.Value));
                block.Add(new Row(RowKind.Organization, org.Name, municipality.Name, new ControlNode(RoadmapLevel.Organization, org.Id), own));
            }
            // Occurrences of organizations outside this user's organization list (moved or out of scope) still
            // count in the municipality's total, so the sums match the occurrences seen.
            var known = orgRows.Select(o => o.Id).ToHashSet();
            var stray = ControlCounts.Sum(counts.Where(c => c.Key.Municipality == municipality.Id && c.Key.Organization is { } o && !known.Contains(o))
                .Select(c => c.Value));
            if (stray.Total + stray.NotRequired + stray.OnDemand > 0)
            {
                block.Add(new Row(RowKind.Organization, "Другие организации", municipality.Name, null, stray));
            }
            if (counts.TryGetValue((municipality.Id, null), out var municipal))
            {
                block.Add(new Row(RowKind.MunicipalOwn, "Мероприятия муниципального уровня", municipality.Name, null, municipal));
            }
            var subtotal = ControlCounts.Sum(block.Select(r => r.Counts));
            regionSubtotals.Add(subtotal);
            rows.AddRange(block);
            rows.Add(new Row(RowKind.Municipality, municipality.Name, municipality.Name,
                new ControlNode(RoadmapLevel.Municipality, municipality.Id), subtotal));
        }
        if (node.Level == RoadmapLevel.Municipality)
        {
            // One municipality: its subtotal row is the total; drop a duplicate when there is nothing else.
            if (rows.Count == 0) rows.Add(new Row(RowKind.Municipality, nodeName, nodeName, node, ControlCounts.Zero));
            return new ControlReport { Date = date, NodeName = nodeName, Rows = rows };
        }
        var regional = ControlCounts.Sum(counts.Where(c => c.Key.Municipality is null && c.Key.Organization is null).Select(c => c.Value));
        if (regional != ControlCounts.Zero)
        {
            rows.Add(new Row(RowKind.RegionOwn, "Мероприятия регионального уровня", "", null, regional));
            regionSubtotals.Add(regional);
        }
        rows.Add(new Row(RowKind.Region, nodeName, "", node, ControlCounts.Sum(regionSubtotals)));
        return new ControlReport { Date = date, NodeName = nodeName, Rows = rows };
    }
}

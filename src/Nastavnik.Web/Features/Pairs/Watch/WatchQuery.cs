using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Pairs;
using Nastavnik.Data.Entities.Pairs;
using Npgsql;
using NpgsqlTypes;

namespace Nastavnik.Web.Features.Pairs.Watch;

/// <summary>Which pairs a watch query covers: active pairs of these organizations, municipalities and regions.</summary>
public sealed record WatchNodes(long[] Organizations, long[] Municipalities, long[] Regions)
{
    public static WatchNodes OfOrganizations(IEnumerable<long> ids) => new(ids.ToArray(), [], []);
}

/// <summary>One side's cadence as PostgreSQL computes it (the twin of <see cref="ContactCadence"/>).</summary>
public sealed record CadenceRow(long GroupId, string Side, string Status, DateOnly? DueOn)
{
    public CadenceStatus CadenceStatus => Status switch
    {
        "on_time" => Domain.Pairs.CadenceStatus.OnTime,
        "soon" => Domain.Pairs.CadenceStatus.Soon,
        "overdue" => Domain.Pairs.CadenceStatus.Overdue,
        _ => Domain.Pairs.CadenceStatus.Closed,
    };
}

/// <summary>An organization under the watched nodes with its counts as of <see cref="AsOf"/> (null: never computed).</summary>
public sealed class OrganizationTotals
{
    public long OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? AsOf { get; set; }
    public int Active { get; set; }
    public int Stalled { get; set; }
    public int MissingFeedback { get; set; }
    public int OverdueContacts { get; set; }
    public int LowRatings { get; set; }
}

/// <summary>A pair on a watch list (flags and members' names) with its organization's name.</summary>
public sealed record WatchedPair(PairWatch Row, string Organization);

/// <summary>
/// The contact cadence and the watch lists, computed in PostgreSQL, never by loading pairs. The flags of each active
/// pair (pair_watch) and their counts per organization (watch_totals) are kept by triggers on every write (migration
/// 15); a new Moscow day makes them stale, and the first reader of a stale organization recomputes it
/// (<c>watch_refresh</c>) before reading. The page, the CLI (`nastavnik pairs watchlist`), the reminders and the
/// benchmark all read through here.
/// </summary>
public static class WatchQuery
{
    /// <summary>The cadence of both sides of the given pairs (any status; a closed pair answers «closed»).</summary>
    public static IQueryable<CadenceRow> Cadence(NastavnikDb db, long[] groupIds, DateOnly today) =>
        db.Database.SqlQueryRaw<CadenceRow>("""
            select group_id as "GroupId", side as "Side", status as "Status", due_on as "DueOn" from pair_cadence(@ids, @today)
            """,
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = groupIds },
            new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today });

    /// <summary>
    /// Every organization under the nodes with its counts as of <paramref name="today"/> (organizations without active
    /// pairs included, with zeros). Organizations whose counts are of another day are recomputed first.
    /// </summary>
    public static async Task<List<OrganizationTotals>> PerOrganizationAsync(NastavnikDb db, WatchNodes nodes, DateOnly today, CancellationToken ct = default)
    {
        var rows = await TotalsQuery(db, nodes).ToListAsync(ct);
        var stale = rows.Where(r => r.AsOf != today).Select(r => r.OrganizationId).ToArray();
        if (stale.Length == 0) return rows;
        await RefreshAsync(db, stale, today, ct);
        return await TotalsQuery(db, nodes).ToListAsync(ct);
    }

    /// <summary>Recomputes the flags of these organizations' active pairs and their counts as of <paramref name="today"/>.</summary>
    public static async Task RefreshAsync(NastavnikDb db, long[] organizations, DateOnly today, CancellationToken ct = default)
    {
        // One organization per statement: a short transaction each, so a region-wide pass never holds many locks.
        foreach (var id in organizations.Order())
        {
            await db.Database.ExecuteSqlRawAsync("select watch_refresh(array[]::bigint[], @organizations, @today)",
                [
                    new NpgsqlParameter("organizations", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = new[] { id } },
                    new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today },
                ], ct);
        }
    }

    /// <summary>
    /// One page of the active pairs of these organizations on a watch list («stalled», «feedback», «contacts»,
    /// «ratings»; null: on any), oldest first, with the members' names stored beside the flags — one statement on
    /// pair_watch (a partial index per list). Pass only organizations where the user is head or curator (the pairs'
    /// scope), with their names.
    /// </summary>
    public static async Task<List<WatchedPair>> PairsAsync(NastavnikDb db, IReadOnlyDictionary<long, string> organizations, string? list,
        int skip, int take, CancellationToken ct = default)
    {
        var ids = organizations.Keys.ToList();
        var rows = db.PairWatch.AsNoTracking().Where(w => ids.Contains(w.OrganizationId));
        rows = list switch
        {
            "stalled" => rows.Where(w => w.Stalled),
            "feedback" => rows.Where(w => w.MissingFeedback),
            "contacts" => rows.Where(w => w.OverdueContacts),
            "ratings" => rows.Where(w => w.LowRatings),
            null => rows.Where(w => w.Stalled || w.MissingFeedback || w.OverdueContacts || w.LowRatings),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "unknown watch list"),
        };
        var page = await rows.OrderBy(w => w.StartDate).ThenBy(w => w.GroupId).Skip(skip).Take(take).ToListAsync(ct);
        return page.Select(w => new WatchedPair(w, organizations.GetValueOrDefault(w.OrganizationId, ""))).ToList();
    }

    public static Totals Sum(IEnumerable<OrganizationTotals> rows)
    {
        int active = 0, stalled = 0, feedback = 0, contacts = 0, ratings = 0;
        foreach (var o in rows)
        {
            active += o.Active;
            stalled += o.Stalled;
            feedback += o.MissingFeedback;
            contacts += o.OverdueContacts;
            ratings += o.LowRatings;
        }
        return new Totals(active, stalled, feedback, contacts, ratings);
    }

    public sealed record Totals(int Active, int Stalled, int MissingFeedback, int OverdueContacts, int LowRatings);

    private static IQueryable<OrganizationTotals> TotalsQuery(NastavnikDb db, WatchNodes nodes)
    {
        // Only the kinds of node the user has, so each is one index lookup rather than an OR over the whole table.
        var under = new List<string>();
        if (nodes.Organizations.Length > 0) under.Add("o.id = any(@organizations)");
        if (nodes.Municipalities.Length > 0) under.Add("o.municipality_id = any(@municipalities)");
        if (nodes.Regions.Length > 0) under.Add("o.region_id = any(@regions)");
        // The interpolated parts are the constant conditions above; every value travels as a parameter.
        var sql = $$"""
            select o.id as "OrganizationId", o.short_name as "Name", t.as_of as "AsOf",
                   coalesce(t.active, 0) as "Active", coalesce(t.stalled, 0) as "Stalled",
                   coalesce(t.missing_feedback, 0) as "MissingFeedback", coalesce(t.overdue_contacts, 0) as "OverdueContacts",
                   coalesce(t.low_ratings, 0) as "LowRatings"
            from organizations o
            left join watch_totals t on t.organization_id = o.id
            where {{(under.Count == 0 ? "false" : string.Join(" or ", under))}}
            """;
        return db.Database.SqlQueryRaw<OrganizationTotals>(sql,
            new NpgsqlParameter("organizations", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Organizations },
            new NpgsqlParameter("municipalities", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Municipalities },
            new NpgsqlParameter("regions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Regions });
    }
}

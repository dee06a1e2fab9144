using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
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

/// <summary>One active pair with its watch-list flags.</summary>
public sealed class WatchRow
{
    public long GroupId { get; set; }
    public long OrganizationId { get; set; }
    public DateOnly StartDate { get; set; }
    public bool Stalled { get; set; }
    public bool MissingFeedback { get; set; }
    public bool OverdueContacts { get; set; }
    public bool LowRatings { get; set; }
}

/// <summary>
/// The contact cadence and the watch lists computed in PostgreSQL, never by loading pairs: the page, the CLI
/// (`nastavnik pairs watchlist`), the reminders and the benchmark all run these statements.
/// </summary>
public static class WatchQuery
{
    // The cadence of each side of the pairs in «g» (id, start_date, closed), on @today. Only contacts since the start of
    // the month before last can change a status: a pair whose first 30 days still matter started after that date, and
    // older pairs are judged by last month's and this month's contacts (ContactCadence's remarks).
    private const string CadenceCtes = """
        sides (side) as (values ('mentor'), ('mentee')),
        c as (
            select c.group_id, c.with_role as side,
                   count(*) filter (where c.contacted_on <= g.start_date + 29) as first_count,
                   max(c.contacted_on) as last_on
            from contact_logs c
            join g on g.id = c.group_id
            where c.with_role in ('mentor', 'mentee') and c.contacted_on >= g.start_date and c.contacted_on <= @today
              and c.contacted_on >= (date_trunc('month', @today::timestamp) - interval '2 months')::date
            group by c.group_id, c.with_role
        ),
        k as (
            select g.id as group_id, s.side, g.closed,
                   g.start_date + 29 as first_end,
                   date_trunc('month', (g.start_date + 30)::timestamp)::date as first_month,
                   date_trunc('month', @today::timestamp)::date as this_month,
                   coalesce(c.first_count, 0) as first_count, c.last_on
            from g cross join sides s
            left join c on c.group_id = g.id and c.side = s.side
        ),
        k2 as (
            select k.*,
                   (k.this_month - interval '1 month')::date as last_month,
                   greatest(k.this_month, k.first_month) as due_month
            from k
        ),
        k3 as (
            select k2.*,
                   case
                       when k2.last_month >= k2.first_month then k2.last_on is null or k2.last_on < k2.last_month
                       when k2.first_end < @today then k2.first_count < 2 and (k2.last_on is null or k2.last_on <= k2.first_end)
                       else false
                   end as overdue,
                   case when k2.last_month >= k2.first_month then k2.this_month - 1 else k2.first_end end as overdue_since,
                   case when k2.last_on >= k2.due_month then (k2.due_month + interval '2 months')::date - 1
                        else (k2.due_month + interval '1 month')::date - 1 end as monthly_due
            from k2
        ),
        cadence as (
            select k3.group_id, k3.side,
                   case when k3.closed then 'closed'
                        when k3.overdue then 'overdue'
                        when (case when k3.first_count < 2 and k3.first_end >= @today and k3.first_end < k3.monthly_due
                                   then k3.first_end else k3.monthly_due end) - @today <= 7 then 'soon'
                        else 'on_time' end as status,
                   case when k3.closed then null
                        when k3.overdue then k3.overdue_since
                        when k3.first_count < 2 and k3.first_end >= @today and k3.first_end < k3.monthly_due then k3.first_end
                        else k3.monthly_due end as due_on
            from k3
        )
        """;

    /// <summary>The cadence of both sides of the given pairs (any status; a closed pair answers «closed»).</summary>
    public static IQueryable<CadenceRow> Cadence(NastavnikDb db, long[] groupIds, DateOnly today) =>
        db.Database.SqlQueryRaw<CadenceRow>($"""
            select * from (
            with g as (
                select g.id, g.start_date, g.status = 'closed' as closed from mentoring_groups g where g.id = any(@ids)
            ),
            {CadenceCtes}
            select group_id as "GroupId", side as "Side", status as "Status", due_on as "DueOn" from cadence
            ) q
            """,
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = groupIds },
            new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today });

    /// <summary>Every active pair under the nodes with its four flags; compose Where/GroupBy/paging on it (done in SQL).</summary>
    public static IQueryable<WatchRow> Rows(NastavnikDb db, WatchNodes nodes, DateOnly today) =>
        db.Database.SqlQueryRaw<WatchRow>($"""
            select * from (
            with g as (
                select g.id, g.organization_id, g.start_date, false as closed
                from mentoring_groups g
                join organizations o on o.id = g.organization_id
                where g.status = 'active'
                  and (g.organization_id = any(@organizations) or o.municipality_id = any(@municipalities) or g.region_id = any(@regions))
            ),
            {CadenceCtes},
            met as (
                select distinct m.group_id from meetings m join g on g.id = m.group_id
                where m.held_on > @today - {WatchRules.StalledDays} and m.held_on <= @today
            ),
            fb as (
                select f.group_id, bool_or(f.role = 'mentor') as mentor, bool_or(f.role = 'mentee') as mentee,
                       avg(f.usefulness) as usefulness, avg(f.comfort) as comfort
                from feedback f join g on g.id = f.group_id
                where f.submitted_at >= @since and f.submitted_at < @until
                group by f.group_id
            ),
            overdue as (select group_id from cadence where status = 'overdue' group by group_id)
            select g.id as "GroupId", g.organization_id as "OrganizationId", g.start_date as "StartDate",
                   (g.start_date <= @today - {WatchRules.StalledDays} and met.group_id is null) as "Stalled",
                   (g.start_date <= @today - {WatchRules.FeedbackDays} and (fb.mentor is not true or fb.mentee is not true)) as "MissingFeedback",
                   (overdue.group_id is not null) as "OverdueContacts",
                   coalesce(fb.usefulness < {WatchRules.LowRating} or fb.comfort < {WatchRules.LowRating}, false) as "LowRatings"
            from g
            left join met on met.group_id = g.id
            left join fb on fb.group_id = g.id
            left join overdue on overdue.group_id = g.id
            ) q
            """,
            new NpgsqlParameter("organizations", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Organizations },
            new NpgsqlParameter("municipalities", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Municipalities },
            new NpgsqlParameter("regions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Regions },
            new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today },
            // Feedback is dated by its Moscow day: the 30-day window is [today − 29, today] in Moscow.
            new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = MoscowTime.StartOfDay(WatchRules.RatingsFrom(today)).UtcDateTime },
            new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = MoscowTime.StartOfDay(today.AddDays(1)).UtcDateTime });

    public sealed record Totals(int Active, int Stalled, int MissingFeedback, int OverdueContacts, int LowRatings);

    public sealed class OrganizationTotals
    {
        public long OrganizationId { get; set; }
        public int Active { get; set; }
        public int Stalled { get; set; }
        public int MissingFeedback { get; set; }
        public int OverdueContacts { get; set; }
        public int LowRatings { get; set; }
    }

    /// <summary>The counts per organization, rolled up by PostgreSQL (GROUP BY over <see cref="Rows"/>).</summary>
    public static IQueryable<OrganizationTotals> PerOrganization(IQueryable<WatchRow> rows) =>
        rows.GroupBy(r => r.OrganizationId).Select(x => new OrganizationTotals
        {
            OrganizationId = x.Key,
            Active = x.Count(),
            Stalled = x.Count(r => r.Stalled),
            MissingFeedback = x.Count(r => r.MissingFeedback),
            OverdueContacts = x.Count(r => r.OverdueContacts),
            LowRatings = x.Count(r => r.LowRatings),
        });

    public static async Task<Totals> TotalsAsync(IQueryable<WatchRow> rows, CancellationToken ct = default)
    {
        var t = await rows.GroupBy(r => 1).Select(x => new
        {
            Active = x.Count(),
            Stalled = x.Count(r => r.Stalled),
            MissingFeedback = x.Count(r => r.MissingFeedback),
            OverdueContacts = x.Count(r => r.OverdueContacts),
            LowRatings = x.Count(r => r.LowRatings),
        }).SingleOrDefaultAsync(ct);
        return t is null ? new Totals(0, 0, 0, 0, 0) : new Totals(t.Active, t.Stalled, t.MissingFeedback, t.OverdueContacts, t.LowRatings);
    }
}

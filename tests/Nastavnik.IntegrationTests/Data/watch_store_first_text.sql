-- Test data, never applied to a real database: db/migrations/2026-11-21_15_watch_store.sql as it first reached main
-- (commit c198bdd), before it was edited four times. MigrationRunnerTests applies it to show migration 19 repairs it.

-- Watch lists kept up to date (issue 6, speed): computing the four lists for a municipality of 30,000 pairs from a
-- year of meetings, feedback and contacts takes seconds, and the page must answer within 100 ms under load. So the
-- flags of each active pair are stored in pair_watch and their counts per organization in watch_totals, both "as of"
-- a Moscow date. Statement-level triggers on meetings, feedback, contact_logs and mentoring_groups recompute the
-- touched pairs (and the counts of their organizations) in the writing transaction; a date change makes the rows
-- stale, and whoever reads stale rows (the page, the CLI, the nightly pass) recomputes those organizations first.
-- The rules are WatchRules and ContactCadence (Nastavnik.Domain.Pairs); the SQL twins are the functions below.

-- The Moscow calendar day (UTC+3 without daylight saving since 2014, as MoscowTime).
create function moscow_today() returns date language sql stable as $$
    select (now() at time zone 'UTC' + interval '3 hours')::date
$$;

-- The UTC instant a Moscow calendar day begins.
create function moscow_day_start(day date) returns timestamptz language sql immutable as $$
    select (day::timestamp - interval '3 hours') at time zone 'UTC'
$$;

-- The curator's contact cadence of each side of the given pairs on «today» (the twin of ContactCadence): at least two
-- contacts with each side within the first 30 days, then at least one a month. Only contacts since the start of the
-- month before last can change a status: a pair whose first 30 days still matter started after that date, and older
-- pairs are judged by last month's and this month's contacts. A closed pair answers «closed».
create function pair_cadence(ids bigint[], today date)
returns table (group_id bigint, side text, status text, due_on date)
language sql stable as $$
    with g as (
        select g.id, g.start_date, g.status = 'closed' as closed from mentoring_groups g where g.id = any(ids)
    ),
    sides (side) as (values ('mentor'), ('mentee')),
    c as (
        select c.group_id, c.with_role as side,
               count(*) filter (where c.contacted_on <= g.start_date + 29) as first_count,
               max(c.contacted_on) as last_on
        from contact_logs c
        join g on g.id = c.group_id
        where c.with_role in ('mentor', 'mentee') and c.contacted_on >= g.start_date and c.contacted_on <= today
          and c.contacted_on >= (date_trunc('month', today::timestamp) - interval '2 months')::date
        group by c.group_id, c.with_role
    ),
    k as (
        select g.id as group_id, s.side, g.closed,
               g.start_date + 29 as first_end,
               date_trunc('month', (g.start_date + 30)::timestamp)::date as first_month,
               date_trunc('month', today::timestamp)::date as this_month,
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
                   when k2.first_end < today then k2.first_count < 2 and (k2.last_on is null or k2.last_on <= k2.first_end)
                   else false
               end as overdue,
               case when k2.last_month >= k2.first_month then k2.this_month - 1 else k2.first_end end as overdue_since,
               case when k2.last_on >= k2.due_month then (k2.due_month + interval '2 months')::date - 1
                    else (k2.due_month + interval '1 month')::date - 1 end as monthly_due
        from k2
    )
    select k3.group_id, k3.side,
           case when k3.closed then 'closed'
                when k3.overdue then 'overdue'
                when (case when k3.first_count < 2 and k3.first_end >= today and k3.first_end < k3.monthly_due
                           then k3.first_end else k3.monthly_due end) - today <= 7 then 'soon'
                else 'on_time' end,
           case when k3.closed then null
                when k3.overdue then k3.overdue_since
                when k3.first_count < 2 and k3.first_end >= today and k3.first_end < k3.monthly_due then k3.first_end
                else k3.monthly_due end
    from k3
$$;

-- The four flags of the given pairs that are active on «today» (the twin of WatchRules: 30 days without a meeting,
-- 30 days without feedback from a side, an average usefulness or comfort below 5 over the last 30 days, a side's
-- curator contacts overdue). Feedback is dated by its Moscow day.
create function pair_watch_rows(ids bigint[], today date)
returns table (group_id bigint, organization_id bigint, start_date date,
               stalled boolean, missing_feedback boolean, overdue_contacts boolean, low_ratings boolean)
language sql stable as $$
    with g as (
        select g.id, g.organization_id, g.start_date from mentoring_groups g where g.id = any(ids) and g.status = 'active'
    ),
    met as (
        select m.group_id, max(m.held_on) as last_on
        from meetings m join g on g.id = m.group_id
        where m.held_on <= today
        group by m.group_id
    ),
    fb as (
        select f.group_id,
               max(f.submitted_at) filter (where f.role = 'mentor') as mentor_at,
               max(f.submitted_at) filter (where f.role = 'mentee') as mentee_at,
               avg(f.usefulness) filter (where f.submitted_at >= moscow_day_start(today - 29)) as usefulness,
               avg(f.comfort) filter (where f.submitted_at >= moscow_day_start(today - 29)) as comfort
        from feedback f join g on g.id = f.group_id
        where f.submitted_at < moscow_day_start(today + 1)
        group by f.group_id
    ),
    overdue as (select c.group_id from pair_cadence(array(select id from g), today) c where c.status = 'overdue' group by c.group_id)
    select g.id, g.organization_id, g.start_date,
           coalesce(met.last_on, g.start_date) <= today - 30,
           g.start_date <= today - 30 and (fb.mentor_at is null or fb.mentor_at < moscow_day_start(today - 29)
                                           or fb.mentee_at is null or fb.mentee_at < moscow_day_start(today - 29)),
           overdue.group_id is not null,
           coalesce(fb.usefulness < 5 or fb.comfort < 5, false)
    from g
    left join met on met.group_id = g.id
    left join fb on fb.group_id = g.id
    left join overdue on overdue.group_id = g.id
$$;

create table pair_watch (
    group_id bigint primary key references mentoring_groups (id) on delete cascade,
    organization_id bigint not null references organizations (id) on delete cascade,
    start_date date not null,
    as_of date not null,
    stalled boolean not null,
    missing_feedback boolean not null,
    overdue_contacts boolean not null,
    low_ratings boolean not null
);
create index pair_watch_organization_idx on pair_watch (organization_id, start_date, group_id);

create table watch_totals (
    organization_id bigint primary key references organizations (id) on delete cascade,
    as_of date not null,
    active integer not null,
    stalled integer not null,
    missing_feedback integer not null,
    overdue_contacts integer not null,
    low_ratings integer not null
);

-- Recompute the given pairs, and every active pair of an organization whose counts are not as of «today», then the
-- counts of those organizations. Rows are written in key order so concurrent refreshes wait rather than deadlock.
create function watch_refresh(ids bigint[], orgs bigint[], today date) returns void language plpgsql as $$
declare
    all_orgs bigint[];
    stale_orgs bigint[];
    targets bigint[];
begin
    all_orgs := array(
        select distinct x from (
            select unnest(coalesce(orgs, '{}')) as x
            union all select g.organization_id from mentoring_groups g where g.id = any(ids)
        ) o where x is not null order by 1);
    if cardinality(all_orgs) = 0 then
        return;
    end if;
    stale_orgs := array(
        select o from unnest(all_orgs) o
        where not exists (select 1 from watch_totals t where t.organization_id = o and t.as_of = today));
    targets := array(
        select distinct id from (
            select unnest(coalesce(ids, '{}')) as id
            union all select g.id from mentoring_groups g where g.organization_id = any(stale_orgs) and g.status = 'active'
            union all select w.group_id from pair_watch w where w.organization_id = any(stale_orgs)
        ) t order by 1);

    delete from pair_watch w
    where w.group_id = any(targets)
      and not exists (select 1 from mentoring_groups g where g.id = w.group_id and g.status = 'active');
    insert into pair_watch as w (group_id, organization_id, start_date, as_of, stalled, missing_feedback, overdue_contacts, low_ratings)
    select r.group_id, r.organization_id, r.start_date, today, r.stalled, r.missing_feedback, r.overdue_contacts, r.low_ratings
    from pair_watch_rows(targets, today) r
    order by r.group_id
    on conflict (group_id) do update set
        organization_id = excluded.organization_id, start_date = excluded.start_date, as_of = excluded.as_of,
        stalled = excluded.stalled, missing_feedback = excluded.missing_feedback,
        overdue_contacts = excluded.overdue_contacts, low_ratings = excluded.low_ratings;

    insert into watch_totals as t (organization_id, as_of, active, stalled, missing_feedback, overdue_contacts, low_ratings)
    select o.id, today,
           count(w.group_id), count(*) filter (where w.stalled), count(*) filter (where w.missing_feedback),
           count(*) filter (where w.overdue_contacts), count(*) filter (where w.low_ratings)
    from unnest(all_orgs) o (id)
    left join pair_watch w on w.organization_id = o.id
    group by o.id
    order by o.id
    on conflict (organization_id) do update set
        as_of = excluded.as_of, active = excluded.active, stalled = excluded.stalled,
        missing_feedback = excluded.missing_feedback, overdue_contacts = excluded.overdue_contacts,
        low_ratings = excluded.low_ratings;
end $$;

-- Meetings, feedback and contacts: the pairs (and organizations) the statement touched.
create function watch_touch_child() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform watch_refresh(array(select distinct group_id from new_rows), array(select distinct organization_id from new_rows), moscow_today());
    elsif tg_op = 'DELETE' then
        perform watch_refresh(array(select distinct group_id from old_rows), array(select distinct organization_id from old_rows), moscow_today());
    else
        perform watch_refresh(
            array(select group_id from new_rows union select group_id from old_rows),
            array(select organization_id from new_rows union select organization_id from old_rows), moscow_today());
    end if;
    return null;
end $$;

create function watch_touch_group() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform watch_refresh(array(select id from new_rows), array(select distinct organization_id from new_rows), moscow_today());
    elsif tg_op = 'DELETE' then
        perform watch_refresh('{}', array(select distinct organization_id from old_rows), moscow_today());
    else
        perform watch_refresh(
            array(select id from new_rows),
            array(select organization_id from new_rows union select organization_id from old_rows), moscow_today());
    end if;
    return null;
end $$;

create trigger meetings_watch_insert after insert on meetings referencing new table as new_rows
    for each statement execute function watch_touch_child();
create trigger meetings_watch_update after update on meetings referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_child();
create trigger meetings_watch_delete after delete on meetings referencing old table as old_rows
    for each statement execute function watch_touch_child();
create trigger feedback_watch_insert after insert on feedback referencing new table as new_rows
    for each statement execute function watch_touch_child();
create trigger feedback_watch_update after update on feedback referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_child();
create trigger feedback_watch_delete after delete on feedback referencing old table as old_rows
    for each statement execute function watch_touch_child();
create trigger contact_logs_watch_insert after insert on contact_logs referencing new table as new_rows
    for each statement execute function watch_touch_child();
create trigger contact_logs_watch_update after update on contact_logs referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_child();
create trigger contact_logs_watch_delete after delete on contact_logs referencing old table as old_rows
    for each statement execute function watch_touch_child();
create trigger mentoring_groups_watch_insert after insert on mentoring_groups referencing new table as new_rows
    for each statement execute function watch_touch_group();
create trigger mentoring_groups_watch_update after update on mentoring_groups referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_group();
create trigger mentoring_groups_watch_delete after delete on mentoring_groups referencing old table as old_rows
    for each statement execute function watch_touch_group();

-- Existing pairs: computed once now.
select watch_refresh(array(select id from mentoring_groups where status = 'active' order by id),
                     array(select distinct organization_id from mentoring_groups), moscow_today());

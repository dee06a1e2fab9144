-- The watch store (migration 15) recreated as it is now, and one Moscow day for SQL.
--
-- 2026-11-21_15_watch_store.sql was edited four times after it reached main, and the runner skipped any file whose name
-- was recorded, so a database that applied an early text kept the old definitions for good: pair_watch without the
-- members' names and its per-list indexes, no triggers on members and people, watch_touch_child/watch_touch_member
-- instead of watch_touch_rows, watch_refresh compiling its plan with JIT. This file brings any of those texts to the
-- final one; every statement is idempotent, so on a database that applied the final text it changes only the Moscow
-- day below. (Migrations 17 and 18 do not touch the watch store.) The runner now refuses edited migrations.
--
-- One Moscow day: moscow_today() (what the triggers call) and moscow_day_start() are the only SQL that turns an instant
-- into a Moscow date; pages, the CLI and the nightly pass compute «today» with MoscowTime and pass it in. Migration 15
-- used a fixed +3 h; MoscowTime asks the tz database for Europe/Moscow (a fixed +3 only on a machine without tzdata),
-- so SQL asks for 'Europe/Moscow' too: the same answer for every date since 2014, and the same rule as the C# side for
-- older dates or a future change of Moscow's offset. PostgreSQL always has the tz database, so no fallback here;
-- timezone(text, timestamp) is immutable in PostgreSQL, so moscow_day_start stays immutable.
create or replace function moscow_today() returns date language sql stable as $$
    select (now() at time zone 'Europe/Moscow')::date
$$;

create or replace function moscow_day_start(day date) returns timestamptz language sql immutable as $$
    select day::timestamp at time zone 'Europe/Moscow'
$$;

-- The first texts had no names and no per-list indexes. The names are filled by the recomputation at the end.
alter table pair_watch add column if not exists mentors text not null default '';
alter table pair_watch add column if not exists mentees text not null default '';
alter table pair_watch alter column mentors drop default, alter column mentees drop default;
create index if not exists pair_watch_stalled_idx on pair_watch (organization_id, start_date, group_id) where stalled;
create index if not exists pair_watch_feedback_idx on pair_watch (organization_id, start_date, group_id) where missing_feedback;
create index if not exists pair_watch_contacts_idx on pair_watch (organization_id, start_date, group_id) where overdue_contacts;
create index if not exists pair_watch_ratings_idx on pair_watch (organization_id, start_date, group_id) where low_ratings;
create index if not exists organizations_municipality_idx on organizations (municipality_id);

-- The functions, word for word as in migration 15 now. pair_watch_rows is dropped first: the first texts returned
-- fewer columns, and "create or replace" cannot change a function's result type (only watch_refresh calls it).

-- The curator's contact cadence of each side of the given pairs on «today» (the twin of ContactCadence): at least two
-- contacts with each side within the first 30 days, then at least one a month. Only contacts since the start of the
-- month before last can change a status: a pair whose first 30 days still matter started after that date, and older
-- pairs are judged by last month's and this month's contacts. A closed pair answers «closed».
create or replace function pair_cadence(ids bigint[], today date)
returns table (group_id bigint, side text, status text, due_on date)
language sql stable as $$
    with g as (
        select g.id, g.start_date, g.status = 'closed' as closed from unnest(ids) i (id) join mentoring_groups g on g.id = i.id
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
-- curator contacts overdue), with the current members' names (ФИО) the school's staff see on the list. Feedback is
-- dated by its Moscow day.
drop function if exists pair_watch_rows(bigint[], date);
create function pair_watch_rows(ids bigint[], today date)
returns table (group_id bigint, organization_id bigint, start_date date,
               stalled boolean, missing_feedback boolean, overdue_contacts boolean, low_ratings boolean,
               mentors text, mentees text)
language sql stable as $$
    with g as (
        select g.id, g.organization_id, g.start_date from unnest(ids) i (id) join mentoring_groups g on g.id = i.id where g.status = 'active'
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
    overdue as (select c.group_id from pair_cadence(array(select id from g), today) c where c.status = 'overdue' group by c.group_id),
    names as (
        select m.group_id,
               string_agg(concat_ws(' ', p.last_name, p.first_name, nullif(p.middle_name, '')), ', ' order by p.last_name, p.first_name, p.id)
                   filter (where m.role = 'mentor') as mentors,
               string_agg(concat_ws(' ', p.last_name, p.first_name, nullif(p.middle_name, '')), ', ' order by p.last_name, p.first_name, p.id)
                   filter (where m.role = 'mentee') as mentees
        from g join group_members m on m.group_id = g.id join people p on p.id = m.person_id
        where m.left_on is null
        group by m.group_id
    )
    select g.id, g.organization_id, g.start_date,
           coalesce(met.last_on, g.start_date) <= today - 30,
           g.start_date <= today - 30 and (fb.mentor_at is null or fb.mentor_at < moscow_day_start(today - 29)
                                           or fb.mentee_at is null or fb.mentee_at < moscow_day_start(today - 29)),
           overdue.group_id is not null,
           coalesce(fb.usefulness < 5 or fb.comfort < 5, false),
           coalesce(names.mentors, ''), coalesce(names.mentees, '')
    from g
    left join met on met.group_id = g.id
    left join fb on fb.group_id = g.id
    left join overdue on overdue.group_id = g.id
    left join names on names.group_id = g.id
$$;

-- Recompute the given pairs, and every active pair of an organization whose counts are not as of «today», then the
-- counts of those organizations. Rows are written in key order so concurrent refreshes wait rather than deadlock.
-- No JIT: the estimates for a set of pairs passed as an array are rough, and compiling the plan took longer (~0.7 s)
-- than running it for a whole school.
create or replace function watch_refresh(ids bigint[], orgs bigint[], today date) returns void language plpgsql set jit = off as $$
declare
    all_orgs bigint[];
    stale_orgs bigint[];
    targets bigint[];
begin
    all_orgs := array(
        select distinct x from (
            select unnest(coalesce(orgs, '{}')) as x
            union all select g.organization_id from unnest(ids) i (id) join mentoring_groups g on g.id = i.id
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
    using unnest(targets) t (id)
    where w.group_id = t.id
      and not exists (select 1 from mentoring_groups g where g.id = w.group_id and g.status = 'active');
    insert into pair_watch as w (group_id, organization_id, start_date, as_of, stalled, missing_feedback, overdue_contacts, low_ratings, mentors, mentees)
    select r.group_id, r.organization_id, r.start_date, today, r.stalled, r.missing_feedback, r.overdue_contacts, r.low_ratings, r.mentors, r.mentees
    from pair_watch_rows(targets, today) r
    order by r.group_id
    on conflict (group_id) do update set
        organization_id = excluded.organization_id, start_date = excluded.start_date, as_of = excluded.as_of,
        stalled = excluded.stalled, missing_feedback = excluded.missing_feedback,
        overdue_contacts = excluded.overdue_contacts, low_ratings = excluded.low_ratings,
        mentors = excluded.mentors, mentees = excluded.mentees;

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

-- Meetings, feedback, contacts and members (joining, leaving): the pairs the statement touched. Their organizations
-- follow from the pairs; a pair deleted with them is handled by the pairs' own trigger.
create or replace function watch_touch_rows() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if tg_op = 'INSERT' then
        ids := array(select distinct group_id from new_rows);
    elsif tg_op = 'DELETE' then
        ids := array(select distinct group_id from old_rows);
    else
        ids := array(select group_id from new_rows union select group_id from old_rows);
    end if;
    perform watch_refresh(ids, '{}', moscow_today());
    return null;
end $$;

create or replace function watch_touch_group() returns trigger language plpgsql as $$
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

-- A person's name corrected (or erased on destruction): the names on the list follow.
create or replace function watch_touch_person() returns trigger language plpgsql as $$
begin
    perform watch_refresh(
        array(select distinct m.group_id
              from new_rows n join old_rows o on o.id = n.id join group_members m on m.person_id = n.id
              where (n.last_name, n.first_name, n.middle_name) is distinct from (o.last_name, o.first_name, o.middle_name)),
        '{}', moscow_today());
    return null;
end $$;

-- The triggers, each pointed at its current function (earlier texts had meetings, feedback and contacts on
-- watch_touch_child and members on watch_touch_member, dropped below once nothing uses them).
drop trigger if exists meetings_watch_insert on meetings;
create trigger meetings_watch_insert after insert on meetings referencing new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists meetings_watch_update on meetings;
create trigger meetings_watch_update after update on meetings referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists meetings_watch_delete on meetings;
create trigger meetings_watch_delete after delete on meetings referencing old table as old_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists feedback_watch_insert on feedback;
create trigger feedback_watch_insert after insert on feedback referencing new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists feedback_watch_update on feedback;
create trigger feedback_watch_update after update on feedback referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists feedback_watch_delete on feedback;
create trigger feedback_watch_delete after delete on feedback referencing old table as old_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists contact_logs_watch_insert on contact_logs;
create trigger contact_logs_watch_insert after insert on contact_logs referencing new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists contact_logs_watch_update on contact_logs;
create trigger contact_logs_watch_update after update on contact_logs referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists contact_logs_watch_delete on contact_logs;
create trigger contact_logs_watch_delete after delete on contact_logs referencing old table as old_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists mentoring_groups_watch_insert on mentoring_groups;
create trigger mentoring_groups_watch_insert after insert on mentoring_groups referencing new table as new_rows
    for each statement execute function watch_touch_group();
drop trigger if exists mentoring_groups_watch_update on mentoring_groups;
create trigger mentoring_groups_watch_update after update on mentoring_groups referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_group();
drop trigger if exists mentoring_groups_watch_delete on mentoring_groups;
create trigger mentoring_groups_watch_delete after delete on mentoring_groups referencing old table as old_rows
    for each statement execute function watch_touch_group();
drop trigger if exists group_members_watch_insert on group_members;
create trigger group_members_watch_insert after insert on group_members referencing new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists group_members_watch_update on group_members;
create trigger group_members_watch_update after update on group_members referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists group_members_watch_delete on group_members;
create trigger group_members_watch_delete after delete on group_members referencing old table as old_rows
    for each statement execute function watch_touch_rows();
drop trigger if exists people_watch_update on people;
create trigger people_watch_update after update on people referencing old table as old_rows new table as new_rows
    for each statement execute function watch_touch_person();

drop function if exists watch_touch_child();
drop function if exists watch_touch_member();

-- Every pair recomputed once with the definitions above (and the names the first texts did not keep).
select watch_refresh(array(select id from mentoring_groups where status = 'active' order by id),
                     array(select distinct organization_id from mentoring_groups), moscow_today());

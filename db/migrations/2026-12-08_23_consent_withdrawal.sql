-- Withdrawal of consent stops processing at once (issue 12): a member who withdrew leaves the pair or group with the
-- reason «отзыв согласия», and a pair or group left without a mentee or a mentor closes early with that reason.

alter table mentoring_groups drop constraint mentoring_groups_closure_reason_check;
alter table mentoring_groups add constraint mentoring_groups_closure_reason_check
    check (closure_reason in ('none', 'goal_reached', 'relocation', 'mentee_refused', 'mentor_refused', 'conflict', 'illness', 'other',
                              'consent_withdrawn'));

-- Why a member left before the pair closed: 'none' (left with the closure, or not said), 'consent_withdrawn'.
alter table group_members add column left_reason text not null default 'none'
    check (left_reason in ('none', 'consent_withdrawn'));

-- People blocked or destroyed before this change stayed members: they leave now, on the day they were blocked.
update group_members m
set left_on = greatest(m.joined_on, coalesce((p.blocked_at at time zone 'Europe/Moscow')::date, moscow_today())),
    left_reason = 'consent_withdrawn'
from people p
where p.id = m.person_id and m.left_on is null and p.status in ('blocked', 'destroyed');

-- A pair or group those members leave without a mentee or a mentor closes (the watch store follows by its triggers).
update mentoring_groups g
set status = 'closed', closure_kind = 'early', closure_reason = 'consent_withdrawn', paused_on = null,
    closed_on = greatest(g.start_date, (select max(m.left_on) from group_members m where m.group_id = g.id and m.left_reason = 'consent_withdrawn'))
where g.status <> 'closed'
  and exists (select 1 from group_members m where m.group_id = g.id and m.left_reason = 'consent_withdrawn')
  and (not exists (select 1 from group_members m where m.group_id = g.id and m.left_on is null and m.role = 'mentee')
       or not exists (select 1 from group_members m where m.group_id = g.id and m.left_on is null and m.role = 'mentor'));
update group_members m set left_on = g.closed_on
from mentoring_groups g
where g.id = m.group_id and m.left_on is null and g.status = 'closed' and g.closure_reason = 'consent_withdrawn';

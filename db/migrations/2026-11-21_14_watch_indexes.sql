-- Watch lists and the contact cadence (issue 6, Pairs/Watch): the queries read only the recent rows of meetings,
-- feedback and contacts of a whole municipality or region at once. Date-first indexes turn those into one range scan
-- (index-only, thanks to the included columns) instead of one probe per pair.
create index meetings_held_on_idx on meetings (held_on) include (group_id);
create index feedback_submitted_idx on feedback (submitted_at) include (group_id, role, usefulness, comfort);
create index contact_logs_contacted_idx on contact_logs (contacted_on) include (group_id, with_role);
-- Active pairs of a school: the curator's list and the reminders.
create index mentoring_groups_active_idx on mentoring_groups (organization_id) include (start_date, region_id) where status = 'active';

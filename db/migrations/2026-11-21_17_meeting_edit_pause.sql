-- Pairs at work, continued (issue 6): one feedback per meeting per person, and pausing a pair.

-- A member rates a given meeting once; monthly feedback (no meeting) stays unlimited. Earlier duplicates are kept but
-- detached from the meeting (they become monthly feedback) rather than deleted: the first one stays the meeting's.
update feedback f set meeting_id = null
where f.meeting_id is not null
  and exists (select 1 from feedback e where e.meeting_id = f.meeting_id and e.person_id = f.person_id and e.id < f.id);
create unique index feedback_meeting_person_uq on feedback (meeting_id, person_id) where meeting_id is not null;

-- «Приостановлена»: since when, why, and when the pair means to resume (optional). A paused pair always says since when.
alter table mentoring_groups add column paused_on date null;
alter table mentoring_groups add column pause_reason text not null default '' check (length(pause_reason) <= 1000);
alter table mentoring_groups add column resume_on date null;
alter table mentoring_groups add constraint mentoring_groups_paused check (status <> 'paused' or paused_on is not null);
alter table mentoring_groups add constraint mentoring_groups_resume check (resume_on is null or paused_on is null or resume_on >= paused_on);

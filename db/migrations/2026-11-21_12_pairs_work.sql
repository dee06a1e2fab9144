-- Pairs and groups at work (issue 6): the personal plan, meetings, feedback, the curator's contacts, problem reports,
-- mentor training, closure and recognition.

-- Closure of a pair or group and its reflection (DOMAIN.md §4 «Завершение»).
alter table mentoring_groups add column closure_kind text not null default 'none' check (closure_kind in ('none', 'planned', 'early'));
alter table mentoring_groups add column closure_reason text not null default 'none'
    check (closure_reason in ('none', 'goal_reached', 'relocation', 'mentee_refused', 'mentor_refused', 'conflict', 'illness', 'other'));
alter table mentoring_groups add column closure_comment text not null default '' check (length(closure_comment) <= 2000);
alter table mentoring_groups add column reflection text not null default '' check (length(reflection) <= 4000);
alter table mentoring_groups add column results text not null default '' check (length(results) <= 4000);
-- A pair proposed to the best-practice bank (only with the participants' distribution consent).
alter table mentoring_groups add column case_proposed_at timestamptz null;

-- «Персонализированная программа наставничества»: goals with a measurable result and a due date, each with tasks.
create table plan_goals (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    position integer not null,
    goal text not null check (length(goal) between 1 and 500),
    measure text not null default '' check (length(measure) <= 500),
    due_on date null,
    progress integer not null default 0 check (progress between 0 and 100),
    done_on date null,
    created_at timestamptz not null default now()
);
create index plan_goals_group_idx on plan_goals (group_id, position);

create table plan_tasks (
    id bigint generated always as identity primary key,
    goal_id bigint not null references plan_goals (id) on delete cascade,
    position integer not null,
    text text not null check (length(text) between 1 and 500),
    due_on date null,
    is_done boolean not null default false
);
create index plan_tasks_goal_idx on plan_tasks (goal_id, position);

-- A meeting of a pair or group (DOMAIN.md §4 «Meeting record»).
create table meetings (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    type text not null check (type in ('introduction', 'trial', 'planning', 'regular', 'final')),
    held_on date not null,
    start_time time null,
    duration_minutes integer not null check (duration_minutes between 5 and 600),
    format text not null check (format in ('in_person', 'online')),
    place text not null default '' check (length(place) <= 300),
    topic text not null default '' check (length(topic) <= 500),
    result text not null default '' check (length(result) <= 2000),
    next_step text not null default '' check (length(next_step) <= 1000),
    next_date date null,
    -- The pробная встреча's outcome: the pair confirmed or to be re-formed.
    outcome text not null default 'none' check (outcome in ('none', 'confirmed', 'reform')),
    -- Why a step of the sequence was skipped (a warning, allowed with a reason).
    skip_reason text not null default '' check (length(skip_reason) <= 500),
    attendee_person_ids bigint[] not null default '{}',
    recorded_by_user_id bigint null references users (id),
    created_at timestamptz not null default now()
);
create index meetings_group_idx on meetings (group_id, held_on desc);
create index meetings_organization_idx on meetings (organization_id, held_on);

-- Feedback of one member after a meeting, or a monthly one (DOMAIN.md §4 «Feedback»).
create table feedback (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    meeting_id bigint null references meetings (id) on delete set null,
    person_id bigint not null references people (id),
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    role text not null check (role in ('mentor', 'mentee')),
    usefulness integer not null check (usefulness between 1 and 10),
    comfort integer not null check (comfort between 1 and 10),
    progress integer null check (progress between 1 and 10),
    went_well text not null default '' check (length(went_well) <= 2000),
    obstacles text not null default '' check (length(obstacles) <= 2000),
    needs_help boolean not null default false,
    -- «мне было некомфортно или небезопасно»: notifies the curator at once; seen by the curator and the head only.
    unsafe boolean not null default false,
    submitted_at timestamptz not null default now()
);
create index feedback_group_idx on feedback (group_id, role, submitted_at desc);
create index feedback_organization_idx on feedback (organization_id, submitted_at);

-- The curator's contacts with the pair's members (DOMAIN.md §4 «Staff contact cadence»).
create table contact_logs (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    contacted_on date not null,
    duration_minutes integer null check (duration_minutes between 1 and 600),
    channel text not null check (channel in ('meeting', 'call', 'message')),
    with_role text not null check (with_role in ('mentor', 'mentee', 'representative')),
    person_id bigint null references people (id),
    nature text not null check (nature in ('planned', 'problem', 'support', 'closure')),
    note text not null default '' check (length(note) <= 2000),
    user_id bigint null references users (id),
    created_at timestamptz not null default now()
);
create index contact_logs_group_idx on contact_logs (group_id, with_role, contacted_on);

-- «Сообщить о проблеме»: a confidential note to the curator, visible to nobody else.
create table problem_reports (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    person_id bigint null references people (id),
    user_id bigint null references users (id),
    text text not null check (length(text) between 1 and 4000),
    created_at timestamptz not null default now(),
    read_at timestamptz null
);
create index problem_reports_organization_idx on problem_reports (organization_id, created_at desc);

-- Mentor training events and courses, run by an organization, a municipality or a region for many organizations.
create table trainings (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    municipality_id bigint null references municipalities (id),
    organization_id bigint null references organizations (id),
    title text not null check (length(title) between 1 and 300),
    hours numeric(6, 1) not null check (hours > 0 and hours <= 500),
    starts_on date not null,
    ends_on date not null,
    trainer text not null default '' check (length(trainer) <= 300),
    created_at timestamptz not null default now(),
    constraint trainings_period check (starts_on <= ends_on)
);

create table training_participants (
    id bigint generated always as identity primary key,
    training_id bigint not null references trainings (id) on delete cascade,
    person_id bigint not null references people (id),
    organization_id bigint not null references organizations (id),
    attended boolean not null default false,
    completed_on date null,
    constraint training_participants_unique unique (training_id, person_id)
);
create index training_participants_person_idx on training_participants (person_id);

-- Mentor recognition: «благодарность», «грамота», «приказ о поощрении».
create table recognitions (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id),
    group_id bigint null references mentoring_groups (id) on delete set null,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    kind text not null check (kind in ('gratitude', 'certificate', 'order')),
    granted_on date not null,
    order_number text not null default '' check (length(order_number) <= 50),
    text text not null default '' check (length(text) <= 2000),
    created_at timestamptz not null default now()
);

-- One-time sign-in codes printed on a slip for pupils without e-mail (only a hash is kept).
create table access_codes (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    code_hash text not null,
    created_by_user_id bigint null references users (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz null
);
create index access_codes_user_idx on access_codes (user_id) where used_at is null;

-- «Итоговое мероприятие»: a group final event that closes several pairs at once.
create table final_events (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    program_id bigint null references programs (id),
    title text not null check (length(title) between 1 and 300),
    held_on date not null,
    created_at timestamptz not null default now()
);
alter table mentoring_groups add column final_event_id bigint null references final_events (id);

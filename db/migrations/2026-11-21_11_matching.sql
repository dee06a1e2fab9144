-- Matching (issue 5): runs of the matcher for a programme, their proposals awaiting the curator's review, the
-- mentee-choice shortlists, and the pairs and groups («наставнические пары и группы») an approved run creates.

-- What the matcher needs from the mentee base beyond requests: when the mentee can meet, whom they asked for,
-- and whom the curator excluded for them.
alter table mentee_profiles add column availability text not null default '' check (length(availability) <= 500);
alter table mentee_profiles add column preferred_mentor_profile_id bigint null references mentor_profiles (id) on delete set null;
alter table mentee_profiles add column excluded_mentor_profile_ids bigint[] not null default '{}';

-- One run of the matcher for one programme and form. Large runs are executed by a background worker
-- (status queued → running → draft), the progress is shown to the curator.
create table match_runs (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    program_id bigint not null references programs (id),
    form text not null check (length(form) between 1 and 50),
    delivery_mode text not null default '' check (length(delivery_mode) <= 50),
    -- optimal: the whole-pool optimiser; choice: mentees pick from a shortlist, mentors accept or decline.
    mode text not null check (mode in ('optimal', 'choice')),
    is_group boolean not null default false,
    -- Weights of the score factors as chosen by the curator: {"topics": 40, "subject": 15, ...}.
    weights jsonb not null,
    status text not null default 'queued' check (status in ('queued', 'running', 'draft', 'failed', 'approved', 'discarded')),
    progress integer not null default 0 check (progress between 0 and 100),
    progress_note text not null default '' check (length(progress_note) <= 500),
    error text not null default '' check (length(error) <= 2000),
    total_score bigint null,
    matched integer null,
    unmatched integer null,
    solve_ms integer null,
    created_by_user_id bigint null references users (id),
    created_at timestamptz not null default now(),
    started_at timestamptz null,
    finished_at timestamptz null,
    approved_by_user_id bigint null references users (id),
    approved_at timestamptz null,
    start_date date null,
    order_number text not null default '' check (length(order_number) <= 50),
    order_date date null
);
create index match_runs_program_idx on match_runs (program_id, created_at desc);
create index match_runs_queued_idx on match_runs (created_at) where status = 'queued';

-- One line of a run's proposal: a mentee with the proposed mentor (null: unmatched, with the reason).
create table match_proposals (
    id bigint generated always as identity primary key,
    run_id bigint not null references match_runs (id) on delete cascade,
    mentee_profile_id bigint not null references mentee_profiles (id) on delete cascade,
    mentor_profile_id bigint null references mentor_profiles (id) on delete cascade,
    score integer not null default 0 check (score between 0 and 1000),
    -- [{"code": "topics", "title": "…", "points": 320, "detail": "…"}, …]
    breakdown jsonb not null default '[]',
    alternative_mentor_profile_id bigint null references mentor_profiles (id) on delete set null,
    alternative_score integer null,
    is_locked boolean not null default false,
    is_manual boolean not null default false,
    -- Hard filters a manual pair breaks, in Russian, shown as warnings.
    warnings text[] not null default '{}',
    unmatched_reason text not null default '' check (length(unmatched_reason) <= 1000),
    constraint match_proposals_unique unique (run_id, mentee_profile_id)
);
create index match_proposals_mentor_idx on match_proposals (run_id, mentor_profile_id);

-- Mentee-choice mode: the shortlist offered to each mentee and what became of each offer.
create table match_choices (
    id bigint generated always as identity primary key,
    run_id bigint not null references match_runs (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    mentee_profile_id bigint not null references mentee_profiles (id) on delete cascade,
    mentor_profile_id bigint not null references mentor_profiles (id) on delete cascade,
    rank integer not null check (rank between 1 and 20),
    score integer not null check (score between 0 and 1000),
    breakdown jsonb not null default '[]',
    -- offered → chosen (by the mentee) → accepted / declined (by the mentor); withdrawn when another offer was taken.
    status text not null default 'offered' check (status in ('offered', 'chosen', 'accepted', 'declined', 'withdrawn')),
    created_at timestamptz not null default now(),
    decided_at timestamptz null,
    constraint match_choices_unique unique (run_id, mentee_profile_id, mentor_profile_id)
);
create index match_choices_mentor_idx on match_choices (mentor_profile_id, status);

-- «Наставническая пара или группа»: the unit of work (a pair is a group with one mentee).
create table mentoring_groups (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    program_id bigint not null references programs (id),
    is_group boolean not null default false,
    form text not null check (length(form) between 1 and 50),
    role_variant text not null default '' check (length(role_variant) <= 200),
    delivery_mode text not null default '' check (length(delivery_mode) <= 50),
    curator_user_id bigint null references users (id),
    start_date date not null,
    planned_end date null,
    status text not null default 'active' check (status in ('active', 'paused', 'closed')),
    closed_on date null,
    match_run_id bigint null references match_runs (id),
    created_at timestamptz not null default now(),
    constraint mentoring_groups_period check (planned_end is null or planned_end >= start_date),
    constraint mentoring_groups_closed check ((status = 'closed') = (closed_on is not null))
);
create index mentoring_groups_organization_idx on mentoring_groups (organization_id, status);
create index mentoring_groups_program_idx on mentoring_groups (program_id);

create table group_members (
    id bigint generated always as identity primary key,
    group_id bigint not null references mentoring_groups (id) on delete cascade,
    person_id bigint not null references people (id),
    role text not null check (role in ('mentor', 'mentee')),
    mentor_profile_id bigint null references mentor_profiles (id),
    mentee_profile_id bigint null references mentee_profiles (id),
    joined_on date not null,
    left_on date null,
    constraint group_members_unique unique (group_id, person_id),
    constraint group_members_profile check ((role = 'mentor') = (mentor_profile_id is not null) and (role = 'mentee') = (mentee_profile_id is not null))
);
create index group_members_person_idx on group_members (person_id);
create index group_members_mentee_profile_idx on group_members (mentee_profile_id) where mentee_profile_id is not null;
create index group_members_mentor_profile_idx on group_members (mentor_profile_id) where mentor_profile_id is not null;

-- The bases: people, legal representatives, programmes, the shared topic taxonomy, mentee and mentor profiles,
-- consents (152-ФЗ) with destruction acts, questionnaires with versioned instruments and time-stamped answers.

create table people (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    kind text not null check (kind in ('pupil', 'teacher', 'student', 'employer_staff', 'parent', 'other')),
    last_name text not null check (length(last_name) between 1 and 100),
    first_name text not null check (length(first_name) between 1 and 100),
    middle_name text not null default '' check (length(middle_name) <= 100),
    birth_date date null,
    sex text null check (sex in ('m', 'f')),
    phone text not null default '' check (length(phone) <= 50),
    email text not null default '' check (length(email) <= 200),
    -- Pupils: «7Б» normalized (grade + letter); grade kept apart for age/grade rules.
    class_name text not null default '' check (length(class_name) <= 10),
    grade integer null check (grade between 0 and 11),
    position text not null default '' check (length(position) <= 200),
    subjects text not null default '' check (length(subjects) <= 500),
    experience_start date null,
    college text not null default '' check (length(college) <= 300),
    partner_id bigint null references partners (id),
    -- awaiting_consent: intake only (ФИО, class, representative's contact); active: may be processed;
    -- blocked: consent withdrawn, hidden everywhere; destroyed: personal fields erased, row kept for counts.
    status text not null default 'awaiting_consent' check (status in ('awaiting_consent', 'active', 'blocked', 'destroyed')),
    blocked_at timestamptz null,
    special_categories text[] not null default '{}',
    created_at timestamptz not null default now()
);
create index people_organization_idx on people (organization_id);
create index people_region_idx on people (region_id);
-- Surname-prefix search within an organization or a region.
create index people_last_name_prefix_idx on people (organization_id, lower(last_name) text_pattern_ops);
create index people_region_last_name_prefix_idx on people (region_id, lower(last_name) text_pattern_ops);
-- Matching key of imports: ФИО + date of birth within the organization.
create index people_identity_idx on people (organization_id, lower(last_name), lower(first_name), lower(middle_name), birth_date);

create table legal_representatives (
    id bigint generated always as identity primary key,
    child_id bigint not null references people (id) on delete cascade,
    representative_id bigint not null references people (id) on delete cascade,
    relationship text not null check (relationship in ('mother', 'father', 'guardian', 'custodian', 'other')),
    document text not null default '' check (length(document) <= 300),
    constraint legal_representatives_unique unique (child_id, representative_id)
);

-- Field-by-field history of a person's card (values are personal data: shown only on the card, in scope).
create table person_changes (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id) on delete cascade,
    at timestamptz not null default now(),
    user_id bigint null references users (id),
    field text not null,
    old_value text not null default '',
    new_value text not null default ''
);
create index person_changes_person_idx on person_changes (person_id, at desc);

create table programs (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    name text not null check (length(name) between 1 and 500),
    family text not null check (family in ('learners', 'teachers')),
    period_start date not null,
    period_end date not null,
    curator_user_id bigint null references users (id),
    forms text[] not null default '{}',
    delivery_modes text[] not null default '{}',
    accessibility_measures text[] not null default '{}',
    regulation_file_name text not null default '',
    regulation_content bytea null,
    created_at timestamptz not null default now(),
    constraint programs_period check (period_start <= period_end)
);
create index programs_organization_idx on programs (organization_id);

-- «Темы запросов и компетенций»: seeded (region_id null), regional or organizations' own additions.
create table topics (
    id bigint generated always as identity primary key,
    region_id bigint null references regions (id),
    organization_id bigint null references organizations (id),
    family text not null check (family in ('learners', 'teachers')),
    name text not null check (length(name) between 1 and 300),
    subject text not null default '' check (length(subject) <= 100),
    is_active boolean not null default true
);

create table mentee_profiles (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id) on delete cascade,
    program_id bigint not null references programs (id),
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    key_topic_id bigint null references topics (id),
    extra_topic_ids bigint[] not null default '{}',
    request_text text not null default '' check (length(request_text) <= 2000),
    source text not null check (source in ('self', 'class_teacher', 'psychologist', 'social_teacher', 'parents', 'diagnostics', 'administration')),
    entry_date date not null,
    status text not null default 'candidate' check (status in ('candidate', 'awaiting_consent', 'admitted', 'in_pair', 'finished', 'left')),
    results text not null default '' check (length(results) <= 4000),
    case_link text not null default '' check (length(case_link) <= 1000),
    end_date date null,
    created_at timestamptz not null default now(),
    constraint mentee_profiles_unique unique (person_id, program_id)
);
create index mentee_profiles_organization_idx on mentee_profiles (organization_id);

create table mentor_profiles (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id) on delete cascade,
    program_id bigint not null references programs (id),
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    competency_topic_ids bigint[] not null default '{}',
    achievements text not null default '' check (length(achievements) <= 2000),
    interests text not null default '' check (length(interests) <= 2000),
    desired_age_min integer null,
    desired_age_max integer null,
    hours_per_month integer null check (hours_per_month between 0 and 200),
    availability text not null default '' check (length(availability) <= 500),
    capacity integer not null default 3 check (capacity between 1 and 30),
    allowed_forms text[] not null default '{}',
    source text not null default '' check (length(source) <= 100),
    status text not null default 'candidate' check (status in ('candidate', 'awaiting_consent', 'admitted', 'in_pair', 'finished', 'left')),
    interview_date date null,
    interview_notes text not null default '' check (length(interview_notes) <= 4000),
    screening_done text[] not null default '{}',
    training_course text not null default '' check (length(training_course) <= 300),
    training_provider text not null default '' check (length(training_provider) <= 300),
    training_hours numeric(6, 1) null,
    training_completed_on date null,
    results text not null default '' check (length(results) <= 4000),
    case_link text not null default '' check (length(case_link) <= 1000),
    created_at timestamptz not null default now(),
    constraint mentor_profiles_unique unique (person_id, program_id),
    constraint mentor_profiles_ages check (desired_age_min is null or desired_age_max is null or desired_age_min <= desired_age_max)
);
create index mentor_profiles_organization_idx on mentor_profiles (organization_id);

create table consents (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    purpose text not null check (purpose in ('processing', 'distribution', 'extra_duties')),
    -- Who signed: the person themself, or a legal representative (a person) with their authority.
    signer text not null check (signer in ('self', 'representative')),
    representative_id bigint null references people (id),
    authority text not null default '' check (authority in ('', 'parent', 'guardian', 'custodian')),
    given_on date not null,
    form_version text not null default '' check (length(form_version) <= 50),
    document_number text not null default '' check (length(document_number) <= 100),
    scan_file_name text not null default '',
    scan_content bytea null,
    -- Distribution consents: what may be published and where.
    distribution_scope text not null default '' check (length(distribution_scope) <= 1000),
    withdrawn_on date null,
    created_at timestamptz not null default now(),
    constraint consents_representative check ((signer = 'representative') = (representative_id is not null))
);
create index consents_person_idx on consents (person_id);

-- Kept after a person's fields are destroyed: what, when, by whom, on what basis.
create table destruction_acts (
    id bigint generated always as identity primary key,
    person_id bigint not null references people (id),
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    destroyed_at timestamptz not null default now(),
    fields text not null,
    basis text not null,
    user_id bigint null references users (id)
);

create table instruments (
    id bigint generated always as identity primary key,
    region_id bigint null references regions (id),
    code text not null check (length(code) between 1 and 50),
    name text not null check (length(name) between 1 and 300),
    family text not null check (family in ('learners', 'teachers')),
    form text not null default '',
    respondent text not null check (respondent in ('mentee', 'mentor', 'curator', 'parent')),
    moment text not null check (moment in ('entry', 'after_meeting', 'interim', 'exit')),
    version integer not null default 1,
    -- A version with responses is frozen; edits create a new version.
    is_frozen boolean not null default false,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint instruments_version_unique unique (code, version)
);

create table instrument_items (
    id bigint generated always as identity primary key,
    instrument_id bigint not null references instruments (id) on delete cascade,
    position integer not null,
    kind text not null check (kind in ('scale', 'yes_no', 'single', 'multiple', 'number', 'text')),
    text text not null check (length(text) between 1 and 1000),
    options text[] not null default '{}',
    -- An answer may fill a profile field.
    fills text not null default '' check (fills in ('', 'requests', 'competencies', 'availability', 'interests')),
    is_required boolean not null default false,
    constraint instrument_items_position_unique unique (instrument_id, position)
);

create table responses (
    id bigint generated always as identity primary key,
    instrument_id bigint not null references instruments (id),
    person_id bigint not null references people (id) on delete cascade,
    region_id bigint not null references regions (id),
    organization_id bigint not null references organizations (id),
    program_id bigint null references programs (id),
    submitted_at timestamptz not null default now(),
    entered_by_user_id bigint null references users (id),
    from_paper boolean not null default false
);
create index responses_person_idx on responses (person_id);

create table response_answers (
    id bigint generated always as identity primary key,
    response_id bigint not null references responses (id) on delete cascade,
    item_id bigint not null references instrument_items (id),
    value text not null default '' check (length(value) <= 4000),
    constraint response_answers_unique unique (response_id, item_id)
);

-- A person's own login (mentor, mentee, parent self-service).
alter table users add column person_id bigint null references people (id);

-- The uploads table now also holds people lists awaiting their preview.
alter table uploads drop constraint uploads_kind_check;
alter table uploads add constraint uploads_kind_check check (kind in ('organizations', 'roadmap', 'people'));

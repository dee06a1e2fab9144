-- Roadmaps (дорожные карты): documents made live plans, their approval history, dated occurrences with execution
-- records and evidence; in-app notifications and an e-mail outbox for reminders.

create table roadmaps (
    id bigint generated always as identity primary key,
    region_id bigint not null references regions (id),
    level text not null check (level in ('region', 'municipality', 'organization')),
    municipality_id bigint null references municipalities (id),
    organization_id bigint null references organizations (id),
    title text not null check (length(title) between 1 and 1000),
    period_start date not null,
    period_end date not null,
    -- «Приложение к приказу Управления образования г. Азова от 15.09.2020 № 423»
    basis text not null default '' check (length(basis) <= 1000),
    order_number text not null default '' check (length(order_number) <= 100),
    order_date date null,
    status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'agreed', 'approved')),
    version integer not null default 1,
    is_template boolean not null default false,
    source_roadmap_id bigint null references roadmaps (id),
    source_file_name text not null default '',
    -- SHA-256 of the imported file: a re-import of the same file into the same node finds the roadmap it made.
    source_hash text not null default '',
    created_at timestamptz not null default now(),
    constraint roadmaps_period check (period_start <= period_end),
    constraint roadmaps_node check (
        (level = 'region' and municipality_id is null and organization_id is null)
        or (level = 'municipality' and municipality_id is not null and organization_id is null)
        or (level = 'organization' and municipality_id is not null and organization_id is not null))
);
create index roadmaps_region_idx on roadmaps (region_id);
create index roadmaps_municipality_idx on roadmaps (municipality_id);
create index roadmaps_organization_idx on roadmaps (organization_id);
create unique index roadmaps_source_unique on roadmaps (region_id, level, coalesce(municipality_id, 0), coalesce(organization_id, 0), source_hash)
    where source_hash <> '';

create table roadmap_sections (
    id bigint generated always as identity primary key,
    roadmap_id bigint not null references roadmaps (id) on delete cascade,
    position integer not null,
    number text not null default '' check (length(number) <= 20),
    title text not null check (length(title) <= 2000),
    constraint roadmap_sections_position_unique unique (roadmap_id, position)
);

create table roadmap_items (
    id bigint generated always as identity primary key,
    roadmap_id bigint not null references roadmaps (id) on delete cascade,
    section_id bigint null references roadmap_sections (id) on delete cascade,
    position integer not null,
    number text not null default '' check (length(number) <= 30),
    title text not null check (length(title) between 1 and 4000),
    deadline_text text not null default '' check (length(deadline_text) <= 1000),
    deadline_kind text not null check (deadline_kind in ('once', 'window', 'recurring', 'checkpoints', 'continuous', 'on_demand', 'unrecognized')),
    deadline_low_precision boolean not null default false,
    deadline_then_on_demand boolean not null default false,
    -- Separate «Дата начала / Дата окончания» columns (Дубна) as written.
    start_text text not null default '' check (length(start_text) <= 100),
    end_text text not null default '' check (length(end_text) <= 100),
    responsible text not null default '' check (length(responsible) <= 2000),
    responsible_regional text null check (length(responsible_regional) <= 2000),
    responsible_municipal text null check (length(responsible_municipal) <= 2000),
    responsible_organization text null check (length(responsible_organization) <= 2000),
    result text not null default '' check (length(result) <= 2000),
    stage integer null check (stage between 1 and 7),
    -- An organization-level responsibility: one occurrence per organization of the roadmap's territory.
    fan_out boolean not null default false,
    constraint roadmap_items_position_unique unique (roadmap_id, position)
);
create index roadmap_items_roadmap_idx on roadmap_items (roadmap_id);

create table roadmap_occurrences (
    id bigint generated always as identity primary key,
    item_id bigint not null references roadmap_items (id) on delete cascade,
    roadmap_id bigint not null references roadmaps (id) on delete cascade,
    region_id bigint not null references regions (id),
    municipality_id bigint null references municipalities (id),
    -- Set for fan-out occurrences and for items of an organization's own roadmap.
    organization_id bigint null references organizations (id),
    start_date date null,
    -- Null for event-driven («по событию») items: no calendar due until linked to an event.
    due_date date null,
    status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done', 'not_done', 'not_required')),
    comment text not null default '' check (length(comment) <= 4000),
    done_on date null,
    updated_by_user_id bigint null references users (id),
    updated_at timestamptz null
);
create index roadmap_occurrences_item_idx on roadmap_occurrences (item_id);
create index roadmap_occurrences_roadmap_idx on roadmap_occurrences (roadmap_id);
create index roadmap_occurrences_region_due_idx on roadmap_occurrences (region_id, due_date);
create index roadmap_occurrences_organization_due_idx on roadmap_occurrences (organization_id, due_date);
create index roadmap_occurrences_municipality_due_idx on roadmap_occurrences (municipality_id, due_date);

create table roadmap_evidence (
    id bigint generated always as identity primary key,
    occurrence_id bigint not null references roadmap_occurrences (id) on delete cascade,
    kind text not null check (kind in ('file', 'link')),
    file_name text not null default '' check (length(file_name) <= 300),
    content_type text not null default '',
    content bytea null,
    url text not null default '' check (length(url) <= 2000),
    user_id bigint null references users (id),
    created_at timestamptz not null default now(),
    constraint roadmap_evidence_shape check ((kind = 'file' and content is not null) or (kind = 'link' and url <> ''))
);
create index roadmap_evidence_occurrence_idx on roadmap_evidence (occurrence_id);

create table roadmap_status_changes (
    id bigint generated always as identity primary key,
    roadmap_id bigint not null references roadmaps (id) on delete cascade,
    from_status text not null,
    to_status text not null,
    comment text not null default '' check (length(comment) <= 4000),
    user_id bigint null references users (id),
    at timestamptz not null default now()
);
create index roadmap_status_changes_roadmap_idx on roadmap_status_changes (roadmap_id);

-- Comments per item when a roadmap is returned for revision.
create table roadmap_item_comments (
    id bigint generated always as identity primary key,
    status_change_id bigint not null references roadmap_status_changes (id) on delete cascade,
    item_id bigint not null references roadmap_items (id) on delete cascade,
    comment text not null check (length(comment) between 1 and 4000)
);

create table notifications (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    text text not null check (length(text) <= 2000),
    link text not null default '',
    -- What the notification is about, so a reminder is made once: 'occurrence:123:due-7'.
    dedup_key text not null default '',
    created_at timestamptz not null default now(),
    read_at timestamptz null
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create unique index notifications_dedup_unique on notifications (user_id, dedup_key) where dedup_key <> '';

-- E-mail is queued here and sent by a background worker; nothing is lost while the mail server is down.
create table email_outbox (
    id bigint generated always as identity primary key,
    to_address text not null,
    subject text not null,
    body text not null,
    created_at timestamptz not null default now(),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text not null default '',
    sent_at timestamptz null
);
create index email_outbox_pending_idx on email_outbox (next_attempt_at) where sent_at is null;

namespace Nastavnik.Data;

/// <summary>How the destruction pass erases one column.</summary>
public enum Erasure
{
    /// <summary>Set to null.</summary>
    Null,
    /// <summary>Set to ''.</summary>
    Empty,
    /// <summary>Set to «Удалено» (columns that may not be empty).</summary>
    Erased,
    /// <summary>Set to '{}'.</summary>
    EmptyArray,
    /// <summary>An account's login: «destroyed-&lt;id&gt;» (upper-cased for the normalized column).</summary>
    Anonymous,
    /// <summary>The whole row is deleted.</summary>
    DeleteRow,
    /// <summary>Every mention of the person's names, phone or e-mail is replaced by «Удалено»; the rest of the text stays.</summary>
    NameReplaced,
    /// <summary>A copy recomputed from the erased source after the pass (the watch store).</summary>
    Recomputed,
    /// <summary>A stored file: read, and deleted when it contains the person (and expired by age anyway).</summary>
    FileDeleted,
}

/// <summary>
/// One set of rows holding personal data: <see cref="Rows"/> is an SQL condition over the pass's parameters
/// (<c>@people</c> bigint[] — the people destroyed; <c>@users</c> bigint[] — their accounts; <c>@groups</c> bigint[] —
/// pairs and groups where they were the only member of their role, so the pair's free text is about them;
/// <c>@member_groups</c> bigint[] — every pair or group they were in; <c>@emails</c> text[] — their lower-cased
/// addresses; <c>@pattern</c> text — a case-insensitive regular expression of their names, phone and e-mail).
/// <see cref="Category"/> is what the act counts.
/// </summary>
public sealed record PersonalRows(string Table, string Category, string Rows, IReadOnlyList<(string Column, Erasure How)> Columns, string Extra = "");

/// <summary>
/// The one list of every column that holds personal data or free text about a person, and how the destruction pass
/// (Features/Consents/DestructionService) erases it; and the list of every other text, date, array, json and binary
/// column with why it is not personal. PersonalDataCatalogTests reads the schema and fails on a column in neither list,
/// so a new column must be classified here.
/// </summary>
public static class PersonalData
{
    public const string Erased = "Удалено";

    private const string Person = "people";
    private const string OwnPairText = "person_id = any(@people) or group_id = any(@groups)";
    private const string MentionInGroups = "group_id = any(@member_groups)";

    public static readonly IReadOnlyList<PersonalRows> Rows =
    [
        new(Person, "карточка: ФИО, дата рождения, пол, контакты, класс, должность, предметы, стаж, место учёбы, особые категории",
            "id = any(@people)",
        [
            ("last_name", Erasure.Erased), ("first_name", Erasure.Erased), ("middle_name", Erasure.Empty), ("birth_date", Erasure.Null),
            ("sex", Erasure.Null), ("phone", Erasure.Empty), ("email", Erasure.Empty), ("class_name", Erasure.Empty),
            ("position", Erasure.Empty), ("subjects", Erasure.Empty), ("experience_start", Erasure.Null), ("college", Erasure.Empty),
            ("special_categories", Erasure.EmptyArray),
        ], "partner_id = null, status = 'destroyed'"),
        new("mentee_profiles", "профиль наставляемого: запрос, доступность, результаты", "person_id = any(@people)",
            [("request_text", Erasure.Empty), ("availability", Erasure.Empty), ("results", Erasure.Empty), ("case_link", Erasure.Empty)],
            "status = 'left'"),
        new("mentor_profiles", "профиль наставника: достижения, интересы, доступность, собеседование, обучение, результаты",
            "person_id = any(@people)",
        [
            ("achievements", Erasure.Empty), ("interests", Erasure.Empty), ("availability", Erasure.Empty), ("interview_date", Erasure.Null),
            ("interview_notes", Erasure.Empty), ("training_course", Erasure.Empty), ("training_provider", Erasure.Empty),
            ("training_completed_on", Erasure.Null), ("results", Erasure.Empty), ("case_link", Erasure.Empty),
        ], "status = 'left'"),
        new("legal_representatives", "документы законных представителей", "child_id = any(@people) or representative_id = any(@people)",
            [("document", Erasure.Empty)]),
        new("consents", "согласия: сканы, номера документов, состав распространяемых данных", "person_id = any(@people)",
        [
            ("scan_content", Erasure.Null), ("scan_file_name", Erasure.Empty), ("document_number", Erasure.Empty),
            ("distribution_scope", Erasure.Empty),
        ]),
        new("person_changes", "история изменений карточки", "person_id = any(@people)",
            [("field", Erasure.DeleteRow), ("old_value", Erasure.DeleteRow), ("new_value", Erasure.DeleteRow)]),
        new("users", "учётная запись: имя, логин, e-mail, телефон, пароль (запись отключена)", "person_id = any(@people)",
        [
            ("full_name", Erasure.Erased), ("user_name", Erasure.Anonymous), ("normalized_user_name", Erasure.Anonymous),
            ("email", Erasure.Null), ("normalized_email", Erasure.Null), ("phone_number", Erasure.Null), ("password_hash", Erasure.Null),
        ], "is_active = false, email_confirmed = false, phone_number_confirmed = false, security_stamp = md5(random()::text)"),
        new("user_claims", "учётная запись: утверждения", "user_id = any(@users)",
            [("claim_type", Erasure.DeleteRow), ("claim_value", Erasure.DeleteRow)]),
        new("user_logins", "учётная запись: внешние входы", "user_id = any(@users)",
            [("login_provider", Erasure.DeleteRow), ("provider_key", Erasure.DeleteRow), ("provider_display_name", Erasure.DeleteRow)]),
        new("user_tokens", "учётная запись: токены", "user_id = any(@users)",
            [("login_provider", Erasure.DeleteRow), ("name", Erasure.DeleteRow), ("value", Erasure.DeleteRow)]),
        new("access_codes", "коды входа", "user_id = any(@users)", [("code_hash", Erasure.DeleteRow)]),
        new("notifications", "уведомления участника", "user_id = any(@users)",
            [("text", Erasure.DeleteRow), ("link", Erasure.DeleteRow), ("dedup_key", Erasure.DeleteRow)]),
        new("notifications", "упоминания в уведомлениях других пользователей", "user_id <> all(@users)", [("text", Erasure.NameReplaced)]),
        new("email_outbox", "письма участнику (отправленные и в очереди)", "lower(to_address) = any(@emails)",
            [("to_address", Erasure.DeleteRow), ("subject", Erasure.DeleteRow), ("body", Erasure.DeleteRow), ("last_error", Erasure.DeleteRow)]),
        new("email_outbox", "упоминания в письмах другим адресатам", "true",
            [("subject", Erasure.NameReplaced), ("body", Erasure.NameReplaced)]),
        new("feedback", "отзывы после встреч", OwnPairText, [("went_well", Erasure.Empty), ("obstacles", Erasure.Empty)]),
        new("contact_logs", "заметки о контактах", OwnPairText, [("note", Erasure.Empty)]),
        new("problem_reports", "сообщения о проблемах", OwnPairText, [("text", Erasure.Erased)]),
        new("meetings", "записи встреч пары", "group_id = any(@groups)",
        [
            ("place", Erasure.Empty), ("topic", Erasure.Empty), ("result", Erasure.Empty), ("next_step", Erasure.Empty),
            ("skip_reason", Erasure.Empty),
        ]),
        new("plan_goals", "план пары: цели", "group_id = any(@groups)", [("goal", Erasure.Erased), ("measure", Erasure.Empty)]),
        new("plan_tasks", "план пары: задачи", "goal_id in (select g.id from plan_goals g where g.group_id = any(@groups))",
            [("text", Erasure.Erased)]),
        new("mentoring_groups", "тексты закрытия и приостановки пары", "id = any(@groups)",
            [("closure_comment", Erasure.Empty), ("reflection", Erasure.Empty), ("results", Erasure.Empty), ("pause_reason", Erasure.Empty)]),
        // Groups that go on with other members keep their records; only the mentions of the person go.
        new("feedback", "упоминания в отзывах группы", MentionInGroups, [("went_well", Erasure.NameReplaced), ("obstacles", Erasure.NameReplaced)]),
        new("contact_logs", "упоминания в заметках о контактах группы", MentionInGroups, [("note", Erasure.NameReplaced)]),
        new("problem_reports", "упоминания в сообщениях о проблемах группы", MentionInGroups, [("text", Erasure.NameReplaced)]),
        new("meetings", "упоминания в записях встреч группы", MentionInGroups,
        [
            ("place", Erasure.NameReplaced), ("topic", Erasure.NameReplaced), ("result", Erasure.NameReplaced),
            ("next_step", Erasure.NameReplaced), ("skip_reason", Erasure.NameReplaced),
        ]),
        new("plan_goals", "упоминания в плане группы", MentionInGroups, [("goal", Erasure.NameReplaced), ("measure", Erasure.NameReplaced)]),
        new("plan_tasks", "упоминания в задачах группы", "goal_id in (select g.id from plan_goals g where g.group_id = any(@member_groups))",
            [("text", Erasure.NameReplaced)]),
        new("mentoring_groups", "упоминания в текстах закрытия группы", "id = any(@member_groups)",
        [
            ("closure_comment", Erasure.NameReplaced), ("reflection", Erasure.NameReplaced), ("results", Erasure.NameReplaced),
            ("pause_reason", Erasure.NameReplaced),
        ]),
        new("recognitions", "поощрения: тексты и номера приказов", "person_id = any(@people)",
            [("text", Erasure.Empty), ("order_number", Erasure.Empty)]),
        // Choices and scales stay for the depersonalised figures; typed answers may hold anything.
        new("response_answers", "ответы анкет (свободный текст)",
            "response_id in (select r.id from responses r where r.person_id = any(@people)) "
            + "and item_id in (select i.id from instrument_items i where i.kind = 'text')",
            [("value", Erasure.Empty)]),
        new("match_proposals", "пояснения подбора", "mentee_profile_id in (select m.id from mentee_profiles m where m.person_id = any(@people))",
            [("unmatched_reason", Erasure.Empty), ("warnings", Erasure.EmptyArray)]),
        new("match_proposals", "упоминания в предупреждениях подбора", "true", [("warnings", Erasure.NameReplaced)]),
        new("pair_watch", "список внимания (пересчитан)", MentionInGroups, [("mentors", Erasure.Recomputed), ("mentees", Erasure.Recomputed)]),
        new("uploads", "загруженные файлы импорта с данными участника", "kind = 'people'",
            [("file_name", Erasure.FileDeleted), ("content", Erasure.FileDeleted)]),
    ];

    /// <summary>Text, date, array, json and binary columns that hold nothing about a participant, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPersonal = Reasons(
        ("codes and states of a row (fixed vocabularies)", [
            "people.kind", "people.status", "consents.purpose", "consents.signer", "consents.authority", "consents.form_version",
            "legal_representatives.relationship", "mentee_profiles.source", "mentee_profiles.status", "mentor_profiles.source",
            "mentor_profiles.status", "mentor_profiles.allowed_forms", "mentor_profiles.screening_done", "feedback.role",
            "contact_logs.channel", "contact_logs.nature", "contact_logs.with_role", "group_members.role", "group_members.left_reason", "meetings.type",
            "meetings.format", "meetings.outcome", "mentoring_groups.closure_kind", "mentoring_groups.closure_reason",
            "mentoring_groups.delivery_mode", "mentoring_groups.form", "mentoring_groups.role_variant", "mentoring_groups.status",
            "match_choices.status", "match_runs.delivery_mode", "match_runs.form", "match_runs.mode", "match_runs.status",
            "recognitions.kind", "role_assignments.role", "uploads.kind", "instrument_items.kind",
        ]),
        ("ids, topic ids and scores, kept for the depersonalised figures", [
            "meetings.attendee_person_ids", "mentee_profiles.excluded_mentor_profile_ids", "mentee_profiles.extra_topic_ids",
            "mentor_profiles.competency_topic_ids", "match_choices.breakdown", "match_proposals.breakdown", "match_runs.weights",
        ]),
        ("dates of participation and meetings, kept for the depersonalised counts (the person row stays, «уничтожено»)", [
            "consents.given_on", "consents.withdrawn_on", "contact_logs.contacted_on", "group_members.joined_on", "group_members.left_on",
            "meetings.held_on", "meetings.next_date", "mentee_profiles.entry_date", "mentee_profiles.end_date", "mentoring_groups.closed_on",
            "mentoring_groups.paused_on", "mentoring_groups.planned_end", "mentoring_groups.resume_on", "mentoring_groups.start_date",
            "plan_goals.done_on", "plan_goals.due_on", "plan_tasks.due_on", "recognitions.granted_on", "training_participants.completed_on",
            "pair_watch.as_of", "pair_watch.start_date", "watch_totals.as_of",
        ]),
        ("a salted SHA-256 of ФИО and birth date kept on a destroyed person to recognise the child on a re-import, and the "
            + "secret salt only the owner's function reads: neither gives the name back", [
            "people.reimport_key", "reimport_salt.salt",
        ]),
        ("the act itself: record number, categories and counts, the withdrawal date — no names", [
            "destruction_acts.basis", "destruction_acts.fields",
        ]),
        ("organizations, partners, regions, programmes and their staff contacts, not participants", [
            "regions.code", "regions.name", "municipalities.authority_name", "municipalities.kind", "municipalities.name",
            "organizations.address", "organizations.email", "organizations.inn", "organizations.name", "organizations.short_name",
            "organizations.type", "partners.contact_person", "partners.email", "partners.inn", "partners.name", "partners.phone",
            "partners.type", "programs.accessibility_measures", "programs.delivery_modes", "programs.family", "programs.forms",
            "programs.name", "programs.period_end", "programs.period_start", "programs.regulation_content", "programs.regulation_file_name",
            "topics.family", "topics.name", "topics.subject", "trainings.title", "trainings.trainer", "trainings.starts_on", "trainings.ends_on",
            "final_events.title", "final_events.held_on",
        ]),
        ("questionnaires and matching runs as documents, not answers", [
            "instrument_items.fills", "instrument_items.options", "instrument_items.text", "instruments.code", "instruments.family",
            "instruments.form", "instruments.moment", "instruments.name", "instruments.respondent", "match_runs.error",
            "match_runs.order_date", "match_runs.order_number", "match_runs.progress_note", "match_runs.start_date",
        ]),
        ("roadmaps: the organizations' plans of measures, written by staff", [
            "roadmaps.basis", "roadmaps.level", "roadmaps.order_date", "roadmaps.order_number", "roadmaps.period_end", "roadmaps.period_start",
            "roadmaps.source_file_name", "roadmaps.source_hash", "roadmaps.status", "roadmaps.title", "roadmap_sections.number",
            "roadmap_sections.title", "roadmap_items.deadline_kind", "roadmap_items.deadline_text", "roadmap_items.end_text",
            "roadmap_items.number", "roadmap_items.responsible", "roadmap_items.responsible_municipal",
            "roadmap_items.responsible_organization", "roadmap_items.responsible_regional", "roadmap_items.result",
            "roadmap_items.start_text", "roadmap_items.title", "roadmap_occurrences.comment", "roadmap_occurrences.done_on",
            "roadmap_occurrences.due_date", "roadmap_occurrences.start_date", "roadmap_occurrences.status", "roadmap_evidence.content",
            "roadmap_evidence.content_type", "roadmap_evidence.file_name", "roadmap_evidence.kind", "roadmap_evidence.url",
            "roadmap_item_comments.comment", "roadmap_status_changes.comment", "roadmap_status_changes.from_status",
            "roadmap_status_changes.to_status",
        ]),
        ("technical: keys, stamps, outbox delivery state", [
            "data_protection_keys.friendly_name", "data_protection_keys.xml", "users.concurrency_stamp", "users.security_stamp",
        ]),
        // The audit log holds ids and actions only (migration 21 rewrote older rows); it is append-only, so never erased.
        ("audit log: ids and actions only", [
            "audit_entries.action", "audit_entries.details", "audit_entries.entity_id", "audit_entries.entity_type", "audit_entries.ip",
            "audit_entries.user_name",
        ]));

    /// <summary>Every classified column, "table.column".</summary>
    public static IEnumerable<string> PersonalColumns => Rows.SelectMany(r => r.Columns.Select(c => $"{r.Table}.{c.Column}")).Distinct();

    /// <summary>The SQL statement erasing <paramref name="rows"/>, or null when it is done outside SQL (recomputed, files).</summary>
    public static string? Statement(PersonalRows rows)
    {
        var how = rows.Columns.Select(c => c.How).Distinct().ToList();
        if (how.Contains(Erasure.Recomputed) || how.Contains(Erasure.FileDeleted)) return null;
        if (how.Contains(Erasure.DeleteRow)) return $"delete from {rows.Table} where {rows.Rows}";
        var sets = rows.Columns.Select(c => $"{c.Column} = {Value(c.Column, c.How)}");
        if (rows.Extra.Length > 0) sets = sets.Append(rows.Extra);
        var where = how.SequenceEqual([Erasure.NameReplaced])
            ? $"({rows.Rows}) and ({string.Join(" or ", rows.Columns.Select(c => Mentions(c.Column)))})"
            : rows.Rows;
        return $"update {rows.Table} set {string.Join(", ", sets)} where {where}";
    }

    private static string Mentions(string column) => column == "warnings"
        ? "exists (select 1 from unnest(warnings) w where w ~* @pattern)"
        : $"{column} ~* @pattern";

    private static string Value(string column, Erasure how) => how switch
    {
        Erasure.Null => "null",
        Erasure.Empty => "''",
        Erasure.Erased => $"'{Erased}'",
        Erasure.EmptyArray => "'{}'",
        Erasure.Anonymous => column.StartsWith("normalized_", StringComparison.Ordinal) ? "'DESTROYED-' || id" : "'destroyed-' || id",
        Erasure.NameReplaced when column == "warnings" =>
            $"array(select regexp_replace(w, @pattern, '{Erased}', 'gi') from unnest(warnings) w)",
        Erasure.NameReplaced => $"regexp_replace({column}, @pattern, '{Erased}', 'gi')",
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };

    private static Dictionary<string, string> Reasons(params (string Reason, string[] Columns)[] groups) =>
        groups.SelectMany(g => g.Columns.Select(c => (c, g.Reason))).ToDictionary(x => x.c, x => x.Reason);
}

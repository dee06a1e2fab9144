using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Territories;
using Npgsql;
using NpgsqlTypes;
using static Nastavnik.Domain.People.PeopleImport;

namespace Nastavnik.Web.Features.People;

/// <summary>
/// The database side of a people import, shared by the page, the CLI and the benchmark: validates a read table
/// against the people already in the organizations (<see cref="PrepareAsync"/>) and writes a plan in one
/// transaction through a binary-COPY staging table (<see cref="SaveAsync"/>).
/// </summary>
public sealed class PeopleImporter(NastavnikDb db)
{
    /// <summary>An organization the rows may go to. The «Образовательная организация» cell matches the full or the short name.</summary>
    public sealed record Target(long Id, string Name, string ShortName, OrganizationType Type, long RegionId)
    {
        public PeopleImport.Organization Domain => new(Id, Name, Type, RegionId);
    }

    public sealed record Prepared(Result Parsed, PlanResult Plan)
    {
        public IReadOnlyList<Error> Errors => Parsed.Errors;
        public int Count(RowStatus status) => Plan.Count(status);
    }

    public static Prepared Refused(string message) =>
        new(new Result([], [new Error(1, "", "", message)], [], []), new PlanResult([]));

    /// <param name="targets">Organizations the user may import into.</param>
    /// <param name="defaultTarget">Where rows go when the file has no «Образовательная организация» column.</param>
    public async Task<Prepared> PrepareAsync(IReadOnlyList<IReadOnlyList<string>> table, PersonKind kind, IReadOnlyList<Target> targets,
        Target? defaultTarget, IReadOnlyList<Field>? mapping, DateOnly today, CancellationToken ct = default)
    {
        var byName = new Dictionary<string, Target>();
        foreach (var t in targets)
        {
            byName.TryAdd(Normalize(t.Name), t);
            if (t.ShortName.Length > 0) byName.TryAdd(Normalize(t.ShortName), t);
        }
        var parsed = Parse(table, kind, today,
            name => name is null ? defaultTarget?.Domain : byName.TryGetValue(Normalize(name), out var t) ? t.Domain : null, mapping);
        if (parsed.Rows.Count == 0) return new Prepared(parsed, new PlanResult([]));

        var ids = parsed.Rows.Select(r => r.OrganizationId).Distinct().ToArray();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.OrganizationId) && p.Kind == kind && p.BirthDate != null)
            .Select(p => new { p.Id, p.OrganizationId, p.LastName, p.FirstName, p.MiddleName, BirthDate = p.BirthDate!.Value, p.ClassName, p.Sex, p.Phone, p.Email, p.Status })
            .ToListAsync(ct);
        var representatives = (await db.LegalRepresentatives.AsNoTracking()
                .Where(l => ids.Contains(l.Child.OrganizationId) && l.Child.Kind == kind)
                .Select(l => new { l.ChildId, l.Representative.LastName, l.Representative.FirstName, l.Representative.MiddleName })
                .ToListAsync(ct))
            .ToLookup(l => l.ChildId, l => PeopleTerms.FullName(l.LastName, l.FirstName, l.MiddleName));
        var existing = people.Select(p => new Existing(p.Id, p.OrganizationId, p.LastName, p.FirstName, p.MiddleName, p.BirthDate,
            p.ClassName, p.Sex, p.Phone, p.Email, representatives[p.Id].ToList(),
            p.Status is PersonStatus.Blocked or PersonStatus.Destroyed));
        return new Prepared(parsed, Plan(parsed.Rows, existing));
    }

    /// <summary>
    /// Writes every new and changed row in one transaction: rows go by binary COPY into a temporary staging table,
    /// then one INSERT … SELECT and one UPDATE apply them. New people await consent; a named legal representative
    /// becomes a person of kind Parent linked to the child. Changes of matched people go to their card history.
    /// </summary>
    public async Task SaveAsync(Prepared prepared, PersonKind kind, IReadOnlyList<Target> targets, long? userId, string fileName,
        CancellationToken ct = default)
    {
        var regions = targets.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().RegionId);
        var decisions = prepared.Plan.Decisions.Where(d => d.Status != RowStatus.Unchanged).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (decisions.Count > 0)
        {
            await ExecuteAsync(connection, """
                create temp table import_people (
                    existing_id bigint, new_id bigint, region_id bigint not null, organization_id bigint not null,
                    last_name text not null, first_name text not null, middle_name text not null, birth_date date not null,
                    sex text, phone text, email text, class_name text, grade integer,
                    add_rep boolean not null, rep_id bigint, rep_last text, rep_first text, rep_middle text, rep_relationship text
                ) on commit drop;
                create temp table import_changes (person_id bigint not null, field text not null, old_value text not null, new_value text not null) on commit drop;
                """, ct);
            // Ids of new people are taken from the table's sequence in one round trip and travel in the COPY, so the
            // child-representative links need no second pass over the staging table.
            var ids = await AllocateIdsAsync(connection, decisions.Count(d => d.ExistingId is null) + decisions.Count(d => d.AddsRepresentative), ct);
            var next = 0;
            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy import_people (existing_id, new_id, rep_id, region_id, organization_id, last_name, first_name, middle_name, birth_date, sex, phone, email, "
                + "class_name, grade, add_rep, rep_last, rep_first, rep_middle, rep_relationship) from stdin (format binary)", ct))
            {
                foreach (var d in decisions)
                {
                    var r = d.Row;
                    var rep = d.AddsRepresentative ? r.Representative : null;
                    await writer.StartRowAsync(ct);
                    await WriteAsync(writer, d.ExistingId, NpgsqlDbType.Bigint, ct);
                    await WriteAsync(writer, d.ExistingId is null ? ids[next++] : (long?)null, NpgsqlDbType.Bigint, ct);
                    await WriteAsync(writer, rep is not null ? ids[next++] : (long?)null, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(regions[r.OrganizationId], NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.OrganizationId, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.LastName, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(r.FirstName, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(r.MiddleName, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(r.BirthDate, NpgsqlDbType.Date, ct);
                    await WriteAsync(writer, r.Sex switch { Sex.M => "m", Sex.F => "f", _ => null }, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, r.Phone, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, r.Email, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, r.ClassName, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, r.Grade, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(rep is not null, NpgsqlDbType.Boolean, ct);
                    await WriteAsync(writer, rep?.LastName, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, rep?.FirstName, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, rep?.MiddleName, NpgsqlDbType.Text, ct);
                    await WriteAsync(writer, rep is null ? null : SnakeCase(rep.Relationship.ToString()), NpgsqlDbType.Text, ct);
                }
                await writer.CompleteAsync(ct);
            }
            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy import_changes (person_id, field, old_value, new_value) from stdin (format binary)", ct))
            {
                foreach (var d in decisions.Where(d => d.Status == RowStatus.Update))
                {
                    foreach (var c in d.Changes)
                    {
                        await writer.StartRowAsync(ct);
                        await writer.WriteAsync(d.ExistingId!.Value, NpgsqlDbType.Bigint, ct);
                        await writer.WriteAsync(c.Field, NpgsqlDbType.Text, ct);
                        await writer.WriteAsync(c.Old, NpgsqlDbType.Text, ct);
                        await writer.WriteAsync(c.New, NpgsqlDbType.Text, ct);
                    }
                }
                await writer.CompleteAsync(ct);
            }
            var kindText = SnakeCase(kind.ToString());
            await ExecuteAsync(connection, $"""
                insert into people (id, region_id, organization_id, kind, last_name, first_name, middle_name, birth_date, sex, phone,
                                    email, class_name, grade, status)
                overriding system value
                select new_id, region_id, organization_id, '{kindText}', last_name, first_name, middle_name, birth_date, sex,
                       coalesce(phone, ''), coalesce(email, ''), coalesce(class_name, ''), grade, 'awaiting_consent'
                from import_people where existing_id is null
                union all
                select rep_id, region_id, organization_id, 'parent', rep_last, rep_first, rep_middle, null, null, '', '', '', null,
                       'awaiting_consent'
                from import_people where add_rep;
                update people p
                set last_name = s.last_name, first_name = s.first_name, middle_name = s.middle_name,
                    sex = coalesce(s.sex, p.sex), phone = coalesce(s.phone, p.phone), email = coalesce(s.email, p.email),
                    class_name = coalesce(s.class_name, p.class_name), grade = coalesce(s.grade, p.grade)
                from import_people s
                where p.id = s.existing_id;
                insert into legal_representatives (child_id, representative_id, relationship)
                select coalesce(existing_id, new_id), rep_id, rep_relationship from import_people where add_rep;
                insert into person_changes (person_id, user_id, field, old_value, new_value)
                select person_id, {(userId is { } u ? u.ToString() : "null")}, field, old_value, new_value from import_changes;
                """, ct);
        }
        var regionIds = prepared.Plan.Decisions.Select(d => regions[d.Row.OrganizationId]).Distinct().ToList();
        await db.AuditAsync(AuditAction.Import, nameof(Person), "", regionIds.Count == 1 ? regionIds[0] : null,
            $"добавлено {prepared.Count(RowStatus.New)}, обновлено {prepared.Count(RowStatus.Update)}, "
            + $"без изменений {prepared.Count(RowStatus.Unchanged)}", ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long[]> AllocateIdsAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        var ids = new long[count];
        if (count == 0) return ids;
        await using var command = new NpgsqlCommand(
            "select nextval(pg_get_serial_sequence('people', 'id')) from generate_series(1, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
        return ids;
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, ct) : writer.WriteNullAsync(ct);

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

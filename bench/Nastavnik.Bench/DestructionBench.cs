using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Nastavnik.Cli;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `destruction [--people 100000] [--due 1000] [--mails 100000] [--keep]`: a municipality of 50 schools and N people
/// (SearchBench's load, binary COPY) in a throwaway database; D of them withdrew their consent 40 days ago, each with
/// a mother held only for them, an account, notifications and e-mails; the outbox and notifications hold M other
/// messages. Times one destruction pass (what the nightly job and `nastavnik consents destroy-due` run).
/// </summary>
public static class DestructionBench
{
    public const string Usage = """
        [--people 100000] [--due 1000] [--mails 100000] [--keep]
        проход уничтожения данных: муниципалитет из 50 школ и N человек во временной базе (COPY BINARY), у D из них
        согласие отозвано 40 дней назад (с законным представителем, учётной записью, уведомлениями и письмами),
        в очереди писем и уведомлениях ещё M сообщений; печатает время прохода
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--people", "--due", "--mails"], flags: ["--keep"]);
        var people = a.Int("--people", 100_000, SearchBench.Schools, 1_000_000);
        var due = a.Int("--due", 1000, 1, people);
        var mails = a.Int("--mails", 100_000, 0, 10_000_000);
        var keep = a.Has("--keep");

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            await SearchBench.LoadAsync(cs, people);
            await LoadDueAsync(cs, due, mails);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено: {people} человек, к уничтожению {due} (+ {due} представителей), писем и уведомлений по {mails + 2 * due} за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            var config = CliDatabase.Configuration([]);
            await using var services = ConsentsCommand.Services(cs, config);
            var pass = Stopwatch.StartNew();
            var result = await ConsentsCommand.Destruction(services, config).RunAsync(DateTimeOffset.UtcNow);
            pass.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Проход уничтожения: {result.Destroyed} человек, {result.ActIds.Count} актов за {pass.Elapsed.TotalSeconds:F1} с "
                + $"({pass.Elapsed.TotalMilliseconds / Math.Max(1, result.Destroyed):F0} мс на человека)"));
            return result.Destroyed == due ? 0 : 1;
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep);
        }
    }

    private static async Task LoadDueAsync(string cs, int due, int mails)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        // Every (people / due)-th pupil withdrew; a mother, an account, a notification and an e-mail each.
        await ExecuteAsync(conn, $"""
            create temporary table due_people as
            select id, row_number() over (order by id) as n from people where kind = 'pupil' order by random() limit {due};
            update people p set status = 'blocked', blocked_at = now() - interval '40 days', email = 'pupil' || d.n || '@example.org'
            from due_people d where p.id = d.id;
            insert into consents (person_id, region_id, organization_id, purpose, signer, given_on, withdrawn_on)
            select p.id, p.region_id, p.organization_id, 'processing', 'self', current_date - 400, current_date - 40
            from people p join due_people d on d.id = p.id;
            with mothers as (
                insert into people (region_id, organization_id, kind, last_name, first_name, phone)
                select p.region_id, p.organization_id, 'parent', p.last_name, 'Мать' || d.n, '+7 900 ' || d.n
                from people p join due_people d on d.id = p.id
                returning id, first_name
            )
            insert into legal_representatives (child_id, representative_id, relationship)
            select d.id, m.id, 'mother' from mothers m join due_people d on m.first_name = 'Мать' || d.n;
            insert into users (full_name, user_name, normalized_user_name, email, normalized_email, person_id)
            select p.last_name || ' ' || p.first_name, 'pupil' || d.n, 'PUPIL' || d.n, p.email, upper(p.email), p.id
            from people p join due_people d on d.id = p.id;
            insert into notifications (user_id, text) select u.id, 'Встреча завтра' from users u where u.person_id in (select id from due_people);
            insert into email_outbox (to_address, subject, body, sent_at)
            select p.email, 'Напоминание', 'Здравствуйте, ' || p.first_name || '! Встреча завтра.', now() from people p join due_people d on d.id = p.id;
            """);
        var staff = await ScalarAsync(conn, "insert into users (full_name, user_name, normalized_user_name) values ('Куратор', 'bench-staff', 'BENCH-STAFF') returning id");
        await using (var copy = await conn.BeginBinaryImportAsync("copy email_outbox (to_address, subject, body, sent_at) from stdin (format binary)"))
        {
            for (var i = 0; i < mails; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync($"teacher{i % 500}@example.org", NpgsqlDbType.Text);
                await copy.WriteAsync("Пары под наблюдением", NpgsqlDbType.Text);
                await copy.WriteAsync($"Нет встреч 30 дней: пара № {i}. Откройте список пар под наблюдением.", NpgsqlDbType.Text);
                await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await conn.BeginBinaryImportAsync("copy notifications (user_id, text) from stdin (format binary)"))
        {
            for (var i = 0; i < mails; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(staff, NpgsqlDbType.Bigint);
                await copy.WriteAsync($"Нет встреч 30 дней: пара № {i}", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await ExecuteAsync(conn, "analyze");
    }
}

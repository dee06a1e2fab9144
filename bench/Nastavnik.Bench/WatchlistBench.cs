using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Nastavnik.Cli;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `watchlist [--pairs 30000] [--meetings 1000000] [--duration 15] [--keep]`: a municipality of 50
/// schools with N active pairs started over the last year, a year of meetings (binary COPY), monthly feedback and
/// curator contacts, in a throwaway database; the site is hosted in-process, a curator of one school and the municipal
/// coordinator sign in and Pairs/Watch is loaded with wrk -t2 -c16 --latency. Target: p95 ≤ 100 ms.
/// </summary>
public static class WatchlistBench
{
    public const string CoordinatorLogin = "bench-coordinator";

    public const string Usage = """
        [--pairs 30000] [--meetings 1000000] [--duration 15] [--keep]
        страница «Пары под наблюдением» под wrk -t2 -c16: куратор одной школы и муниципальный координатор над N
        действующими парами и годом встреч, отзывов и контактов во временной базе; цель p95 ≤ 100 мс, иначе код выхода 1
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--pairs", "--meetings", "--duration"], flags: ["--keep"]);
        var pairs = a.Int("--pairs", 30_000, SearchBench.Schools, 500_000);
        var meetings = a.Int("--meetings", 1_000_000, 0, 20_000_000);
        var duration = a.Int("--duration", 15, 1, 600);
        var keep = a.Has("--keep");

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            var school = await SearchBench.LoadAsync(cs, pairs * 2);
            await SearchBench.CreateCuratorAsync(cs, school);
            await CreateUserAsync(cs, CoordinatorLogin, "Координатор для замера", new RoleAssignment
            {
                Role = Role.MunicipalCoordinator, RegionId = school.RegionId, MunicipalityId = school.MunicipalityId,
            });
            var counts = await LoadPairsAsync(cs, school.RegionId, meetings);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено: {SearchBench.Schools} школ, {pairs} действующих пар, встреч {counts.Meetings} (COPY BINARY), отзывов {counts.Feedback}, контактов {counts.Contacts} за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            await using var site = await StartSiteAsync(cs);
            var met = true;
            foreach (var (login, title) in new[]
                     {
                         (SearchBench.Login, $"куратор одной школы ({pairs / SearchBench.Schools} пар, списки с именами)"),
                         (CoordinatorLogin, $"муниципальный координатор ({pairs} пар, свод по организациям в SQL)"),
                     })
            {
                if (await SignInAsync(site.BaseUrl, login, "/Pairs/Watch") is not { } signedIn) return 1;
                using var client = signedIn.Client;
                for (var i = 0; i < 5; i++) await client.GetStringAsync("/Pairs/Watch");
                var single = Stopwatch.StartNew();
                for (var i = 0; i < 20; i++) await client.GetStringAsync("/Pairs/Watch");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{title}: один запрос за раз — в среднем {single.Elapsed.TotalMilliseconds / 20:F1} мс"));
                var wrk = await RunWrkAsync(site.BaseUrl, ["/Pairs/Watch"], signedIn.CookieHeader, duration);
                if (wrk is null)
                {
                    met = false;
                    continue;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrk -t2 -c{Connections} -d{duration}s, {title}: {wrk.Requests} запросов, {wrk.RequestsPerSecond:F1} запросов/с; p50 {wrk.P50:F1} мс, p90 {wrk.P90:F1} мс, p95 ≈ {wrk.P95:F1} мс, p99 {wrk.P99:F1} мс; не 2xx: {wrk.Non2xx} {wrk.SocketErrors}"));
                met &= wrk.P95 <= 100 && wrk.Non2xx == 0;
            }
            Console.WriteLine($"Pairs/Watch, цель p95 ≤ 100 мс: {Verdict(met)}");
            return met ? 0 : 1;
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep, $"; вход: {SearchBench.Login} или {CoordinatorLogin} / {Password}");
        }
    }

    /// <summary>
    /// Pairs of neighbouring pupils (mentee, mentor) in each school, started over the last year; meetings spread over
    /// each pair's life by binary COPY (about one pair in ten has had none for a month); two feedback rows a month per
    /// pair; a contact a month per side (one pair in eight misses last month's). Then ANALYZE.
    /// </summary>
    private static async Task<(long Meetings, long Feedback, long Contacts)> LoadPairsAsync(string cs, long regionId, int meetingCount)
    {
        // The watch-list triggers recompute every pair after each bulk statement: no command timeout here.
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ExecuteAsync(conn, $"""
            create temp table bench_people as
                select id, organization_id, row_number() over (order by id) - 1 as rn from people where region_id = {regionId};
            insert into mentor_profiles (person_id, program_id, region_id, organization_id, status)
                select p.id, pr.id, {regionId}, p.organization_id, 'in_pair'
                from bench_people p join programs pr on pr.organization_id = p.organization_id where p.rn % 2 = 1;
            insert into mentoring_groups (region_id, organization_id, program_id, form, delivery_mode, start_date, status, closure_comment)
                select {regionId}, p.organization_id, pr.id, 'pupil_pupil', 'traditional',
                       date '{today:yyyy-MM-dd}' - ((p.rn / 2 * 7919) % 365)::int, 'active', (p.rn / 2)::text
                from bench_people p join programs pr on pr.organization_id = p.organization_id where p.rn % 2 = 0;
            insert into group_members (group_id, person_id, role, mentee_profile_id, joined_on)
                select g.id, p.id, 'mentee', mp.id, g.start_date
                from mentoring_groups g join bench_people p on p.rn = g.closure_comment::bigint * 2
                join mentee_profiles mp on mp.person_id = p.id;
            insert into group_members (group_id, person_id, role, mentor_profile_id, joined_on)
                select g.id, p.id, 'mentor', mp.id, g.start_date
                from mentoring_groups g join bench_people p on p.rn = g.closure_comment::bigint * 2 + 1
                join mentor_profiles mp on mp.person_id = p.id;
            update mentoring_groups set closure_comment = '' where region_id = {regionId};
            analyze;
            """);
        var groups = new List<(long Id, long Org, DateOnly Start)>();
        await using (var command = new NpgsqlCommand($"select id, organization_id, start_date from mentoring_groups where region_id = {regionId} order by id", conn))
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync()) groups.Add((rows.GetInt64(0), rows.GetInt64(1), DateOnly.FromDateTime(rows.GetDateTime(2))));
        }

        var random = new Random(6);
        var perPair = Math.Max(0, meetingCount / Math.Max(1, groups.Count));
        long written = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy meetings (group_id, region_id, organization_id, type, held_on, duration_minutes, format) from stdin (format binary)"))
        {
            foreach (var (id, org, start) in groups)
            {
                var days = Math.Max(1, today.DayNumber - start.DayNumber);
                // One pair in ten has gone quiet: its meetings end more than 30 days ago.
                var quiet = id % 10 == 0;
                var span = quiet ? Math.Max(1, days - 31) : days;
                var n = Math.Max(1, perPair * 2 * days / 365 + (int)(random.NextDouble() * 2));
                for (var k = 0; k < n && written < meetingCount; k++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(org, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(k == 0 ? "introduction" : "regular", NpgsqlDbType.Text);
                    await copy.WriteAsync(start.AddDays(random.Next(span)), NpgsqlDbType.Date);
                    await copy.WriteAsync(45, NpgsqlDbType.Integer);
                    await copy.WriteAsync("in_person", NpgsqlDbType.Text);
                    written++;
                }
            }
            await copy.CompleteAsync();
        }
        // Fresh tables: statistics before the next bulk statements' triggers plan their joins (autovacuum would lag).
        await ExecuteAsync(conn, "analyze");
        await ExecuteAsync(conn, $"""
            insert into feedback (group_id, person_id, region_id, organization_id, role, usefulness, comfort, submitted_at)
                select g.id, m.person_id, g.region_id, g.organization_id, m.role,
                       case when g.id % 17 = 0 then 3 else 6 + (g.id + s) % 5 end, 5 + (g.id + s) % 6,
                       (g.start_date + s * 30 + (g.id % 20)::int)::timestamp + interval '15 hours'
                from mentoring_groups g
                join group_members m on m.group_id = g.id
                cross join generate_series(0, 12) s
                where g.region_id = {regionId} and g.start_date + s * 30 + (g.id % 20)::int <= date '{today:yyyy-MM-dd}'
                  and not (g.id % 9 = 0 and m.role = 'mentee' and g.start_date + s * 30 > date '{today:yyyy-MM-dd}' - 45);
            insert into contact_logs (group_id, region_id, organization_id, contacted_on, channel, with_role, nature)
                select g.id, g.region_id, g.organization_id, g.start_date + s * 15 + (g.id % 10)::int, 'call', side, 'planned'
                from mentoring_groups g
                cross join generate_series(0, 25) s
                cross join (values ('mentor'), ('mentee')) sides (side)
                where g.region_id = {regionId} and g.start_date + s * 15 + (g.id % 10)::int <= date '{today:yyyy-MM-dd}'
                  and not (g.id % 8 = 0 and g.start_date + s * 15 > date '{today:yyyy-MM-dd}' - 50);
            analyze;
            """);
        // Steady state before measuring: the triggers rewrote every pair's watch row after each bulk statement, and
        // autovacuum and the checkpointer would otherwise be busy with the two million new rows during the first run.
        await ExecuteAsync(conn, "vacuum analyze");
        await ExecuteAsync(conn, "checkpoint");
        var feedback = await ScalarAsync(conn, $"select count(*) from feedback where region_id = {regionId}");
        var contacts = await ScalarAsync(conn, $"select count(*) from contact_logs where region_id = {regionId}");
        return (written, feedback, contacts);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using static Nastavnik.Cli.BenchSql;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik bench watchlist [--pairs 30000] [--meetings 1000000] [--duration 15] [--keep]`: a municipality of 50
/// schools with N active pairs started over the last year, a year of meetings (binary COPY), monthly feedback and
/// curator contacts, in a throwaway database; the site is hosted in-process, a curator of one school and the municipal
/// coordinator sign in and Pairs/Watch is loaded with wrk -t2 -c16 --latency. Target: p95 ≤ 100 ms.
/// </summary>
public static class WatchlistBench
{
    public const string CoordinatorLogin = "bench-coordinator";

    public static async Task<int> RunAsync(string[] args)
    {
        int pairs = 30_000, meetings = 1_000_000, duration = 15;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pairs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p is >= SearchBench.Schools and <= 500_000: pairs = p; i++; break;
                case "--meetings" when i + 1 < args.Length && int.TryParse(args[i + 1], out var m) && m is >= 0 and <= 20_000_000: meetings = m; i++; break;
                case "--duration" when i + 1 < args.Length && int.TryParse(args[i + 1], out var d) && d is > 0 and <= 600: duration = d; i++; break;
                case "--keep": keep = true; break;
                default:
                    Console.Error.WriteLine($"Ошибка: непонятный аргумент «{args[i]}»");
                    return 2;
            }
        }

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            var school = await SearchBench.LoadAsync(cs, pairs * 2);
            await SearchBench.CreateCuratorAsync(cs, school);
            await CreateCoordinatorAsync(cs, school);
            var counts = await LoadPairsAsync(cs, school.RegionId, meetings);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено: {SearchBench.Schools} школ, {pairs} действующих пар, встреч {counts.Meetings} (COPY BINARY), отзывов {counts.Feedback}, контактов {counts.Contacts} за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            var port = SearchBench.FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            await using var app = SearchBench.BuildApp(cs, baseUrl);
            await app.StartAsync();
            try
            {
                var met = true;
                foreach (var (login, password, title) in new[]
                         {
                             (SearchBench.Login, SearchBench.Password, $"куратор одной школы ({pairs / SearchBench.Schools} пар, списки с именами)"),
                             (CoordinatorLogin, SearchBench.Password, $"муниципальный координатор ({pairs} пар, свод по организациям в SQL)"),
                         })
                {
                    var cookies = new CookieContainer();
                    using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
                    {
                        BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60),
                    };
                    if (!await SearchBench.SignInAsync(client, login, password, "/Pairs/Watch")) return 1;
                    var cookieHeader = cookies.GetCookieHeader(new Uri(baseUrl));
                    for (var i = 0; i < 5; i++) await client.GetStringAsync("/Pairs/Watch");
                    var single = Stopwatch.StartNew();
                    for (var i = 0; i < 20; i++) await client.GetStringAsync("/Pairs/Watch");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{title}: один запрос за раз — в среднем {single.Elapsed.TotalMilliseconds / 20:F1} мс"));
                    var wrk = await RunWrkAsync(baseUrl + "/Pairs/Watch", cookieHeader, duration);
                    if (wrk is null)
                    {
                        met = false;
                        continue;
                    }
                    // wrk reports p50/p75/p90/p99; p95 is read between p90 and p99 (linear, on the safe side of p90).
                    var p95 = wrk.P90 + (wrk.P99 - wrk.P90) * 5 / 9;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"wrk -t2 -c16 -d{duration}s, {title}: {wrk.Requests} запросов, {wrk.RequestsPerSecond:F1} запросов/с; p50 {wrk.P50:F1} мс, p90 {wrk.P90:F1} мс, p95 ≈ {p95:F1} мс, p99 {wrk.P99:F1} мс; не 2xx: {wrk.Non2xx} {wrk.SocketErrors}"));
                    met &= p95 <= 100 && wrk.Non2xx == 0;
                }
                Console.WriteLine($"Pairs/Watch, цель p95 ≤ 100 мс: {(met ? "выполнено" : "НЕ выполнено")}");
                return met ? 0 : 1;
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep, $"; вход: {SearchBench.Login} или {CoordinatorLogin} / {SearchBench.Password}");
        }
    }

    private static async Task CreateCoordinatorAsync(string cs, (long RegionId, long MunicipalityId, long OrganizationId) school)
    {
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var user = new User
        {
            UserName = CoordinatorLogin, NormalizedUserName = CoordinatorLogin.ToUpperInvariant(), FullName = "Координатор для замера",
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, SearchBench.Password);
        user.Assignments.Add(new RoleAssignment { Role = Role.MunicipalCoordinator, RegionId = school.RegionId, MunicipalityId = school.MunicipalityId });
        db.Users.Add(user);
        await db.SaveChangesAsync();
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

    private static async Task<SearchBench.WrkResult?> RunWrkAsync(string url, string cookieHeader, int duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", "-c16", $"-d{duration}s", "--timeout", "10s", "--latency", "-H", $"Cookie: {cookieHeader}", url }) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var parsed = process.ExitCode == 0 ? SearchBench.ParseWrk(output) : null;
            if (parsed is null) Console.Error.WriteLine("Ошибка: wrk не отработал:\n" + output + await process.StandardError.ReadToEndAsync());
            return parsed;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("wrk не найден. Установите его: sudo apt-get install wrk — и повторите замер.");
            return null;
        }
    }
}

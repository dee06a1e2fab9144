using System.Diagnostics;
using System.Globalization;
using System.Net;
using Nastavnik.Cli;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Npgsql;
using NpgsqlTypes;
using static Nastavnik.Bench.Harness;

namespace Nastavnik.Bench;

/// <summary>
/// `search [--people 100000] [--duration 15] [--requests 2000] [--keep]`: a municipality of 50 schools
/// with N pupils (each with a mentee profile, so all are in the base) bulk-loaded by binary COPY into a throwaway
/// database; the web app is hosted in-process on a free loopback port, a curator of one school signs in, and the
/// mentee base is searched by surname prefix under 16 concurrent connections — first with wrk, then with a pass of
/// HttpClient requests whose latencies the bench records itself. Target: p95 ≤ 100 ms.
/// </summary>
public static class SearchBench
{
    public const int Schools = 50;
    public const string Login = "bench-curator";

    /// <summary>Surname prefixes the requests rotate through; every one starts at least one surname of the generated list.</summary>
    public static readonly string[] Prefixes =
        ["Ива", "Смир", "Кузн", "Поп", "Вас", "Пет", "Сок", "Мих", "Нов", "Фёд",
         "Мор", "Вол", "Але", "Леб", "Сем", "Его", "Пав", "Коз", "Сте", "Ник"];

    public const string Usage = """
        [--people 100000] [--duration 15] [--requests 2000] [--keep]
        поиск по началу фамилии в базе наставляемых: муниципалитет из 50 школ и N обучающихся во временной базе
        (COPY BINARY), сайт на свободном порту 127.0.0.1, вход куратора; wrk -t2 -c16 и 16 параллельных запросов
        HttpClient, цель p95 ≤ 100 мс
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var a = CliArgs.Parse(args, options: ["--people", "--duration", "--requests"], flags: ["--keep"]);
        var people = a.Int("--people", 100_000, Schools, 1_000_000);
        var duration = a.Int("--duration", 15, 1, 600);
        var requests = a.Int("--requests", 2000, Connections, 1_000_000);
        var keep = a.Has("--keep");

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            var school = await LoadAsync(cs, people);
            await CreateCuratorAsync(cs, school);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено (COPY BINARY): 1 муниципалитет, {Schools} школ, {people} обучающихся с профилями наставляемых за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            await using var site = await StartSiteAsync(cs);
            var baseUrl = site.BaseUrl;
            if (await SignInAsync(baseUrl, Login, SearchPath(Prefixes[0])) is not { } signedIn) return 1;
            using var client = signedIn.Client;
            Console.WriteLine($"Веб-приложение: {baseUrl}; вход куратора «{Login}» выполнен (одна школа, {people / Schools} обучающихся)");

            // Warm-up: JIT, EF query compilation, PostgreSQL caches; and a check that every prefix finds its rows.
            foreach (var prefix in Prefixes)
            {
                var html = await client.GetStringAsync(SearchPath(prefix));
                var surnames = PeopleImportBench.MaleSurnames.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (!surnames.Any(s => html.Contains(s, StringComparison.Ordinal)))
                {
                    Console.Error.WriteLine($"Ошибка: поиск «{prefix}» не нашёл ни одной фамилии «{string.Join("», «", surnames)}»");
                    return 1;
                }
            }
            for (var i = 0; i < 100; i++) await client.GetStringAsync(SearchPath(Prefixes[i % Prefixes.Length]));

            // One request at a time: the service time of a search, without queueing behind the other connections.
            var single = await MeasureAsync(client, 200, 1);
            var pageBytes = (await client.GetByteArrayAsync(SearchPath(Prefixes[0]))).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Один запрос за раз (200 запросов): p50 {single.P50:F1} мс, p95 {single.P95:F1} мс; страница {pageBytes / 1024.0:F0} КБ"));

            var ok = true;
            var wrk = await RunWrkAsync(baseUrl, Prefixes.Select(SearchPath).ToList(), signedIn.CookieHeader, duration);
            if (wrk is null)
            {
                ok = false;
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrk -t2 -c{Connections} -d{duration}s: {wrk.Requests} запросов, {wrk.RequestsPerSecond:F0} запросов/с; задержка p50 {wrk.P50:F1} мс, p75 {wrk.P75:F1} мс, p90 {wrk.P90:F1} мс, p99 {wrk.P99:F1} мс"));
                if (wrk.Non2xx > 0 || wrk.SocketErrors.Length > 0)
                {
                    Console.Error.WriteLine($"Ошибка: ответов не 2xx — {wrk.Non2xx}; {wrk.SocketErrors}");
                    ok = false;
                }
                else
                {
                    Console.WriteLine("Все ответы wrk — 200.");
                }
            }

            var own = await MeasureAsync(client, requests, Connections);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HttpClient, {Connections} параллельных задач, {requests} запросов: p50 {own.P50:F1} мс, p95 {own.P95:F1} мс, p99 {own.P99:F1} мс, ответов не 200: {own.Failed}"));
            ok &= own.Failed == 0;
            var met = ok && own.P95 <= 100;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Поиск по началу фамилии, цель p95 ≤ 100 мс: {Verdict(met)}"));
            return met ? 0 : 1;
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep, $"; вход: {Login} / {Password}");
        }
    }

    /// <summary>The curator of the given school (the first one <see cref="LoadAsync"/> makes), shared with the watch-list bench.</summary>
    public static Task CreateCuratorAsync(string cs, (long RegionId, long MunicipalityId, long OrganizationId) school) =>
        CreateUserAsync(cs, Login, "Куратор для замера поиска", new RoleAssignment
        {
            Role = Role.Curator, RegionId = school.RegionId, MunicipalityId = school.MunicipalityId, OrganizationId = school.OrganizationId,
        });

    public static string SearchPath(string prefix) => "/People/Mentees?q=" + Uri.EscapeDataString(prefix);

    /// <summary>
    /// One region, one municipality, <see cref="Schools"/> schools with a learners' programme each and <paramref name="people"/>
    /// active pupils in even contiguous blocks per school (every surname in every school), each with a mentee profile in the school's programme; then ANALYZE.
    /// Returns the first school (the curator's).
    /// </summary>
    public static async Task<(long RegionId, long MunicipalityId, long OrganizationId)> LoadAsync(string cs, int people)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var regionId = await ScalarAsync(conn, "insert into regions (name) values ('Регион для замера поиска') returning id");
        var municipalityId = await ScalarAsync(conn,
            $"insert into municipalities (region_id, name, kind) values ({regionId}, 'Город для замера поиска', 'city_district') returning id");

        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy organizations (region_id, municipality_id, name, short_name, type) from stdin (format binary)"))
        {
            for (var o = 1; o <= Schools; o++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(municipalityId, NpgsqlDbType.Bigint);
                await copy.WriteAsync($"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № {o}»", NpgsqlDbType.Text);
                await copy.WriteAsync($"МБОУ СШ № {o}", NpgsqlDbType.Text);
                await copy.WriteAsync("school", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        var organizations = await IdsAsync(conn, $"select id from organizations where region_id = {regionId} order by id");

        var year = DateTime.UtcNow.Year;
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy programs (region_id, organization_id, name, family, period_start, period_end) from stdin (format binary)"))
        {
            foreach (var org in organizations)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(org, NpgsqlDbType.Bigint);
                await copy.WriteAsync("Программа наставничества обучающихся", NpgsqlDbType.Text);
                await copy.WriteAsync("learners", NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(year, 1, 1), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(year + 2, 12, 31), NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }
        var programOf = (await PairsAsync(conn, $"select organization_id, id from programs where region_id = {regionId}")).ToDictionary(p => p.Id, p => p.Other);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy people (region_id, organization_id, kind, last_name, first_name, middle_name, birth_date, sex, class_name, grade, status) from stdin (format binary)"))
        {
            string[] letters = ["А", "Б", "В", "Г"];
            for (var i = 0; i < people; i++)
            {
                var s = i % PeopleImportBench.MaleSurnames.Length;
                var n = i / PeopleImportBench.MaleSurnames.Length % PeopleImportBench.MaleNames.Length;
                var p = i / 7 % PeopleImportBench.Patronymics.Length;
                var male = i / 3 % 2 == 0;
                var grade = i / 11 % 11 + 1;
                await copy.StartRowAsync();
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(organizations[(int)((long)i * organizations.Count / people)], NpgsqlDbType.Bigint);
                await copy.WriteAsync("pupil", NpgsqlDbType.Text);
                await copy.WriteAsync(PeopleImportBench.MaleSurnames[s] + (male ? "" : "а"), NpgsqlDbType.Text);
                await copy.WriteAsync(male ? PeopleImportBench.MaleNames[n] : PeopleImportBench.FemaleNames[n], NpgsqlDbType.Text);
                await copy.WriteAsync(PeopleImportBench.Patronymics[p] + (male ? "ич" : "на"), NpgsqlDbType.Text);
                await copy.WriteAsync(today.AddYears(-6 - grade).AddDays(-(i % 365)), NpgsqlDbType.Date);
                await copy.WriteAsync(male ? "m" : "f", NpgsqlDbType.Text);
                await copy.WriteAsync($"{grade}{letters[i / 5 % letters.Length]}", NpgsqlDbType.Text);
                await copy.WriteAsync(grade, NpgsqlDbType.Integer);
                await copy.WriteAsync("active", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }

        var pupils = await PairsAsync(conn, $"select id, organization_id from people where region_id = {regionId} order by id");
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy mentee_profiles (person_id, program_id, region_id, organization_id, source, entry_date, status) from stdin (format binary)"))
        {
            string[] statuses = ["candidate", "admitted", "in_pair", "in_pair", "finished"];
            var entry = new DateOnly(year, 1, 1);
            for (var i = 0; i < pupils.Count; i++)
            {
                var (person, org) = pupils[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(person, NpgsqlDbType.Bigint);
                await copy.WriteAsync(programOf[org], NpgsqlDbType.Bigint);
                await copy.WriteAsync(regionId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(org, NpgsqlDbType.Bigint);
                await copy.WriteAsync("class_teacher", NpgsqlDbType.Text);
                await copy.WriteAsync(entry.AddDays(i % 200), NpgsqlDbType.Date);
                await copy.WriteAsync(statuses[i % statuses.Length], NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("analyze", conn) { CommandTimeout = 600 }) await analyze.ExecuteNonQueryAsync();
        return (regionId, municipalityId, organizations[0]);
    }

    private sealed record Latencies(double P50, double P95, double P99, int Failed);

    /// <summary><paramref name="tasks"/> tasks share <paramref name="total"/> requests, each timed from send to the last byte of the body.</summary>
    private static async Task<Latencies> MeasureAsync(HttpClient client, int total, int tasks)
    {
        var times = new double[total];
        var next = -1;
        var failed = 0;
        var workers = Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(SearchPath(Prefixes[i % Prefixes.Length]), HttpCompletionOption.ResponseContentRead);
                times[i] = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failed);
            }
        }));
        await Task.WhenAll(workers);
        Array.Sort(times);
        double At(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
        return new Latencies(At(0.50), At(0.95), At(0.99), failed);
    }
}

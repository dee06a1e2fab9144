using static Nastavnik.Cli.BenchSql;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;
using Nastavnik.Web;
using Npgsql;
using NpgsqlTypes;

namespace Nastavnik.Cli;

/// <summary>
/// `nastavnik bench search [--people 100000] [--duration 15] [--requests 2000] [--keep]`: a municipality of 50 schools
/// with N pupils (each with a mentee profile, so all are in the base) bulk-loaded by binary COPY into a throwaway
/// database; the web app is hosted in-process on a free loopback port, a curator of one school signs in, and the
/// mentee base is searched by surname prefix under 16 concurrent connections — first with wrk, then with a pass of
/// HttpClient requests whose latencies the bench records itself. Target: p95 ≤ 100 ms.
/// </summary>
public static class SearchBench
{
    public const int Schools = 50, Connections = 16;
    public const string Login = "bench-curator", Password = "Bench-search-2026!";

    /// <summary>Surname prefixes the requests rotate through; every one starts at least one surname of the generated list.</summary>
    public static readonly string[] Prefixes =
        ["Ива", "Смир", "Кузн", "Поп", "Вас", "Пет", "Сок", "Мих", "Нов", "Фёд",
         "Мор", "Вол", "Але", "Леб", "Сем", "Его", "Пав", "Коз", "Сте", "Ник"];

    public static async Task<int> RunAsync(string[] args)
    {
        var people = 100_000;
        var duration = 15;
        var requests = 2000;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--people" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is >= Schools and <= 1_000_000:
                    people = n;
                    i++;
                    break;
                case "--duration" when i + 1 < args.Length && int.TryParse(args[i + 1], out var d) && d is > 0 and <= 600:
                    duration = d;
                    i++;
                    break;
                case "--requests" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r is >= Connections and <= 1_000_000:
                    requests = r;
                    i++;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    Console.Error.WriteLine($"Ошибка: непонятный аргумент «{args[i]}»");
                    return 2;
            }
        }

        var (server, name, cs) = await CreateThrowawayDatabaseAsync();
        try
        {
            var load = Stopwatch.StartNew();
            var school = await LoadAsync(cs, people);
            await CreateCuratorAsync(cs, school);
            load.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Загружено (COPY BINARY): 1 муниципалитет, {Schools} школ, {people} обучающихся с профилями наставляемых за {load.Elapsed.TotalSeconds:F1} с; база {name}"));

            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            await using var app = BuildApp(cs, baseUrl);
            await app.StartAsync();
            try
            {
                var cookies = new CookieContainer();
                using var client = Client(cookies, baseUrl);
                if (!await SignInAsync(client, Login, Password, SearchPath(Prefixes[0]))) return 1;
                var cookieHeader = cookies.GetCookieHeader(new Uri(baseUrl));
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
                var wrk = await RunWrkAsync(baseUrl, cookieHeader, duration);
                if (wrk is null) ok = false;
                else
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"wrk -t2 -c{Connections} -d{duration}s: {wrk.Requests} запросов, {wrk.RequestsPerSecond:F0} запросов/с; задержка p50 {wrk.P50:F1} мс, p75 {wrk.P75:F1} мс, p90 {wrk.P90:F1} мс, p99 {wrk.P99:F1} мс"));
                    if (wrk.Non2xx > 0 || wrk.SocketErrors.Length > 0)
                    {
                        Console.Error.WriteLine($"Ошибка: ответов не 2xx — {wrk.Non2xx}; {wrk.SocketErrors}");
                        ok = false;
                    }
                    else Console.WriteLine("Все ответы wrk — 200.");
                }

                var own = await MeasureAsync(client, requests, Connections);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"HttpClient, {Connections} параллельных задач, {requests} запросов: p50 {own.P50:F1} мс, p95 {own.P95:F1} мс, p99 {own.P99:F1} мс, ответов не 200: {own.Failed}"));
                ok &= own.Failed == 0;
                var met = ok && own.P95 <= 100;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Поиск по началу фамилии, цель p95 ≤ 100 мс: {(met ? "выполнено" : "НЕ выполнено")}"));
                return met ? 0 : 1;
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            await DropOrKeepAsync(server, name, keep, $"; вход: {Login} / {Password}");
        }
    }

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

    /// <summary>The curator of the given school, password hashed as DemoData does.</summary>
    public static async Task CreateCuratorAsync(string cs, (long RegionId, long MunicipalityId, long OrganizationId) school)
    {
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var user = new User
        {
            UserName = Login,
            NormalizedUserName = Login.ToUpperInvariant(),
            FullName = "Куратор для замера поиска",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        user.Assignments.Add(new RoleAssignment
        {
            Role = Role.Curator, RegionId = school.RegionId, MunicipalityId = school.MunicipalityId, OrganizationId = school.OrganizationId,
        });
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    /// <summary>The web app as `nastavnik serve` builds it, on the given loopback address, without background jobs or mail.</summary>
    /// <summary>The site hosted in-process on <paramref name="url"/> for a benchmark (background workers off); shared by the web benches.</summary>
    internal static WebApplication BuildApp(string cs, string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(WebServices).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration[$"ConnectionStrings:{DataServices.ConnectionStringName}"] = cs;
        builder.Configuration["Nastavnik:Reminders:Enabled"] = "false";
        builder.Configuration["Nastavnik:Smtp:Enabled"] = "false";
        builder.Configuration["Nastavnik:Consents:Enabled"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        builder.WebHost.UseUrls(url);
        builder.Services.AddNastavnikData(builder.Configuration);
        builder.AddNastavnikWeb();
        var app = builder.Build();
        app.UseNastavnikWeb();
        return app;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HttpClient Client(CookieContainer cookies, string baseUrl) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = Connections })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// GETs the login page for the antiforgery token, POSTs the form (the auth cookie stays in the client's container)
    /// and checks that <paramref name="checkPath"/> then answers 200; shared by the web benches.
    /// </summary>
    internal static async Task<bool> SignInAsync(HttpClient client, string login, string password, string checkPath)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success)
        {
            Console.Error.WriteLine("Ошибка: на странице входа нет антиподделочного токена");
            return false;
        }
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = login,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Console.Error.WriteLine($"Ошибка: вход «{login}» не выполнен (HTTP {(int)response.StatusCode})");
            return false;
        }
        using var check = await client.GetAsync(checkPath);
        if (check.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"Ошибка: {checkPath} после входа ответила HTTP {(int)check.StatusCode}");
            return false;
        }
        return true;
    }

    public sealed record WrkResult(long Requests, double RequestsPerSecond, double P50, double P75, double P90, double P99, long Non2xx, string SocketErrors);

    private static async Task<WrkResult?> RunWrkAsync(string baseUrl, string cookieHeader, int duration)
    {
        const string wrkPath = "/usr/bin/wrk";
        var wrk = File.Exists(wrkPath) ? wrkPath : FindOnPath("wrk");
        if (wrk is null)
        {
            Console.Error.WriteLine("wrk не найден. Установите его: sudo apt-get install wrk (Debian/Ubuntu) — и повторите замер.");
            return null;
        }
        var script = Path.Combine(Path.GetTempPath(), $"nastavnik-search-{Guid.NewGuid():N}.lua");
        var lua = new StringBuilder("local paths = {\n");
        foreach (var prefix in Prefixes) lua.Append("  \"").Append(SearchPath(prefix)).Append("\",\n");
        lua.Append("""
            }
            local i = 0
            request = function()
              i = i + 1
              return wrk.format("GET", paths[(i % #paths) + 1])
            end
            """);
        await File.WriteAllTextAsync(script, lua.ToString());
        try
        {
            var start = new ProcessStartInfo(wrk)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "-t2", $"-c{Connections}", $"-d{duration}s", "--latency", "-H", $"Cookie: {cookieHeader}", "-s", script,
                         baseUrl + SearchPath(Prefixes[0]),
                     })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"Ошибка: wrk завершился с кодом {process.ExitCode}: {await stderr}");
                return null;
            }
            var parsed = ParseWrk(output);
            if (parsed is null) Console.Error.WriteLine("Ошибка: не удалось разобрать вывод wrk:\n" + output);
            return parsed;
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Reads wrk's `--latency` report: the latency distribution, the request count, non-2xx/3xx and socket errors, requests/s.</summary>
    public static WrkResult? ParseWrk(string output)
    {
        double? Percentile(string p)
        {
            var m = Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
            return m.Success ? Millis(m.Groups[1].Value, m.Groups[2].Value) : null;
        }
        var requests = Regex.Match(output, @"(\d+) requests in");
        var rate = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)");
        var socket = Regex.Match(output, @"Socket errors:[^\n]*");
        if (Percentile("50") is not { } p50 || Percentile("75") is not { } p75 || Percentile("90") is not { } p90
            || Percentile("99") is not { } p99 || !requests.Success || !rate.Success)
            return null;
        return new WrkResult(long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), p50, p75, p90, p99,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Value.Trim() : "");
    }

    private static double Millis(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v * 60_000 };
    }

    private static string? FindOnPath(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);

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

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Nastavnik.Cli;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Migrations;
using Nastavnik.Web;
using Npgsql;

namespace Nastavnik.Bench;

/// <summary>
/// What the benches share: a throwaway database and raw SQL to bulk-load it, the site hosted in-process on a free
/// loopback port, users to sign in as, wrk and its report, and the median of the timings.
/// </summary>
public static class Harness
{
    /// <summary>Concurrent connections of the web benches (wrk -c16 and the HttpClient pass).</summary>
    public const int Connections = 16;

    /// <summary>The password of every user a bench creates.</summary>
    public const string Password = "Bench-search-2026!";

    // ---- throwaway database ------------------------------------------------------------------------------------

    /// <summary>A new, migrated database on the configured server or the local cluster, for one benchmark run.</summary>
    public static async Task<(string Server, string Name, string ConnectionString)> CreateThrowawayDatabaseAsync()
    {
        // The owner: it creates the database and migrates it; the bench then works in it as the owner too.
        var server = await CliDatabase.ResolveOwnerAsync(CliDatabase.Configuration([]));
        var name = "nastavnik_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"create database \"{name}\"");
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory(), TextWriter.Null);
        return (server, name, cs);
    }

    /// <summary>Drops the benchmark's database, or says where it was kept (<c>--keep</c>).</summary>
    public static async Task DropOrKeepAsync(string server, string name, bool keep, string keptNote = "")
    {
        NpgsqlConnection.ClearAllPools();
        if (keep) Console.WriteLine($"База сохранена: {name}{keptNote}");
        else await ExecuteAsync(server, $"drop database if exists \"{name}\" with (force)");
    }

    public static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await ExecuteAsync(conn, sql);
    }

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<long>> IdsAsync(NpgsqlConnection conn, string sql) =>
        (await PairsAsync(conn, sql.Replace("select id from", "select id, 0::bigint from"))).Select(p => p.Id).ToList();

    public static async Task<List<(long Id, long Other)>> PairsAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await using var rows = await command.ExecuteReaderAsync();
        var result = new List<(long, long)>();
        while (await rows.ReadAsync()) result.Add((rows.GetInt64(0), rows.GetInt64(1)));
        return result;
    }

    /// <summary>A user with one role assignment and <see cref="Password"/>, hashed as DemoData does.</summary>
    public static async Task CreateUserAsync(string cs, string login, string fullName, RoleAssignment assignment)
    {
        await using var db = CliDatabase.Open(cs, CliDatabase.Actor);
        var user = new User
        {
            UserName = login, NormalizedUserName = login.ToUpperInvariant(), FullName = fullName,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        user.Assignments.Add(assignment);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    // ---- the site ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The site as `nastavnik serve` builds it, started in-process on a free 127.0.0.1 port, without background
    /// workers or mail; disposing the returned site stops it.
    /// </summary>
    public static async Task<Site> StartSiteAsync(string cs)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var baseUrl = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // The pages and their compiled views live in Nastavnik.Web, not in this executable.
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
        builder.WebHost.UseUrls(baseUrl);
        builder.Services.AddNastavnikData(builder.Configuration);
        builder.AddNastavnikWeb();
        var app = builder.Build();
        app.UseNastavnikWeb();
        await app.StartAsync();
        return new Site(app, baseUrl);
    }

    public sealed class Site(WebApplication app, string baseUrl) : IAsyncDisposable
    {
        public string BaseUrl => baseUrl;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// A client signed in as <paramref name="login"/>: GETs the login page for the antiforgery token, POSTs the form
    /// (the auth cookie stays in the client's container) and checks that <paramref name="checkPath"/> then answers
    /// 200. Null, with the reason on stderr, when the sign-in failed. The cookie header is for wrk.
    /// </summary>
    public static async Task<(HttpClient Client, string CookieHeader)?> SignInAsync(string baseUrl, string login, string checkPath)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = Connections })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success) return Failed("на странице входа нет антиподделочного токена");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = login,
            ["Form.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) return Failed($"вход «{login}» не выполнен (HTTP {(int)response.StatusCode})");
        using var check = await client.GetAsync(checkPath);
        if (check.StatusCode != HttpStatusCode.OK) return Failed($"{checkPath} после входа ответила HTTP {(int)check.StatusCode}");
        return (client, cookies.GetCookieHeader(new Uri(baseUrl)));

        (HttpClient, string)? Failed(string message)
        {
            client.Dispose();
            Console.Error.WriteLine($"Ошибка: {message}");
            return null;
        }
    }

    // ---- wrk ---------------------------------------------------------------------------------------------------

    public sealed record WrkResult(long Requests, double RequestsPerSecond, double P50, double P75, double P90, double P99, long Non2xx, string SocketErrors)
    {
        /// <summary>wrk reports p50/p75/p90/p99; p95 is read between p90 and p99 (linear, on the safe side of p90).</summary>
        public double P95 => P90 + (P99 - P90) * 5 / 9;
    }

    /// <summary>
    /// `wrk -t2 -c16 -dNs --timeout 10s --latency` with the session cookie, rotating through <paramref name="paths"/>
    /// (a Lua script when there are several). Null, with the reason on stderr, when wrk is missing or failed.
    /// </summary>
    public static async Task<WrkResult?> RunWrkAsync(string baseUrl, IReadOnlyList<string> paths, string cookieHeader, int duration)
    {
        const string wrkPath = "/usr/bin/wrk";
        var wrk = File.Exists(wrkPath) ? wrkPath
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);
        if (wrk is null)
        {
            Console.Error.WriteLine("Ошибка: wrk не найден. Установите его: sudo apt-get install wrk (Debian/Ubuntu) — и повторите замер.");
            return null;
        }
        string? script = null;
        if (paths.Count > 1)
        {
            script = Path.Combine(Path.GetTempPath(), $"nastavnik-bench-{Guid.NewGuid():N}.lua");
            var lua = new StringBuilder("local paths = {\n");
            foreach (var path in paths) lua.Append("  \"").Append(path).Append("\",\n");
            lua.Append("""
                }
                local i = 0
                request = function()
                  i = i + 1
                  return wrk.format("GET", paths[(i % #paths) + 1])
                end
                """);
            await File.WriteAllTextAsync(script, lua.ToString());
        }
        try
        {
            var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            string[] args = ["-t2", $"-c{Connections}", $"-d{duration}s", "--timeout", "10s", "--latency", "-H", $"Cookie: {cookieHeader}"];
            foreach (var a in args) start.ArgumentList.Add(a);
            if (script is not null)
            {
                start.ArgumentList.Add("-s");
                start.ArgumentList.Add(script);
            }
            start.ArgumentList.Add(baseUrl + paths[0]);
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
            if (script is not null) File.Delete(script);
        }
    }

    /// <summary>Reads wrk's `--latency` report: the latency distribution, the request count, non-2xx/3xx and socket errors, requests/s.</summary>
    public static WrkResult? ParseWrk(string output)
    {
        double? Percentile(string p)
        {
            var m = Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
            if (!m.Success) return null;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v * 60_000 };
        }
        var requests = Regex.Match(output, @"(\d+) requests in");
        var rate = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)");
        var socket = Regex.Match(output, @"Socket errors:[^\n]*");
        if (Percentile("50") is not { } p50 || Percentile("75") is not { } p75 || Percentile("90") is not { } p90
            || Percentile("99") is not { } p99 || !requests.Success || !rate.Success)
        {
            return null;
        }
        return new WrkResult(long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), p50, p75, p90, p99,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Value.Trim() : "");
    }

    // ---- report ------------------------------------------------------------------------------------------------

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The last line of a bench: whether the target was met.</summary>
    public static string Verdict(bool met) => met ? "выполнено" : "НЕ выполнено";
}

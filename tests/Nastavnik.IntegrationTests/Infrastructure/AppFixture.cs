using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Local;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (initdb in a temp folder, its own port), a fresh
/// nastavnik_test_* database per test collection migrated by the real runner, and the site served by Kestrel on
/// loopback. Collections (see <see cref="Collections"/>) run in parallel, each with its own database and site.
/// Tests insert their own rows (unique names from <see cref="Unique"/>) and assert only about them.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Password = "test-password-123";
    private static int _counter;

    public LocalCluster Cluster { get; private set; } = null!;
    /// <summary>The application role's connection (as the site's): it may not update, delete or truncate audit rows.</summary>
    public string ConnectionString { get; private set; } = null!;
    /// <summary>The schema owner's connection (as migrations'): for tests that migrate or need the owner's rights.</summary>
    public string OwnerConnectionString { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await SharedCluster.AcquireAsync();
        var database = "nastavnik_test_" + Guid.NewGuid().ToString("N")[..8];
        await Cluster.EnsureDatabaseAsync(database);
        OwnerConnectionString = Cluster.ConnectionString(database);
        ConnectionString = Cluster.AppConnectionString(database);
        await MigrationRunner.ApplyAsync(OwnerConnectionString, MigrationRunner.FindMigrationsDirectory());
        Factory = CreateFactory(ConnectionString);
        BaseAddress = AddressOf(Factory);
    }

    /// <summary>The loopback address Kestrel bound for a started factory.</summary>
    public static Uri AddressOf(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));

    /// <summary>A real HTTP client over loopback that keeps cookies and does not follow redirects.</summary>
    public static HttpClient ClientFor(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>A site on its own Kestrel port against the given database (the two-node test starts two).</summary>
    public static WebApplicationFactory<Program> CreateFactory(string connectionString, Action<IWebHostBuilder>? configure = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting($"ConnectionStrings:{DataServices.ConnectionStringName}", connectionString);
            b.UseEnvironment("Production");
            // No console logging: the in-process CLI runs (CliRunner) capture Console while other collections' sites run.
            b.ConfigureLogging(l => l.ClearProviders());
            // Background reminder scans and e-mail sending stay off unless a test turns them on: tests call one round
            // directly, and a scan on start would add notifications other tests do not expect.
            b.UseSetting("Nastavnik:Reminders:Enabled", "false");
            b.UseSetting("Nastavnik:Smtp:Enabled", "false");
            b.UseSetting("Nastavnik:Consents:Enabled", "false");
            configure?.Invoke(b);
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly SemaphoreSlim _browserLock = new(1, 1);

    /// <summary>
    /// Debian's Chromium driven by Playwright (its own browser download cannot work here), started on first use.
    /// The flags keep it off the network: this machine has none but loopback.
    /// </summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            var chromium = FindOnPath("chromium") ?? FindOnPath("chromium-browser")
                ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (the test script does this)");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await SharedCluster.ReleaseAsync();
    }

    public static string Unique(string prefix) => $"{prefix} {Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public NastavnikDb Db() => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(ConnectionString).Options);

    public async Task<T> InsertAsync<T>(T entity) where T : class
    {
        await using var db = Db();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302/403/404 as they are.</summary>
    public HttpClient Client() => ClientFor(BaseAddress);

    /// <summary>A fresh region → municipality → school tree with unique names.</summary>
    public async Task<Tree> CreateTreeAsync()
    {
        await using var db = Db();
        // No subject code: there are only 100 two-digit codes and a test run makes more regions than that.
        var region = new Region { Name = Unique("Регион") };
        var municipality = new Municipality { Region = region, Name = Unique("Муниципалитет"), Kind = MunicipalityKind.CityDistrict };
        var school = new Organization
        {
            Region = region, Municipality = municipality, Name = Unique("Школа полное"), ShortName = Unique("Школа"),
            Type = OrganizationType.School,
        };
        db.Organizations.Add(school);
        await db.SaveChangesAsync();
        return new Tree(region.Id, municipality.Id, school.Id);
    }

    public sealed record Tree(long RegionId, long MunicipalityId, long OrganizationId);

    /// <summary>Creates a user holding one role at the node of the tree its level needs; returns the login.</summary>
    public async Task<string> CreateUserAsync(Role role, Tree? tree, string? fullName = null)
    {
        await using var db = Db();
        var login = "u" + Guid.NewGuid().ToString("N")[..12];
        var user = new User
        {
            UserName = login, NormalizedUserName = login.ToUpperInvariant(), FullName = fullName ?? Unique("Тестов Тест"),
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        user.Assignments.Add(role.Level() switch
        {
            ScopeLevel.System => new RoleAssignment { Role = role },
            ScopeLevel.Region => new RoleAssignment { Role = role, RegionId = tree!.RegionId },
            ScopeLevel.Municipality => new RoleAssignment { Role = role, RegionId = tree!.RegionId, MunicipalityId = tree.MunicipalityId },
            _ => new RoleAssignment { Role = role, RegionId = tree!.RegionId, MunicipalityId = tree.MunicipalityId, OrganizationId = tree.OrganizationId },
        });
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return login;
    }

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password = Password)
    {
        var client = Client();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {login} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public async Task<HttpClient> SignInAsAsync(Role role, Tree? tree) => await SignInAsync(await CreateUserAsync(role, tree));
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>
/// Two web nodes on one PostgreSQL: the Data Protection key ring lives in the database, so a login cookie and an
/// antiforgery token issued by one node are accepted by the other, as behind a load balancer.
/// </summary>
[Collection(Collections.Platform)]
public class TwoNodeTests(AppFixture app)
{
    [Fact]
    public async Task Nodes_SharingDatabase_AcceptEachOthersCookieAndAntiforgeryToken()
    {
        // A fresh database: both nodes start with an empty key ring, as on a first deployment.
        var database = "nastavnik_test_nodes_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(database);
        var cs = app.Cluster.ConnectionString(database);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        await using var node1 = AppFixture.CreateFactory(cs);
        await using var node2 = AppFixture.CreateFactory(cs);
        var address1 = AppFixture.AddressOf(node1);
        var address2 = AppFixture.AddressOf(node2);
        Assert.NotEqual(address1.Port, address2.Port);

        // Users are created in the fresh database through the shared fixture helpers' connection.
        var fixtureForDb = new DatabaseOnly(cs);
        var login = await fixtureForDb.CreateAdminAsync();
        // One cookie container for both: cookies belong to the host 127.0.0.1, whatever the port.
        var cookies = new CookieContainer();
        using var client1 = Client(address1, cookies);
        using var client2 = Client(address2, cookies);

        // Antiforgery token and cookie from node 1, form posted to node 2.
        var token = await HttpClientForms.AntiforgeryTokenAsync(client1, "/Account/Login");
        var login2 = await client2.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login2.StatusCode);

        // The login cookie set by node 2 opens a protected page on node 1.
        var home1 = await client1.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home1.StatusCode);
        Assert.Contains("Системный администратор", await home1.Content.ReadAsStringAsync());

        await using var db = fixtureForDb.Db();
        Assert.True(await db.DataProtectionKeys.CountAsync() >= 1);
    }

    private static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };

    private sealed class DatabaseOnly(string cs)
    {
        public Nastavnik.Data.NastavnikDb Db() =>
            new(new DbContextOptionsBuilder<Nastavnik.Data.NastavnikDb>().UseNpgsql(cs).Options);

        public async Task<string> CreateAdminAsync()
        {
            await using var db = Db();
            var login = "node" + Guid.NewGuid().ToString("N")[..8];
            var user = new Nastavnik.Data.Entities.User
            {
                UserName = login, NormalizedUserName = login.ToUpperInvariant(), FullName = "Узлов Узел Узлович",
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            user.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<Nastavnik.Data.Entities.User>().HashPassword(user, AppFixture.Password);
            user.Assignments.Add(new Nastavnik.Data.Entities.RoleAssignment { Role = Role.SystemAdmin });
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return login;
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;

namespace Nastavnik.IntegrationTests.Data;

[Collection(Collections.Platform)]
public class DemoDataTests(AppFixture app)
{
    private async Task<string> FreshDatabaseAsync()
    {
        var name = "nastavnik_test_demo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        return cs;
    }

    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    [Fact]
    public async Task EnsureAsync_RunTwice_LoadsOnceAndChangesNothingTheSecondTime()
    {
        var cs = await FreshDatabaseAsync();
        await using (var db = Open(cs)) Assert.True(await DemoData.EnsureAsync(db, TextWriter.Null));
        int organizations, users, audit;
        await using (var db = Open(cs))
        {
            organizations = await db.Organizations.CountAsync();
            users = await db.Users.CountAsync();
            audit = await db.AuditEntries.CountAsync();
        }

        await using (var db = Open(cs)) Assert.False(await DemoData.EnsureAsync(db, TextWriter.Null));

        await using var check = Open(cs);
        Assert.Equal(organizations, await check.Organizations.CountAsync());
        Assert.Equal(users, await check.Users.CountAsync());
        Assert.Equal(audit, await check.AuditEntries.CountAsync());
        Assert.Equal(["Московская область", "Ростовская область", "Ставропольский край"], await check.Regions.Select(r => r.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Волгодонской район", "г. Азов", "г. Ессентуки", "городской округ Дубна"],
            (await check.Municipalities.Select(m => m.Name).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnsureAsync_NewSchoolsOfNewRegions_AuditedUnderTheirRealRegion()
    {
        var cs = await FreshDatabaseAsync();
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);

        await using var check = Open(cs);
        var organizations = await check.Organizations.ToDictionaryAsync(o => o.Id.ToString(), o => o.RegionId);
        var entries = await check.AuditEntries.Where(a => a.EntityType == "Organization" && a.Action == Nastavnik.Data.Entities.AuditAction.Create).ToListAsync();

        Assert.Equal(organizations.Count, entries.Count);
        Assert.All(entries, e => Assert.Equal(organizations[e.EntityId], e.RegionId));
    }

    /// <summary>The demo roadmap of Волгодонской район, and the real order it follows (skipped without ../shared/seeds).</summary>
    public static readonly TheoryData<string> Order310 = new() { "demo", "seed" };

    [SkippableTheory]
    [MemberData(nameof(Order310))]
    public async Task EnsureAsync_Volgodonsk_HasTheSixSchoolsOfOrder310InTheirOrder(string source)
    {
        var path = source == "seed" ? RoadmapFiles.Seed("001_99df185b4467ac42.txt") : RoadmapFiles.Demo("volgodonsk.txt");
        var cs = await FreshDatabaseAsync();
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        // The order's text lists «МБОУ: Большовская ООШ, МБОУ: Прогрессовская ООШ, …» (the real one with each head's name).
        var order = await File.ReadAllTextAsync(path);
        var line = order.Split('\n').Single(l => l.Contains("Руководителям общеобразовательных организаций: МБОУ"));
        var named = System.Text.RegularExpressions.Regex.Matches(line, @"МБОУ: \w+ [СО]ОШ").Select(x => x.Value).ToList();

        await using var check = Open(cs);
        var schools = await check.Organizations.Where(o => o.Municipality.Name == "Волгодонской район").OrderBy(o => o.Id)
            .Select(o => o.ShortName).ToListAsync();

        Assert.Equal(6, named.Count);
        Assert.Equal(named, schools);
    }

    [Fact]
    public async Task EnsureAsync_EveryDemoLogin_SignsInWithItsRole()
    {
        var cs = await FreshDatabaseAsync();
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using var node = AppFixture.CreateFactory(cs);
        var address = AppFixture.AddressOf(node);

        Assert.Equal(Roles.All.Count, DemoData.Logins.Select(l => l.Role).Distinct().Count());
        foreach (var login in DemoData.Logins)
        {
            using var client = AppFixture.ClientFor(address);
            var response = await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login.Login, ["Form.Password"] = DemoData.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var home = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
            Assert.Contains(login.Role.Title(), home);
        }
    }
}

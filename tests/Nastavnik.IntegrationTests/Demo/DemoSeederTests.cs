using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;

namespace Nastavnik.IntegrationTests.Demo;

/// <summary>The one entry point `nastavnik demo` and `serve` load the demo through.</summary>
[Collection(Collections.Platform)]
public class DemoSeederTests(AppFixture app)
{
    [Fact]
    public async Task LoadAllAsync_Twice_LoadsEveryPartOnceAndChangesNothingTheSecondTime()
    {
        var name = "nastavnik_test_seeder_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());

        await using (var db = Open(cs)) await DemoSeeder.LoadAllAsync(db, TextWriter.Null);
        var first = await SnapshotAsync(cs);
        var log = new StringWriter();
        await using (var db = Open(cs)) await DemoSeeder.LoadAllAsync(db, log);
        var second = await SnapshotAsync(cs);

        Assert.Equal(first, second);
        Assert.Equal(5, first["roadmaps"]);
        Assert.Equal(5, first["approved"]);
        Assert.True(first["people"] > 1000, $"{first["people"]} people");
        Assert.True(first["groups"] > 0);
        Assert.Contains("Demo data already loaded.", log.ToString());
        Assert.Contains("Roadmap of Ставропольский край already loaded.", log.ToString());
        Assert.Equal(1, first["blocked"]);
        Assert.Equal(1, first["destroyed"]);
        Assert.Equal(1, first["acts"]);
        await using var check = Open(cs);
        var blocked = await check.People.Where(p => p.Status == PersonStatus.Blocked).Select(p => p.Id).SingleAsync();
        Assert.False(await check.GroupMembers.AnyAsync(m => m.PersonId == blocked));
        Assert.Contains(blocked, await check.People.Where(p => p.Organization.ShortName == PeopleDemo.LinkedSchool).Select(p => p.Id).ToListAsync());
    }

    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    private static async Task<Dictionary<string, int>> SnapshotAsync(string cs)
    {
        await using var db = Open(cs);
        return new()
        {
            ["organizations"] = await db.Organizations.CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["roadmaps"] = await db.Roadmaps.CountAsync(),
            ["approved"] = await db.Roadmaps.CountAsync(r => r.Status == Nastavnik.Domain.Roadmaps.RoadmapStatus.Approved),
            ["occurrences done"] = await db.RoadmapOccurrences.CountAsync(o => o.DoneOn != null),
            ["people"] = await db.People.CountAsync(),
            ["programs"] = await db.Programs.CountAsync(),
            ["groups"] = await db.MentoringGroups.CountAsync(),
            ["meetings"] = await db.Meetings.CountAsync(),
            ["audit"] = await db.AuditEntries.CountAsync(),
            ["blocked"] = await db.People.CountAsync(p => p.Status == PersonStatus.Blocked),
            ["destroyed"] = await db.People.CountAsync(p => p.Status == PersonStatus.Destroyed),
            ["acts"] = await db.DestructionActs.CountAsync(),
        };
    }
}

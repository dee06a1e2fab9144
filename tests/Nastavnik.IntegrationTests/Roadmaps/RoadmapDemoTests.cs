using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Roadmaps;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class RoadmapDemoTests(AppFixture app)
{
    /// <summary>The real seed roadmaps (../shared/seeds) that the demo documents stand in for, by the same place.</summary>
    private static readonly string[] SeedFiles =
        ["000_832a53ffb5b59720.txt", "001_99df185b4467ac42.txt", "002_328e86fef4d7fff5.txt", "003_8b14bc2043315ff6.txt", "004_328698f533d2d36b.txt"];

    [Fact]
    public async Task Load_Twice_ImportsFiveApprovedDemoRoadmapsWithExecutionRecordsOnce()
    {
        var cs = await FreshDatabaseAsync();

        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await RoadmapDemo.LoadAsync(db, TextWriter.Null);
        var first = await SnapshotAsync(cs);
        await using (var db = Open(cs)) await RoadmapDemo.LoadAsync(db, TextWriter.Null);
        var second = await SnapshotAsync(cs);

        Assert.Equal(first, second);
        var roadmaps = await AssertFiveApprovedAsync(cs);
        Assert.Equal(["azov.txt", "volgodonsk.txt", "essentuki.txt", "dubna.txt", "stavropol.txt"], roadmaps.Select(r => r.SourceFileName));
        Assert.Equal("423", roadmaps[0].OrderNumber);
        Assert.Equal(new DateOnly(2020, 9, 15), roadmaps[0].OrderDate);
        Assert.Equal(("310", new DateOnly(2020, 9, 30)), (roadmaps[1].OrderNumber, roadmaps[1].OrderDate));
        await AssertControlPagePictureAsync(cs);
    }

    [SkippableFact]
    public async Task Load_RealSeedRoadmaps_ImportsFiveApprovedIntoTheDemoTerritories()
    {
        var documents = RoadmapDemo.Places.Zip(SeedFiles, (place, seed) => (place with { FileName = seed }, File.ReadAllBytes(RoadmapFiles.Seed(seed)))).ToList();
        var cs = await FreshDatabaseAsync();

        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await RoadmapDemo.LoadAsync(db, documents, TextWriter.Null);

        var roadmaps = await AssertFiveApprovedAsync(cs);
        Assert.Equal(SeedFiles, roadmaps.Select(r => r.SourceFileName));
        Assert.Equal(("423", new DateOnly(2020, 9, 15)), (roadmaps[0].OrderNumber, roadmaps[0].OrderDate));
        await AssertControlPagePictureAsync(cs);
    }

    private async Task<string> FreshDatabaseAsync()
    {
        var name = "nastavnik_test_rmdemo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        return cs;
    }

    private sealed record Loaded(RoadmapLevel Level, string Node, RoadmapStatus Status, string SourceFileName, string OrderNumber, DateOnly? OrderDate, int Items);

    private static async Task<List<Loaded>> AssertFiveApprovedAsync(string cs)
    {
        await using var check = Open(cs);
        var roadmaps = await check.Roadmaps.OrderBy(r => r.Id)
            .Select(r => new Loaded(r.Level, r.Municipality != null ? r.Municipality.Name : r.Region.Name, r.Status, r.SourceFileName, r.OrderNumber, r.OrderDate, r.Items.Count))
            .ToListAsync();
        Assert.Equal(["г. Азов", "Волгодонской район", "г. Ессентуки", "городской округ Дубна", "Ставропольский край"], roadmaps.Select(r => r.Node));
        Assert.All(roadmaps, r => Assert.Equal(RoadmapStatus.Approved, r.Status));
        Assert.All(roadmaps, r => Assert.True(r.Items > 10, $"{r.Node}: {r.Items} items"));
        Assert.Equal(RoadmapLevel.Region, roadmaps[4].Level);
        Assert.Equal(5, await check.RoadmapStatusChanges.CountAsync(c => c.ToStatus == RoadmapStatus.Approved));
        return roadmaps;
    }

    /// <summary>The control page has a picture: Волгодонской район at the first control point.</summary>
    private static async Task AssertControlPagePictureAsync(string cs)
    {
        await using var check = Open(cs);
        var volgodonsk = await check.Municipalities.Where(m => m.Name == "Волгодонской район").Select(m => m.Id).SingleAsync();
        var report = await ControlReport.BuildAsync(check, new Scope([new Assignment(Role.SystemAdmin, null, null, null)]),
            new ControlNode(RoadmapLevel.Municipality, volgodonsk), "Волгодонской район", new DateOnly(2021, 12, 31));
        Assert.True(report.Total.OnTime > 0);
        Assert.True(report.Total.Late > 0);
        Assert.True(report.Total.NotDone > 0);
        Assert.Contains(report.Rows, r => r.Kind == ControlReport.RowKind.Organization && r.Counts.Total > 0);
    }

    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    private static async Task<string> SnapshotAsync(string cs)
    {
        await using var db = Open(cs);
        var statuses = await db.RoadmapOccurrences.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .OrderBy(g => g.Key).ToListAsync();
        return $"{await db.Roadmaps.CountAsync()} roadmaps, {await db.RoadmapItems.CountAsync()} items, " +
            string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Count}"));
    }
}

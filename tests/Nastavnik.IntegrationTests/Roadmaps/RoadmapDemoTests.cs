using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Demo;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Roadmaps;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class RoadmapDemoTests(AppFixture app)
{
    [Fact]
    public async Task Load_Twice_ImportsFiveApprovedSeedsWithExecutionRecordsOnce()
    {
        var name = "nastavnik_test_rmdemo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        var seeds = RoadmapDemo.FindSeedsDirectory();
        Assert.NotNull(seeds);

        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await RoadmapDemo.LoadAsync(db, seeds, TextWriter.Null);
        var first = await SnapshotAsync(cs);
        await using (var db = Open(cs)) await RoadmapDemo.LoadAsync(db, seeds, TextWriter.Null);
        var second = await SnapshotAsync(cs);

        Assert.Equal(first, second);
        await using var check = Open(cs);
        var roadmaps = await check.Roadmaps.OrderBy(r => r.Id)
            .Select(r => new { r.Level, Node = r.Municipality != null ? r.Municipality.Name : r.Region.Name, r.Status, r.OrderNumber, r.OrderDate, Items = r.Items.Count })
            .ToListAsync();
        Assert.Equal(["г. Азов", "Волгодонской район", "г. Ессентуки", "городской округ Дубна", "Ставропольский край"], roadmaps.Select(r => r.Node));
        Assert.All(roadmaps, r => Assert.Equal(RoadmapStatus.Approved, r.Status));
        Assert.All(roadmaps, r => Assert.True(r.Items > 10, $"{r.Node}: {r.Items} items"));
        Assert.Equal(RoadmapLevel.Region, roadmaps[4].Level);
        Assert.Equal("423", roadmaps[0].OrderNumber);
        Assert.Equal(new DateOnly(2020, 9, 15), roadmaps[0].OrderDate);
        Assert.Equal(5, await check.RoadmapStatusChanges.CountAsync(c => c.ToStatus == RoadmapStatus.Approved));

        // The control page has a picture: Волгодонской район at the first control point.
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

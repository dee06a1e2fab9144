using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Features.People;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class MineDemoTests(AppFixture app)
{
    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    [Fact]
    public async Task PairsDemo_LoadedTwice_PairsAtEveryStageOnceWithTheDemoLoginsPaired()
    {
        var name = "nastavnik_test_pairsdemo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await PeopleDemo.LoadAsync(db, TextWriter.Null);

        await using (var db = Open(cs)) await PairsDemo.LoadAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await PairsDemo.LoadAsync(db, TextWriter.Null);

        await using var check = Open(cs);
        var groups = await check.MentoringGroups.Where(g => g.Organization.ShortName == PeopleDemo.LinkedSchool)
            .Select(g => new
            {
                g.Id, g.Status, Meetings = check.Meetings.Count(m => m.GroupId == g.Id), Goals = check.PlanGoals.Count(p => p.GroupId == g.Id),
                Feedback = check.Feedback.Count(f => f.GroupId == g.Id), Last = check.Meetings.Where(m => m.GroupId == g.Id).Max(m => (DateOnly?)m.HeldOn)
            })
            .ToListAsync();
        Assert.Equal(6, groups.Count);
        Assert.Single(groups, g => g.Status == GroupStatus.Paused);
        Assert.Single(groups, g => g.Meetings == 0);
        Assert.Single(groups, g => g.Status == GroupStatus.Closed);
        Assert.Single(groups, g => g.Goals > 0 && g.Feedback > 0 && g.Meetings >= 5);
        var today = CardTestData.Today;
        Assert.Single(groups, g => g.Status == GroupStatus.Active && g.Last is { } last && last <= today.AddDays(-40));
        var mentor = await check.Users.Where(u => u.UserName == "mentor").Select(u => u.PersonId).SingleAsync();
        var mentee = await check.Users.Where(u => u.UserName == "mentee").Select(u => u.PersonId).SingleAsync();
        Assert.True(await check.MentoringGroups.AnyAsync(g => g.Members.Any(m => m.PersonId == mentor && m.Role == MemberRole.Mentor)
            && g.Members.Any(m => m.PersonId == mentee && m.Role == MemberRole.Mentee)));
    }
}

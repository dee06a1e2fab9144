using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Pairs.Watch;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>
/// The stored watch lists (pair_watch, watch_totals): the triggers keep them in step with every write, and a reader of
/// another day's rows gets them recomputed for its day.
/// </summary>
[Collection(Collections.Pairs)]
public class WatchStoreTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    [Fact]
    public async Task Insert_MeetingForStalledPair_FlagAndCountClearedByTrigger()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await using var db = app.Db();
        Assert.True(await db.PairWatch.Where(w => w.GroupId == pair.Id).Select(w => w.Stalled).SingleAsync());
        Assert.Equal(1, await db.WatchTotals.Where(t => t.OrganizationId == tree.OrganizationId).Select(t => t.Stalled).SingleAsync());

        await app.MeetingAsync(tree, pair.Id, Today.AddDays(-1));

        await using var after = app.Db();
        var row = await after.PairWatch.SingleAsync(w => w.GroupId == pair.Id);
        Assert.False(row.Stalled);
        Assert.Equal(Today, row.AsOf);
        var totals = await after.WatchTotals.SingleAsync(t => t.OrganizationId == tree.OrganizationId);
        Assert.Equal((1, 0), (totals.Active, totals.Stalled));
    }

    [Fact]
    public async Task Delete_OnlyRecentMeeting_PairStalledAgain()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await app.MeetingAsync(tree, pair.Id, Today.AddDays(-2));
        await using var db = app.Db();
        Assert.False(await db.PairWatch.Where(w => w.GroupId == pair.Id).Select(w => w.Stalled).SingleAsync());

        await db.Meetings.Where(m => m.GroupId == pair.Id).ExecuteDeleteAsync();

        Assert.True(await db.PairWatch.Where(w => w.GroupId == pair.Id).Select(w => w.Stalled).SingleAsync());
    }

    [Fact]
    public async Task Update_PairClosedOrPaused_LeavesWatchListsAndCounts()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var closed = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        var paused = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        var kept = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await using var db = app.Db();
        Assert.Equal(3, await db.WatchTotals.Where(t => t.OrganizationId == tree.OrganizationId).Select(t => t.Stalled).SingleAsync());

        await db.MentoringGroups.Where(g => g.Id == closed.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GroupStatus.Closed).SetProperty(g => g.ClosedOn, Today));
        await db.MentoringGroups.Where(g => g.Id == paused.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GroupStatus.Paused).SetProperty(g => g.PausedOn, Today));

        Assert.Equal([kept.Id], await db.PairWatch.Where(w => w.OrganizationId == tree.OrganizationId).Select(w => w.GroupId).ToListAsync());
        var totals = await db.WatchTotals.SingleAsync(t => t.OrganizationId == tree.OrganizationId);
        Assert.Equal((1, 1), (totals.Active, totals.Stalled));
    }

    [Fact]
    public async Task PerOrganization_AnotherDay_RecomputesStaleRowsForThatDay()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-10));
        await app.MeetingAsync(tree, pair.Id, Today.AddDays(-1));
        await using var db = app.Db();
        var nodes = WatchNodes.OfOrganizations([tree.OrganizationId]);
        Assert.Equal(0, WatchQuery.Sum(await WatchQuery.PerOrganizationAsync(db, nodes, Today)).Stalled);

        // Forty days on, with nothing written since, the pair has gone a month without a meeting.
        var later = Today.AddDays(40);
        var totals = WatchQuery.Sum(await WatchQuery.PerOrganizationAsync(db, nodes, later));

        Assert.Equal((1, 1), (totals.Active, totals.Stalled));
        var row = await db.PairWatch.AsNoTracking().SingleAsync(w => w.GroupId == pair.Id);
        Assert.Equal((later, true), (row.AsOf, row.Stalled));
    }

    [Fact]
    public async Task Insert_AnotherPairOfStaleOrganization_RecomputesTheWholeOrganization()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var first = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await using var db = app.Db();
        // Yesterday's rows, as after midnight: the first pair was not stalled then.
        await db.PairWatch.Where(w => w.GroupId == first.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.AsOf, Today.AddDays(-1)).SetProperty(w => w.Stalled, false));
        await db.WatchTotals.Where(t => t.OrganizationId == tree.OrganizationId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AsOf, Today.AddDays(-1)).SetProperty(t => t.Stalled, 0));

        await app.PairAsync(tree, program.Id, Today.AddDays(-3));

        var totals = await db.WatchTotals.AsNoTracking().SingleAsync(t => t.OrganizationId == tree.OrganizationId);
        Assert.Equal((Today, 2, 1), (totals.AsOf, totals.Active, totals.Stalled));
        Assert.Equal(Today, await db.PairWatch.Where(w => w.GroupId == first.Id).Select(w => w.AsOf).SingleAsync());
    }

    [Fact]
    public async Task RefreshStale_OrganizationOfYesterday_RecomputedAsOfToday()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await using var db = app.Db();
        await db.WatchTotals.Where(t => t.OrganizationId == tree.OrganizationId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AsOf, Today.AddDays(-1)).SetProperty(t => t.Stalled, 0));

        var count = await app.Factory.Services.GetRequiredService<WatchRefreshService>().RefreshStaleAsync(Today);

        Assert.True(count >= 1);
        var totals = await db.WatchTotals.AsNoTracking().SingleAsync(t => t.OrganizationId == tree.OrganizationId);
        Assert.Equal((Today, 1), (totals.AsOf, totals.Stalled));
        Assert.True(await db.PairWatch.Where(w => w.GroupId == pair.Id).Select(w => w.Stalled).SingleAsync());
    }

    [Fact]
    public async Task Update_PersonRenamedOrMemberLeft_NamesOnTheListFollow()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await using var db = app.Db();
        var row = await db.PairWatch.AsNoTracking().SingleAsync(w => w.GroupId == pair.Id);
        Assert.Equal((pair.MentorName, pair.MenteeName), (row.Mentors, row.Mentees));

        var renamed = AppFixture.Unique("Переименованная");
        await db.People.Where(p => p.Id == pair.MenteeId).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastName, renamed));
        await db.GroupMembers.Where(m => m.GroupId == pair.Id && m.PersonId == pair.MentorId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeftOn, Today));

        row = await db.PairWatch.AsNoTracking().SingleAsync(w => w.GroupId == pair.Id);
        Assert.StartsWith(renamed + " ", row.Mentees);
        Assert.Equal("", row.Mentors);
    }
}

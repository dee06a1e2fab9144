using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

[Collection(Collections.Bases)]
public class WorkerTests(AppFixture app)
{
    [Fact]
    public async Task ChoiceRun_WritesShortlistsAsOffersAndBecomesDraft()
    {
        var world = await app.WorldAsync(3, 1, 1, 1);

        var runId = await app.QueueRunAsync(world, mode: MatchMode.Choice);
        var run = await app.WaitForRunAsync(runId);

        Assert.Equal(MatchRunStatus.Draft, run.Status);
        await using var db = app.Db();
        var choices = await db.MatchChoices.Where(c => c.RunId == runId).ToListAsync();
        Assert.Equal(world.Mentees.Order(), choices.Select(c => c.MenteeProfileId).Distinct().Order());
        Assert.All(choices, c => Assert.Equal(ChoiceStatus.Offered, c.Status));
        Assert.All(choices, c => Assert.Contains(c.MentorProfileId, world.Mentors));
        Assert.All(choices.GroupBy(c => c.MenteeProfileId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(c => c.Rank).Order()));
        Assert.All(choices, c => Assert.Equal(world.Tree.OrganizationId, c.OrganizationId));
        Assert.Empty(await db.MatchProposals.Where(p => p.RunId == runId).ToListAsync());
    }

    [Fact]
    public async Task Run_NoEligibleMentee_FailsWithRussianError()
    {
        var world = await app.WorldAsync(1, 1);
        await using (var db = app.Db())
        {
            await db.MenteeProfiles.Where(m => m.Id == world.Mentees[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, ParticipationStatus.Left));
        }

        var run = await app.WaitForRunAsync(await app.QueueRunAsync(world));

        Assert.Equal(MatchRunStatus.Failed, run.Status);
        Assert.Contains("В базе наставляемых программы нет никого", run.Error);
    }

    [Fact]
    public async Task Run_UnmatchedMentee_GetsReason()
    {
        var world = await app.WorldAsync(2, 1);

        var run = await app.WaitForRunAsync(await app.QueueRunAsync(world));

        Assert.Equal(MatchRunStatus.Draft, run.Status);
        Assert.Equal(1, run.Matched);
        Assert.Equal(1, run.Unmatched);
        var unmatched = Assert.Single(await app.ProposalsAsync(run.Id), p => p.MentorProfileId is null);
        Assert.NotEqual("", unmatched.UnmatchedReason);
    }

    [Fact]
    public async Task RunNext_CalledConcurrently_EachRunClaimedOnce()
    {
        var worlds = new List<MatchingData.World>();
        for (var i = 0; i < 3; i++) worlds.Add(await app.WorldAsync(2, 2));
        var runs = new List<long>();
        foreach (var world in worlds) runs.Add(await app.QueueRunAsync(world));
        var worker = app.Factory.Services.GetRequiredService<MatchRunWorker>();

        // Four claimers at once (the background loop is a fifth): skip locked hands each run to one of them.
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => worker.RunNextAsync())));

        var mine = claimed.Where(id => id is not null && runs.Contains(id.Value)).Select(id => id!.Value).ToList();
        Assert.Equal(mine.Count, mine.Distinct().Count());
        foreach (var id in runs)
        {
            var run = await app.WaitForRunAsync(id);
            Assert.Equal(MatchRunStatus.Draft, run.Status);
            Assert.Equal(2, run.Matched);
            Assert.Equal(2, (await app.ProposalsAsync(id)).Count);
        }
    }

    [Fact]
    public async Task Run_LeftRunningByADeadNode_IsTakenAgain()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.QueueRunAsync(world);
        await using (var db = app.Db())
        {
            // As if a node claimed it two hours ago and died; the claim may race with the live worker, so it is set after.
            await app.WaitForRunAsync(runId);
            await db.MatchProposals.Where(p => p.RunId == runId).ExecuteDeleteAsync();
            await db.MatchRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MatchRunStatus.Running)
                .SetProperty(r => r.StartedAt, DateTimeOffset.UtcNow.AddHours(-2)).SetProperty(r => r.Progress, 40));
        }
        var worker = app.Factory.Services.GetRequiredService<MatchRunWorker>();

        await worker.RunNextAsync();
        var run = await app.WaitForRunAsync(runId);

        Assert.Equal(MatchRunStatus.Draft, run.Status);
        Assert.Single(await app.ProposalsAsync(runId));
    }
}

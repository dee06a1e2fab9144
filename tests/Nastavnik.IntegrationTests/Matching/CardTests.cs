using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

[Collection(Collections.Bases)]
public class CardTests(AppFixture app)
{
    [Fact]
    public async Task Get_DraftFromWorker_ShowsExplanationAlternativeAndAuditsRead()
    {
        var world = await app.WorldAsync(2, 1, 1);
        var runId = await app.QueueRunAsync(world);
        await app.WaitForRunAsync(runId);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.GetAsync($"/Matching/Card/{runId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<summary>Почему?</summary>", html);
        Assert.Contains("Лучшая альтернатива: ", html);
        Assert.Contains("Запросы", html);
        foreach (var mentee in world.Mentees) Assert.Contains(world.MenteeNames[mentee], html);
        var proposals = await app.ProposalsAsync(runId);
        Assert.All(proposals, p => Assert.NotNull(p.AlternativeMentorProfileId));
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "MatchRun" && a.EntityId == runId.ToString()));
    }

    [Fact]
    public async Task Get_QueuedRun_ShowsProgressAndRefreshes()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, []);
        await using (var db = app.Db())
        {
            await db.MatchRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MatchRunStatus.Running)
                .SetProperty(r => r.Progress, 40).SetProperty(r => r.ProgressNote, "Поиск оптимума").SetProperty(r => r.StartedAt, DateTimeOffset.UtcNow));
        }
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.GetAsync($"/Matching/Card/{runId}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", html);
        Assert.Contains("40%", html);
        Assert.Contains("Поиск оптимума", html);
        Assert.Equal("2", response.Headers.GetValues("Refresh").Single());
    }

    [Fact]
    public async Task Get_RunOfAnotherSchool_Returns404()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Matching/Card/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Matching/Order/{runId}")).StatusCode);
    }

    [Fact]
    public async Task Lock_ThenRerun_KeepsLockedPairAndRecomputesTheRest()
    {
        var world = await app.WorldAsync(3, 2, 2);
        var runId = await app.QueueRunAsync(world);
        await app.WaitForRunAsync(runId);
        var before = await app.ProposalsAsync(runId);
        var locked = before[0];
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Lock", new() { ["proposalId"] = locked.Id.ToString() }));
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Rerun", new()));
        var run = await app.WaitForRunAsync(runId);

        Assert.Equal(MatchRunStatus.Draft, run.Status);
        var after = await app.ProposalsAsync(runId);
        var kept = Assert.Single(after, p => p.Id == locked.Id);
        Assert.True(kept.IsLocked);
        Assert.Equal(locked.MentorProfileId, kept.MentorProfileId);
        // The unlocked rows were written anew by the re-run.
        Assert.DoesNotContain(after, p => p.Id != locked.Id && before.Any(b => b.Id == p.Id));
        Assert.Equal(3, after.Count);
    }

    [Fact]
    public async Task Remove_Pair_MenteeUnmatchedAndMentorExcludedAtRerun()
    {
        var world = await app.WorldAsync(1, 1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var proposal = (await app.ProposalsAsync(runId)).Single();
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Remove", new() { ["proposalId"] = proposal.Id.ToString() }));

        var removed = (await app.ProposalsAsync(runId)).Single();
        Assert.Null(removed.MentorProfileId);
        Assert.Equal("пара удалена куратором", removed.UnmatchedReason);
        await using (var db = app.Db())
        {
            Assert.Contains(world.Mentors[0], (await db.MenteeProfiles.SingleAsync(m => m.Id == world.Mentees[0])).ExcludedMentorProfileIds);
        }
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Rerun", new()));
        await app.WaitForRunAsync(runId);
        var rerun = (await app.ProposalsAsync(runId)).Single();
        Assert.Equal(world.Mentors[1], rerun.MentorProfileId);
    }

    [Fact]
    public async Task Manual_PairBreakingGradeRule_NeedsConfirmationThenSavedLockedWithWarnings()
    {
        var world = await app.WorldAsync(2, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], null)]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        // The "mentor" chosen is another 5th-grader: the grade rule and the form's admission are broken.
        long peerMentorId;
        await using (var db = app.Db())
        {
            var peer = await db.MenteeProfiles.Where(m => m.Id == world.Mentees[1]).Select(m => m.PersonId).SingleAsync();
            var profile = new Nastavnik.Data.Entities.People.MentorProfile
            {
                PersonId = peer, ProgramId = world.Program.Id, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId,
                Capacity = 1, Status = Nastavnik.Domain.People.ParticipationStatus.Candidate,
            };
            db.MentorProfiles.Add(profile);
            await db.SaveChangesAsync();
            peerMentorId = profile.Id;
        }
        var fields = new Dictionary<string, string>
        {
            ["Manual.MenteeProfileId"] = world.Mentees[0].ToString(), ["Manual.MentorProfileId"] = peerMentorId.ToString(),
        };

        var first = await client.PostFormAsync($"/Matching/Card/{runId}?handler=Manual", fields);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("Подтверждаю пару, несмотря на предупреждения", html);
        Assert.Contains("id=\"manual-warnings\"", html);
        Assert.Null((await app.ProposalsAsync(runId)).Single().MentorProfileId);

        fields["Manual.Confirm"] = "true";
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Manual", fields));

        var row = (await app.ProposalsAsync(runId)).Single();
        Assert.Equal(peerMentorId, row.MentorProfileId);
        Assert.True(row.IsManual);
        Assert.True(row.IsLocked);
        Assert.NotEmpty(row.Warnings);
        Assert.Contains("Нарушает условия", await (await client.GetAsync($"/Matching/Card/{runId}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Manual_PairPassingFilters_SavedWithoutConfirmation()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], null)]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.PostFormAsync($"/Matching/Card/{runId}?handler=Manual", new()
        {
            ["Manual.MenteeProfileId"] = world.Mentees[0].ToString(), ["Manual.MentorProfileId"] = world.Mentors[0].ToString(),
        });

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        var row = (await app.ProposalsAsync(runId)).Single();
        Assert.Equal(world.Mentors[0], row.MentorProfileId);
        Assert.Empty(row.Warnings);
        Assert.True(row.Score > 0);
    }

    [Fact]
    public async Task Swap_TwoPairs_ExchangesMentorsAndLocksBoth()
    {
        var world = await app.WorldAsync(2, 1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[1])]);
        var rows = await app.ProposalsAsync(runId);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.PostFormAsync($"/Matching/Card/{runId}?handler=Swap", new()
        {
            ["Swap.FirstProposalId"] = rows[0].Id.ToString(), ["Swap.SecondProposalId"] = rows[1].Id.ToString(),
        });

        MatchingData.AssertRedirect(response);
        var after = await app.ProposalsAsync(runId);
        Assert.Equal(world.Mentors[1], after.Single(p => p.MenteeProfileId == world.Mentees[0]).MentorProfileId);
        Assert.Equal(world.Mentors[0], after.Single(p => p.MenteeProfileId == world.Mentees[1]).MentorProfileId);
        Assert.All(after, p => Assert.True(p.IsLocked && p.IsManual));
    }

    [Fact]
    public async Task Post_EmptyForms_AnswerPageWithErrorsNotServerError()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        foreach (var handler in new[] { "Lock", "Unlock", "Remove", "Manual", "Swap", "Approve" })
        {
            var response = await client.PostFormAsync($"/Matching/Card/{runId}?handler={handler}", new());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler}: {(int)response.StatusCode}");
            Assert.Contains("Исправьте ошибки", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Discard_DraftRun_StatusDiscardedAndActionsGone()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Discard", new()));

        await using var db = app.Db();
        Assert.Equal(MatchRunStatus.Discarded, (await db.MatchRuns.SingleAsync(r => r.Id == runId)).Status);
        var html = await (await client.GetAsync($"/Matching/Card/{runId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Утвердить пары", html);
    }

    [Fact]
    public async Task Get_GroupModeDraft_ShowsOneGroupPerMentor()
    {
        var world = await app.WorldAsync(3, 2, 1);
        var runId = await app.DraftRunAsync(world,
            [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[0]), (world.Mentees[2], world.Mentors[1])], group: true);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var html = await (await client.GetAsync($"/Matching/Card/{runId}")).Content.ReadAsStringAsync();

        Assert.Contains($"Группа наставника {world.MentorNames[world.Mentors[0]]}: 2 наставляемых", html);
        Assert.Contains($"Группа наставника {world.MentorNames[world.Mentors[1]]}: 1 наставляемый", html);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching.Choice;

[Collection(Collections.Bases)]
public class ProgressTests(AppFixture app)
{
    private readonly ChoiceData _data = new(app);

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Four mentees: one accepted, one waiting, one declined, one who chose nobody.</summary>
    private async Task<ChoiceData.World> MixedAsync()
    {
        var world = await _data.CreateAsync(mentors: 2, mentees: 4);
        var (m, t) = (world.Mentees, world.Mentors);
        await _data.SetStatusAsync(world.RunId, m[0], t[0], ChoiceStatus.Accepted);
        await _data.SetStatusAsync(world.RunId, m[0], t[1], ChoiceStatus.Withdrawn);
        await _data.SetStatusAsync(world.RunId, m[1], t[1], ChoiceStatus.Chosen);
        await _data.SetStatusAsync(world.RunId, m[2], t[0], ChoiceStatus.Declined);
        return world;
    }

    [Fact]
    public async Task Get_ChoiceRun_ShowsCountsOffersAndAuditsRead()
    {
        var world = await MixedAsync();
        var login = await app.CreateUserAsync(Role.Curator, world.Tree);
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("data-count=\"total\">4<", html);
        Assert.Contains("data-count=\"chosen\">1<", html);
        Assert.Contains("data-count=\"accepted\">1<", html);
        Assert.Contains("data-count=\"declined\">1<", html);
        Assert.Contains("data-count=\"not-chosen\">1<", html);
        foreach (var mentee in world.Mentees) Assert.Contains(mentee.LastName, html);
        Assert.Contains("Наставник согласился", html);
        Assert.Contains("Закрыть выбор", html);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => db.Users.Any(u => u.Id == a.UserId && u.UserName == login) && a.Action == AuditAction.Read
            && a.EntityType == nameof(MatchRun) && a.EntityId == world.RunId.ToString()));
    }

    [Fact]
    public async Task Get_SearchBySurname_ListsOnlyMatchingMentees()
    {
        var world = await MixedAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, world.Tree);

        var html = await HtmlAsync(await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}?q={Uri.EscapeDataString(world.Mentees[2].LastName)}"));

        Assert.Contains($"data-mentee=\"{world.Mentees[2].ProfileId}\"", html);
        Assert.DoesNotContain($"data-mentee=\"{world.Mentees[0].ProfileId}\"", html);
        Assert.DoesNotContain($"data-mentee=\"{world.Mentees[3].ProfileId}\"", html);
    }

    [Fact]
    public async Task Get_ManyMentees_PagedByTwentyFive()
    {
        var world = await _data.CreateAsync(mentors: 1, mentees: 27);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var first = await HtmlAsync(await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}"));
        var second = await HtmlAsync(await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}?page=2"));

        Assert.Equal(25, first.Split("data-mentee=").Length - 1);
        Assert.Equal(2, second.Split("data-mentee=").Length - 1);
        Assert.Contains("data-count=\"total\">27<", second);
    }

    [Fact]
    public async Task Close_MenteesWithoutAcceptedMentor_UnmatchedWithReasonAndOffersWithdrawn()
    {
        var world = await MixedAsync();
        var (m, t) = (world.Mentees, world.Mentors);
        await using (var seed = app.Db())
        {
            seed.MatchProposals.Add(new MatchProposal { RunId = world.RunId, MenteeProfileId = m[0].ProfileId, MentorProfileId = t[0].ProfileId, Score = 590, IsLocked = true });
            await seed.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.PostFormAsync($"/Matching/Choice/Progress/{world.RunId}?handler=Close", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var proposals = await db.MatchProposals.Where(p => p.RunId == world.RunId).ToDictionaryAsync(p => p.MenteeProfileId);
        Assert.Equal(4, proposals.Count);
        Assert.Equal(t[0].ProfileId, proposals[m[0].ProfileId].MentorProfileId);
        Assert.True(proposals[m[0].ProfileId].IsLocked);
        Assert.Null(proposals[m[1].ProfileId].MentorProfileId);
        Assert.Equal("наставник не ответил на выбор наставляемого", proposals[m[1].ProfileId].UnmatchedReason);
        Assert.Equal("наставник отказался", proposals[m[2].ProfileId].UnmatchedReason);
        Assert.Equal("наставляемый не выбрал наставника", proposals[m[3].ProfileId].UnmatchedReason);
        Assert.Null(proposals[m[3].ProfileId].MentorProfileId);
        Assert.False(await db.MatchChoices.AnyAsync(c => c.RunId == world.RunId && (c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Chosen)));
        Assert.Equal(ChoiceStatus.Accepted, await _data.StatusAsync(world.RunId, m[0], t[0]));

        var after = await HtmlAsync(await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}"));
        Assert.Contains("Выбор закрыт", after);
        Assert.Contains("без пары: наставляемый не выбрал наставника", after);
    }

    [Fact]
    public async Task Close_ThenMenteeChoose_NothingLeftToChoose()
    {
        var world = await _data.CreateAsync();
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        await client.PostFormAsync($"/Matching/Choice/Progress/{world.RunId}?handler=Close", new());
        var mentee = await app.SignInAsync(world.Mentees[0].Login!);

        var response = await mentee.PostFormAsync("/Matching/Choice/Mine?handler=Choose",
            new() { ["ChoiceId"] = (await _data.ChoiceIdAsync(world.RunId, world.Mentees[0], world.Mentors[0])).ToString() }, getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChoiceStatus.Withdrawn, await _data.StatusAsync(world.RunId, world.Mentees[0], world.Mentors[0]));
    }

    [Fact]
    public async Task Get_RunOfAnotherSchool_Returns404()
    {
        var world = await _data.CreateAsync();
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var get = await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}");
        var post = await client.PostFormAsync($"/Matching/Choice/Progress/{world.RunId}?handler=Close", new(), getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, world.Mentees[0], world.Mentors[0]));
    }

    [Fact]
    public async Task Get_OptimalRun_ExplainsThereIsNoChoice()
    {
        var world = await _data.CreateAsync(mode: MatchMode.Optimal);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("наставников не выбирают", await HtmlAsync(response));
    }

    [Fact]
    public async Task Get_Mentor_Returns403()
    {
        var world = await _data.CreateAsync();
        var client = await app.SignInAsync(world.Mentors[0].Login!);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Matching/Choice/Progress/{world.RunId}")).StatusCode);
    }

    [Fact]
    public async Task Close_OptimalRun_RefusedWithMessage()
    {
        var world = await _data.CreateAsync(mode: MatchMode.Optimal);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.PostFormAsync($"/Matching/Choice/Progress/{world.RunId}?handler=Close", new(), getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Закрыть выбор можно только", await HtmlAsync(response));
        await using var db = app.Db();
        Assert.False(await db.MatchProposals.AnyAsync(p => p.RunId == world.RunId));
    }

    [Fact]
    public async Task Approve_AfterChooseAcceptAndClose_PairCreatedAndOthersUnmatched()
    {
        var world = await _data.CreateAsync(mentors: 2, mentees: 2);
        var (mentee, mentor) = (world.Mentees[0], world.Mentors[1]);
        var menteeClient = await app.SignInAsync(mentee.Login!);
        var choiceId = (await _data.ChoiceIdAsync(world.RunId, mentee, mentor)).ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await menteeClient.PostFormAsync("/Matching/Choice/Mine?handler=Choose",
            new() { ["ChoiceId"] = choiceId }, getUrl: "/Account/ChangePassword")).StatusCode);
        var mentorClient = await app.SignInAsync(mentor.Login!);
        Assert.Equal(HttpStatusCode.Redirect, (await mentorClient.PostFormAsync("/Matching/Choice/Requests?handler=Accept",
            new() { ["ChoiceId"] = choiceId })).StatusCode);
        var curator = await app.SignInAsAsync(Role.Curator, world.Tree);
        Assert.Equal(HttpStatusCode.Redirect, (await curator.PostFormAsync($"/Matching/Choice/Progress/{world.RunId}?handler=Close", new())).StatusCode);
        uint version;
        await using (var before = app.Db()) version = await before.MatchRuns.Where(r => r.Id == world.RunId).Select(r => r.RowVersion).SingleAsync();

        var approve = await curator.PostFormAsync($"/Matching/Card/{world.RunId}?handler=Approve", new()
        {
            ["Approve.StartDate"] = "2026-10-01", ["Approve.OrderNumber"] = "17-ОД", ["Approve.OrderDate"] = "2026-09-25",
            ["Approve.RowVersion"] = version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        await using var db = app.Db();
        var group = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.MatchRunId == world.RunId);
        Assert.Contains(group.Members, m => m.MenteeProfileId == mentee.ProfileId);
        Assert.Contains(group.Members, m => m.MentorProfileId == mentor.ProfileId);
        Assert.Equal("наставляемый не выбрал наставника",
            await db.MatchProposals.Where(p => p.RunId == world.RunId && p.MenteeProfileId == world.Mentees[1].ProfileId).Select(p => p.UnmatchedReason).SingleAsync());
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching.Choice;

[Collection(Collections.Bases)]
public class RequestsTests(AppFixture app)
{
    private const string Url = "/Matching/Choice/Requests";
    private readonly ChoiceData _data = new(app);

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, long choiceId) =>
        client.PostFormAsync($"{Url}?handler={handler}", new() { ["ChoiceId"] = choiceId.ToString() }, getUrl: "/Account/ChangePassword");

    [Fact]
    public async Task Get_MentorWithChosenRequest_SeesMinimalProfileOnly()
    {
        var world = await _data.CreateAsync(mentees: 2);
        await _data.SetStatusAsync(world.RunId, world.Mentees[0], world.Mentors[0], ChoiceStatus.Chosen);
        var client = await app.SignInAsync(world.Mentors[0].Login!);

        var html = await HtmlAsync(await client.GetAsync(Url));

        Assert.Contains(world.Mentees[0].LastName, html);
        Assert.Contains("7Б", html);
        Assert.Contains("Проектная деятельность", html);
        Assert.Contains("Хочу сделать проект по робототехнике", html);
        Assert.Contains("Принять", html);
        Assert.DoesNotContain(world.Mentees[1].LastName, html);
        Assert.DoesNotContain("+7 900", html);
    }

    [Fact]
    public async Task Accept_Chosen_ProposalLockedOtherOffersWithdrawnMenteeNotified()
    {
        var world = await _data.CreateAsync(mentors: 3);
        var mentee = world.Mentees[0];
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[0], ChoiceStatus.Chosen);
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[2], ChoiceStatus.Declined);
        var client = await app.SignInAsync(world.Mentors[0].Login!);

        var response = await PostAsync(client, "Accept", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChoiceStatus.Accepted, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
        Assert.Equal(ChoiceStatus.Withdrawn, await _data.StatusAsync(world.RunId, mentee, world.Mentors[1]));
        Assert.Equal(ChoiceStatus.Declined, await _data.StatusAsync(world.RunId, mentee, world.Mentors[2]));
        await using var db = app.Db();
        var proposal = await db.MatchProposals.SingleAsync(p => p.RunId == world.RunId && p.MenteeProfileId == mentee.ProfileId);
        Assert.Equal(world.Mentors[0].ProfileId, proposal.MentorProfileId);
        Assert.True(proposal.IsLocked);
        Assert.Equal(590, proposal.Score);
        Assert.Contains("Запросы и компетенции", proposal.Breakdown);
        var menteeUser = await db.Users.Where(u => u.UserName == mentee.Login).Select(u => u.Id).SingleAsync();
        Assert.Contains("принял ваш выбор", (await db.Notifications.SingleAsync(n => n.UserId == menteeUser)).Text);
    }

    [Fact]
    public async Task Accept_ExistingProposalRow_UpdatedNotDuplicated()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        await app.InsertAsync(new Nastavnik.Data.Entities.Matching.MatchProposal
        {
            RunId = world.RunId, MenteeProfileId = mentee.ProfileId, UnmatchedReason = "наставляемый не выбрал наставника",
        });
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[1], ChoiceStatus.Chosen);
        var client = await app.SignInAsync(world.Mentors[1].Login!);

        await PostAsync(client, "Accept", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[1]));

        await using var db = app.Db();
        var proposal = await db.MatchProposals.SingleAsync(p => p.RunId == world.RunId && p.MenteeProfileId == mentee.ProfileId);
        Assert.Equal(world.Mentors[1].ProfileId, proposal.MentorProfileId);
        Assert.Equal("", proposal.UnmatchedReason);
        Assert.True(proposal.IsLocked);
    }

    [Fact]
    public async Task Decline_Chosen_MenteeNotifiedAndCanChooseAgain()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[0], ChoiceStatus.Chosen);
        var mentor = await app.SignInAsync(world.Mentors[0].Login!);

        var response = await PostAsync(mentor, "Decline", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChoiceStatus.Declined, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
        await using (var db = app.Db())
        {
            var menteeUser = await db.Users.Where(u => u.UserName == mentee.Login).Select(u => u.Id).SingleAsync();
            Assert.Contains("Выберите другого наставника", (await db.Notifications.SingleAsync(n => n.UserId == menteeUser)).Text);
        }
        var client = await app.SignInAsync(mentee.Login!);
        var again = await client.PostFormAsync("/Matching/Choice/Mine?handler=Choose",
            new() { ["ChoiceId"] = (await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[1])).ToString() }, getUrl: "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ChoiceStatus.Chosen, await _data.StatusAsync(world.RunId, mentee, world.Mentors[1]));
    }

    [Fact]
    public async Task Accept_AnotherMentorsRequest_RefusedAndUnchanged()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[0], ChoiceStatus.Chosen);
        var other = await app.SignInAsync(world.Mentors[1].Login!);
        var choiceId = await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]);

        var accept = await PostAsync(other, "Accept", choiceId);
        var decline = await PostAsync(other, "Decline", choiceId);

        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Contains("Заявка не найдена", await HtmlAsync(accept));
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        Assert.Equal(ChoiceStatus.Chosen, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
        await using var db = app.Db();
        Assert.False(await db.MatchProposals.AnyAsync(p => p.RunId == world.RunId));
    }

    [Fact]
    public async Task Accept_MentorFull_Refused()
    {
        var world = await _data.CreateAsync(capacity: 1);
        var mentee = world.Mentees[0];
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[0], ChoiceStatus.Chosen);
        await _data.AddActivePairAsync(world, world.Mentors[0]);
        var client = await app.SignInAsync(world.Mentors[0].Login!);

        var response = await PostAsync(client, "Accept", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Свободных мест не осталось", await HtmlAsync(response));
        Assert.Equal(ChoiceStatus.Chosen, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
    }

    [Fact]
    public async Task Accept_TwoRacingForLastPlace_ExactlyOneWins()
    {
        var world = await _data.CreateAsync(mentors: 1, mentees: 2, capacity: 1);
        var mentor = world.Mentors[0];
        foreach (var mentee in world.Mentees) await _data.SetStatusAsync(world.RunId, mentee, mentor, ChoiceStatus.Chosen);
        var clients = new[] { await app.SignInAsync(mentor.Login!), await app.SignInAsync(mentor.Login!) };
        var tokens = new[]
        {
            await HttpClientForms.AntiforgeryTokenAsync(clients[0], Url), await HttpClientForms.AntiforgeryTokenAsync(clients[1], Url),
        };
        var ids = new[] { await _data.ChoiceIdAsync(world.RunId, world.Mentees[0], mentor), await _data.ChoiceIdAsync(world.RunId, world.Mentees[1], mentor) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => clients[i].PostAsync($"{Url}?handler=Accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ChoiceId"] = ids[i].ToString(), ["__RequestVerificationToken"] = tokens[i] }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await using var db = app.Db();
        Assert.Equal(1, await db.MatchChoices.CountAsync(c => c.RunId == world.RunId && c.Status == ChoiceStatus.Accepted));
        Assert.Equal(1, await db.MatchProposals.CountAsync(p => p.RunId == world.RunId && p.MentorProfileId == mentor.ProfileId));
    }

    [Fact]
    public async Task Post_EmptyForm_Answers200WithMessage()
    {
        var world = await _data.CreateAsync();
        var client = await app.SignInAsync(world.Mentors[0].Login!);

        foreach (var handler in new[] { "Accept", "Decline" })
        {
            var response = await client.PostFormAsync($"{Url}?handler={handler}", new(), getUrl: "/Account/ChangePassword");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Заявка не найдена", await HtmlAsync(response));
        }
    }
}

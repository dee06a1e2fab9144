using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ClosureTests(AppFixture app)
{
    private static Dictionary<string, string> Planned(string version, string date = "2026-05-20") => new()
    {
        ["Form.Kind"] = "Planned", ["Form.ClosedOn"] = date, ["Form.Reflection"] = "Обсудили, что получилось",
        ["Form.Results"] = "Призёр муниципального этапа олимпиады", ["Form.RowVersion"] = version,
    };

    private static Dictionary<string, string> Early(string version, string reason, string comment = "", bool rematch = false) => new()
    {
        ["Form.Kind"] = "Early", ["Form.ClosedOn"] = "2026-02-10", ["Form.Reason"] = reason, ["Form.Comment"] = comment,
        ["Form.Rematch"] = rematch ? "true" : "false", ["Form.RowVersion"] = version,
    };

    private async Task<HttpResponseMessage> CloseAsync(HttpClient client, long id, Func<string, Dictionary<string, string>> fields) =>
        await client.PostFormAsync($"/Pairs/Closure/Close/{id}", fields(await client.CloseVersionAsync(id)));

    [Fact]
    public async Task Close_PlannedWithFinalMeeting_ClosesAndWritesResultsToBases()
    {
        var pair = await app.ClosurePairAsync();
        await app.FinalMeetingAsync(pair, new DateOnly(2026, 5, 15));
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Planned(v));

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var group = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Id == pair.GroupId);
        Assert.Equal(GroupStatus.Closed, group.Status);
        Assert.Equal(new DateOnly(2026, 5, 20), group.ClosedOn);
        Assert.Equal(ClosureKind.Planned, group.ClosureKind);
        Assert.All(group.Members, m => Assert.Equal(new DateOnly(2026, 5, 20), m.LeftOn));
        var mentee = await db.MenteeProfiles.SingleAsync(p => p.Id == pair.MenteeProfileId);
        Assert.Equal(ParticipationStatus.Finished, mentee.Status);
        Assert.Equal(new DateOnly(2026, 5, 20), mentee.EndDate);
        Assert.Contains("Призёр муниципального этапа олимпиады", mentee.Results);
        var mentor = await db.MentorProfiles.SingleAsync(p => p.Id == pair.MentorProfileId);
        Assert.Contains("Призёр муниципального этапа олимпиады", mentor.Results);
        Assert.Equal(ParticipationStatus.Admitted, mentor.Status);
    }

    [Fact]
    public async Task Close_PlannedWithoutFinalMeeting_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Planned(v));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("итоговой встречи", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_EarlyWithoutReason_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Early(v, "None"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите причину досрочного завершения", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_EarlyOtherWithoutComment_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Early(v, "Other"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("опишите её в комментарии", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_FutureDate_Refused()
    {
        var pair = await app.ClosurePairAsync();
        await app.FinalMeetingAsync(pair, new DateOnly(2026, 5, 15));
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Planned(v, "2099-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не может быть в будущем", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_BeforeStart_Refused()
    {
        var pair = await app.ClosurePairAsync(start: new DateOnly(2026, 3, 1));
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Early(v, "Relocation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("раньше начала работы пары", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_AlreadyClosed_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        var version = await client.CloseVersionAsync(pair.GroupId);
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Pairs/Closure/Close/{pair.GroupId}", Early(version, "Illness")));

        var response = await CloseAsync(client, pair.GroupId, v => Early(v, "Conflict"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пара уже завершена", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(ClosureReason.Illness, (await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).ClosureReason);
    }

    [Fact]
    public async Task Close_StaleForm_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        var version = await client.CloseVersionAsync(pair.GroupId);
        await using (var db = app.Db())
        {
            var group = await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId);
            group.PlannedEnd = new DateOnly(2026, 6, 30);
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync($"/Pairs/Closure/Close/{pair.GroupId}", Early(version, "Relocation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем", await response.Content.ReadAsStringAsync());
        await AssertActiveAsync(pair.GroupId);
    }

    [Fact]
    public async Task Close_EarlyWithRematch_MenteeBackToAdmitted()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await CloseAsync(client, pair.GroupId, v => Early(v, "MentorRefused", rematch: true));

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var group = await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId);
        Assert.Equal(ClosureKind.Early, group.ClosureKind);
        Assert.Equal(ClosureReason.MentorRefused, group.ClosureReason);
        var mentee = await db.MenteeProfiles.SingleAsync(p => p.Id == pair.MenteeProfileId);
        Assert.Equal(ParticipationStatus.Admitted, mentee.Status);
        Assert.Null(mentee.EndDate);
        Assert.Contains("Отказ наставника", mentee.Results);
    }

    [Fact]
    public async Task Close_EarlyWithoutRematch_MenteeFinished()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        MatchingData.AssertRedirect(await CloseAsync(client, pair.GroupId, v => Early(v, "Other", comment: "Перевод в другой класс")));

        await using var db = app.Db();
        var mentee = await db.MenteeProfiles.SingleAsync(p => p.Id == pair.MenteeProfileId);
        Assert.Equal(ParticipationStatus.Finished, mentee.Status);
        Assert.Contains("Перевод в другой класс", (await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).ClosureComment);
    }

    [Fact]
    public async Task Get_ExitQuestionnaires_LinkedAndAnsweredShown()
    {
        var pair = await app.ClosurePairAsync();
        await using (var db = app.Db())
        {
            var instrument = await db.Instruments.SingleAsync(i => i.Code == "seed_mentee_satisfaction" && i.Version == 1);
            db.Responses.Add(new Response
            {
                InstrumentId = instrument.Id, PersonId = pair.MenteePersonId, RegionId = pair.World.Tree.RegionId,
                OrganizationId = pair.World.Tree.OrganizationId, ProgramId = pair.World.Program.Id,
            });
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var html = await (await client.GetAsync($"/Pairs/Closure/Close/{pair.GroupId}")).Content.ReadAsStringAsync();

        Assert.Contains("Анкета удовлетворённости наставляемого участием в программе наставничества", html);
        Assert.Contains("Анкета удовлетворённости наставника участием в программе наставничества", html);
        Assert.Contains($"/Questionnaires/Fill/{pair.MenteePersonId}?InstrumentId=", html);
        var exit = html[html.IndexOf("id=\"exit\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>да</td>", exit);
        Assert.Contains("<td>нет</td>", exit);
    }

    [Fact]
    public async Task Get_PairOfAnotherSchool_NotFound()
    {
        var pair = await app.ClosurePairAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, other);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Pairs/Closure/Close/{pair.GroupId}")).StatusCode);
    }

    private async Task AssertActiveAsync(long groupId)
    {
        await using var db = app.Db();
        var group = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Id == groupId);
        Assert.Equal(GroupStatus.Active, group.Status);
        Assert.All(group.Members, m => Assert.Null(m.LeftOn));
    }
}

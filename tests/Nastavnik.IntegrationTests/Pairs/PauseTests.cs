using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>«Приостановить» / «Возобновить» a pair on /Pairs/Pause/{id}.</summary>
[Collection(Collections.Pairs)]
public class PauseTests(AppFixture app)
{
    private async Task<uint> VersionAsync(long groupId)
    {
        await using var db = app.Db();
        return await db.MentoringGroups.Where(g => g.Id == groupId).Select(g => g.RowVersion).SingleAsync();
    }

    private async Task<Dictionary<string, string>> PauseFieldsAsync(long groupId, string reason, DateOnly? resumeOn = null) => new()
    {
        ["Form.Reason"] = reason, ["Form.ResumeOn"] = resumeOn?.ToString("yyyy-MM-dd") ?? "", ["Form.RowVersion"] = (await VersionAsync(groupId)).ToString(),
    };

    private async Task PauseInDbAsync(long groupId, string reason = "Болезнь наставляемого")
    {
        await using var db = app.Db();
        var group = await db.MentoringGroups.SingleAsync(g => g.Id == groupId);
        group.Status = GroupStatus.Paused;
        group.PausedOn = CardTestData.Today.AddDays(-3);
        group.PauseReason = reason;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Post_WithoutReason_RefusedStaysActive()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", await PauseFieldsAsync(world.GroupId, "  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите причину приостановки", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }

    [Fact]
    public async Task Post_ResumeDateInThePast_RefusedStaysActive()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}",
            await PauseFieldsAsync(world.GroupId, "Каникулы", CardTestData.Today.AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Дата возобновления не может быть раньше сегодняшнего дня", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }

    [Fact]
    public async Task Post_WithReason_PausedAndCardShowsReasonAndDates()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);
        var resumeOn = CardTestData.Today.AddDays(14);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", await PauseFieldsAsync(world.GroupId, " Болезнь наставляемого ", resumeOn));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var group = await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId);
        Assert.Equal(GroupStatus.Paused, group.Status);
        Assert.Equal("Болезнь наставляемого", group.PauseReason);
        Assert.Equal(CardTestData.Today, group.PausedOn);
        Assert.Equal(resumeOn, group.ResumeOn);
        var card = await client.GetStringAsync($"/Pairs/Card/{world.GroupId}");
        Assert.Contains("Приостановлена", card);
        Assert.Contains("Причина: Болезнь наставляемого", card);
        Assert.Contains($"возобновление {resumeOn:dd.MM.yyyy}", card);
        Assert.DoesNotContain("Записать встречу", card);
    }

    [Fact]
    public async Task Post_StaleRowVersion_RefusedStaysActive()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);
        var fields = await PauseFieldsAsync(world.GroupId, "Каникулы");
        await using (var db = app.Db())
        {
            (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).PlannedEnd = world.Start.AddMonths(9);
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем. Обновите страницу и повторите.", await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        var group = await check.MentoringGroups.SingleAsync(g => g.Id == world.GroupId);
        Assert.Equal(GroupStatus.Active, group.Status);
        Assert.Equal(world.Start.AddMonths(9), group.PlannedEnd);
    }

    [Fact]
    public async Task PostMeeting_PausedPair_RefusedWithMessageNothingSaved()
    {
        var world = await app.PairAsync();
        await PauseInDbAsync(world.GroupId);
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MeetingRules.PausedMessage, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.GroupId == world.GroupId));
    }

    [Fact]
    public async Task PostResume_PausedPair_BackToActiveAndTakesMeetings()
    {
        var world = await app.PairAsync();
        await PauseInDbAsync(world.GroupId);
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}?handler=Resume",
            new() { ["Form.RowVersion"] = (await VersionAsync(world.GroupId)).ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = app.Db())
        {
            var group = await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId);
            Assert.Equal(GroupStatus.Active, group.Status);
            Assert.Null(group.PausedOn);
            Assert.Equal("", group.PauseReason);
        }
        var meeting = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today));
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
    }

    [Fact]
    public async Task PostResume_ActivePair_RefusedWithMessage()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}?handler=Resume",
            new() { ["Form.RowVersion"] = (await VersionAsync(world.GroupId)).ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пара не приостановлена", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostClose_PausedPair_ClosedEarly()
    {
        var world = await app.PairAsync();
        await PauseInDbAsync(world.GroupId);
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Closure/Close/{world.GroupId}", new()
        {
            ["Form.Kind"] = "Early", ["Form.ClosedOn"] = CardTestData.Today.ToString("yyyy-MM-dd"), ["Form.Reason"] = "Illness",
            ["Form.Comment"] = "", ["Form.Rematch"] = "false", ["Form.RowVersion"] = (await VersionAsync(world.GroupId)).ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Closed, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }

    [Fact]
    public async Task Post_ClosedPair_RefusedStaysClosed()
    {
        var world = await app.PairAsync(GroupStatus.Closed);
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", await PauseFieldsAsync(world.GroupId, "Каникулы"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PauseRules.ClosedMessage, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Closed, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }

    [Fact]
    public async Task All_OtherSchoolCurator_Returns404NothingChanged()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());
        var fields = await PauseFieldsAsync(world.GroupId, "Каникулы");

        var get = await client.GetAsync($"/Pairs/Pause/{world.GroupId}");
        var pause = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", fields, getUrl: "/Account/ChangePassword");
        var resume = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}?handler=Resume", fields, getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pause.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resume.StatusCode);
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }

    [Fact]
    public async Task Post_MentorOfThePair_ForbiddenStaysActive()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MentorLogin);

        var get = await client.GetAsync($"/Pairs/Pause/{world.GroupId}");
        var post = await client.PostFormAsync($"/Pairs/Pause/{world.GroupId}", await PauseFieldsAsync(world.GroupId, "Каникулы"),
            getUrl: $"/Pairs/Card/{world.GroupId}");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId)).Status);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class MeetingTests(AppFixture app)
{
    [Fact]
    public async Task Post_MentorRecordsIntroduction_SavedAndRedirectsToCard()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var meeting = await db.Meetings.SingleAsync(m => m.GroupId == world.GroupId);
        Assert.Equal(MeetingType.Introduction, meeting.Type);
        Assert.Equal(45, meeting.DurationMinutes);
        Assert.Equal(new[] { world.MentorPersonId, world.MenteePersonId }.Order(), meeting.AttendeePersonIds.Order());
    }

    [Fact]
    public async Task Post_DateInTheFuture_RefusedNothingSaved()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today.AddDays(1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Дата встречи не может быть позже сегодняшнего дня", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.GroupId == world.GroupId));
    }

    [Fact]
    public async Task Post_DateBeforeStart_RefusedNothingSaved()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, world.Start.AddDays(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Дата встречи не может быть раньше начала работы пары", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.GroupId == world.GroupId));
    }

    [Fact]
    public async Task Post_ClosedPair_RefusedWithRussianMessage()
    {
        var world = await app.PairAsync(GroupStatus.Closed);
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today.AddDays(-2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("встречи завершённой пары нельзя добавлять или изменять", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.GroupId == world.GroupId));
    }

    [Fact]
    public async Task Post_SkippedStepWithoutReason_Refused()
    {
        var world = await app.PairAsync();
        await app.AddMeetingAsync(world, MeetingType.Introduction, world.Start.AddDays(1));
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Planning, CardTestData.Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите причину пропуска", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.GroupId == world.GroupId && m.Type == MeetingType.Planning));
    }

    [Fact]
    public async Task Post_SkippedStepWithReason_SavedWithReason()
    {
        var world = await app.PairAsync();
        await app.AddMeetingAsync(world, MeetingType.Introduction, world.Start.AddDays(1));
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}",
            CardTestData.MeetingFields(MeetingType.Planning, CardTestData.Today, skipReason: "Пара уже работала вместе в прошлом году"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var meeting = await db.Meetings.SingleAsync(m => m.GroupId == world.GroupId && m.Type == MeetingType.Planning);
        Assert.Equal("Пара уже работала вместе в прошлом году", meeting.SkipReason);
    }

    [Fact]
    public async Task Post_MenteeOfThePairWithMentorRole_CannotRecord404()
    {
        var world = await app.PairAsync();
        var login = await app.CreateUserAsync(Nastavnik.Domain.Access.Role.Mentor, world.Tree);
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.UserName == login)).PersonId = world.MenteePersonId;
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync($"/Pairs/Meeting/{world.GroupId}", CardTestData.MeetingFields(MeetingType.Introduction, CardTestData.Today));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

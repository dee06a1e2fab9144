using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>Correcting and deleting a recorded meeting on /Pairs/Meeting/{pair}?meeting={id} (and ?handler=Delete).</summary>
[Collection(Collections.Pairs)]
public class MeetingEditTests(AppFixture app)
{
    private const string Stale = "Запись изменена другим пользователем. Обновите страницу и повторите.";

    private async Task<Meeting> MeetingAsync(CardTestData.PairWorld world, string topic = "Первая тема") =>
        await app.InsertAsync(new Meeting
        {
            GroupId = world.GroupId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Type = MeetingType.Introduction,
            HeldOn = world.Start.AddDays(2), DurationMinutes = 45, Topic = topic, AttendeePersonIds = [world.MentorPersonId, world.MenteePersonId],
        });

    private async Task<uint> VersionAsync(long meetingId)
    {
        await using var db = app.Db();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.RowVersion).SingleAsync();
    }

    private async Task<Dictionary<string, string>> EditFieldsAsync(Meeting meeting, DateOnly on, int minutes = 60, string topic = "Новая тема")
    {
        var fields = CardTestData.MeetingFields(MeetingType.Introduction, on, minutes);
        fields["Form.Topic"] = topic;
        fields["Form.RowVersion"] = (await VersionAsync(meeting.Id)).ToString();
        return fields;
    }

    private static string EditUrl(CardTestData.PairWorld world, Meeting meeting) => $"/Pairs/Meeting/{world.GroupId}?meeting={meeting.Id}";

    private static string DeleteUrl(CardTestData.PairWorld world, Meeting meeting) => $"/Pairs/Meeting/{world.GroupId}?handler=Delete&meeting={meeting.Id}";

    [Fact]
    public async Task Get_MentorEditsMeeting_FormPrefilledWithVersion()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world, "Интересы и цели");
        var client = await app.SignInAsync(world.MentorLogin);

        var html = await client.GetStringAsync(EditUrl(world, meeting));

        Assert.Contains("Изменить встречу", html);
        Assert.Contains("value=\"Интересы и цели\"", html);
        Assert.Contains($"name=\"Form.RowVersion\" value=\"{await VersionAsync(meeting.Id)}\"", html);
    }

    [Fact]
    public async Task Post_MentorEditsMeeting_SavedAndRedirectsToCard()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync(EditUrl(world, meeting), await EditFieldsAsync(meeting, world.Start.AddDays(3)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Pairs/Card/{world.GroupId}", response.Headers.Location?.OriginalString);
        await using var db = app.Db();
        var saved = await db.Meetings.SingleAsync(m => m.GroupId == world.GroupId);
        Assert.Equal(meeting.Id, saved.Id);
        Assert.Equal("Новая тема", saved.Topic);
        Assert.Equal(60, saved.DurationMinutes);
        Assert.Equal(world.Start.AddDays(3), saved.HeldOn);
    }

    [Fact]
    public async Task Post_CuratorEditsWithOtherDuration_Saved()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.CuratorLogin);
        var fields = await EditFieldsAsync(meeting, world.Start.AddDays(2));
        fields["Form.OtherDuration"] = "90";

        var response = await client.PostFormAsync(EditUrl(world, meeting), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(90, (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).DurationMinutes);
    }

    [Fact]
    public async Task Post_StaleRowVersion_RefusedAndNewerValueKept()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.MentorLogin);
        var fields = await EditFieldsAsync(meeting, world.Start.AddDays(3), topic: "Правка наставника");
        await using (var db = app.Db())
        {
            (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic = "Правка куратора";
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync(EditUrl(world, meeting), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Stale, await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        var saved = await check.Meetings.SingleAsync(m => m.Id == meeting.Id);
        Assert.Equal("Правка куратора", saved.Topic);
        Assert.Equal(world.Start.AddDays(2), saved.HeldOn);
    }

    [Theory]
    [InlineData(1, 45, "Дата встречи не может быть позже сегодняшнего дня")]
    [InlineData(-1000, 45, "Дата встречи не может быть раньше начала работы пары")]
    [InlineData(0, 700, "Продолжительность встречи — от 5 до 600 минут")]
    public async Task Post_BrokenRule_RefusedNothingChanged(int daysFromToday, int minutes, string message)
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.MentorLogin);
        var fields = await EditFieldsAsync(meeting, CardTestData.Today.AddDays(daysFromToday));
        fields["Form.OtherDuration"] = minutes.ToString();

        var response = await client.PostFormAsync(EditUrl(world, meeting), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var saved = await db.Meetings.SingleAsync(m => m.Id == meeting.Id);
        Assert.Equal("Первая тема", saved.Topic);
        Assert.Equal(45, saved.DurationMinutes);
    }

    [Fact]
    public async Task Post_ClosedPair_EditRefusedNothingChanged()
    {
        var world = await app.PairAsync(GroupStatus.Closed);
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync(EditUrl(world, meeting), await EditFieldsAsync(meeting, world.Start.AddDays(3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MeetingRules.ClosedMessage, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal("Первая тема", (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task Post_PausedPairCorrection_Saved()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        await using (var db = app.Db())
        {
            var group = await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId);
            group.Status = GroupStatus.Paused;
            group.PausedOn = CardTestData.Today;
            group.PauseReason = "Каникулы";
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync(EditUrl(world, meeting), await EditFieldsAsync(meeting, world.Start.AddDays(3)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Db();
        Assert.Equal("Новая тема", (await check.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task Post_MenteeRole_ForbiddenNothingChanged()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.MenteeLogin);

        var get = await client.GetAsync(EditUrl(world, meeting));
        var post = await client.PostFormAsync(EditUrl(world, meeting), await EditFieldsAsync(meeting, world.Start.AddDays(3)),
            getUrl: $"/Pairs/Card/{world.GroupId}");
        var delete = await client.PostFormAsync(DeleteUrl(world, meeting), new() { ["rowVersion"] = (await VersionAsync(meeting.Id)).ToString() },
            getUrl: $"/Pairs/Card/{world.GroupId}");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        await using var db = app.Db();
        Assert.Equal("Первая тема", (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task Post_MenteeOfThePairWithMentorRole_Returns404NothingChanged()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var login = await app.CreateUserAsync(Role.Mentor, world.Tree);
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.UserName == login)).PersonId = world.MenteePersonId;
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(login);

        var get = await client.GetAsync(EditUrl(world, meeting));
        var post = await client.PostFormAsync(EditUrl(world, meeting), await EditFieldsAsync(meeting, world.Start.AddDays(3)));
        var delete = await client.PostFormAsync(DeleteUrl(world, meeting), new() { ["rowVersion"] = (await VersionAsync(meeting.Id)).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await using var check = app.Db();
        Assert.Equal("Первая тема", (await check.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task All_OtherSchoolCurator_Returns404NothingChanged()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, other);
        var fields = await EditFieldsAsync(meeting, world.Start.AddDays(3));
        var version = new Dictionary<string, string> { ["rowVersion"] = fields["Form.RowVersion"] };

        var getEdit = await client.GetAsync(EditUrl(world, meeting));
        var getDelete = await client.GetAsync(DeleteUrl(world, meeting));
        var post = await client.PostFormAsync(EditUrl(world, meeting), fields, getUrl: "/Account/ChangePassword");
        var delete = await client.PostFormAsync(DeleteUrl(world, meeting), version, getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.NotFound, getEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        await using var db = app.Db();
        Assert.Equal("Первая тема", (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task Get_MeetingOfAnotherPair_Returns404()
    {
        var world = await app.PairAsync();
        var otherWorld = await app.PairAsync();
        var foreign = await MeetingAsync(otherWorld);
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.GetAsync($"/Pairs/Meeting/{world.GroupId}?meeting={foreign.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetDelete_MeetingWithFeedback_ConfirmationSaysFeedbackKept()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        await FeedbackAsync(world, meeting);
        var client = await app.SignInAsync(world.CuratorLogin);

        var html = await client.GetStringAsync(DeleteUrl(world, meeting));

        Assert.Contains("id=\"delete-meeting\"", html);
        Assert.Contains("id=\"feedback-kept\"", html);
        Assert.Contains("Они не удаляются", html);
    }

    [Fact]
    public async Task PostDelete_MeetingWithFeedback_MeetingRemovedFeedbackKept()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var feedback = await FeedbackAsync(world, meeting);
        var client = await app.SignInAsync(world.MentorLogin);
        var confirmation = await client.GetStringAsync(DeleteUrl(world, meeting));
        var form = System.Text.RegularExpressions.Regex.Match(confirmation, "<form method=\"post\" id=\"delete-meeting\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"delete-meeting\"");
        Assert.True(form.Success, "the confirmation posts to the delete handler");
        var action = System.Net.WebUtility.HtmlDecode(form.Groups[1].Success ? form.Groups[1].Value : form.Groups[2].Value);
        var version = System.Text.RegularExpressions.Regex.Match(confirmation, "name=\"rowVersion\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await client.PostFormAsync(action, new() { ["rowVersion"] = version }, getUrl: $"/Pairs/Card/{world.GroupId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Meetings.AnyAsync(m => m.Id == meeting.Id));
        var kept = await db.Feedback.SingleAsync(f => f.Id == feedback.Id);
        Assert.Null(kept.MeetingId);
        Assert.Equal(8, kept.Usefulness);
    }

    [Fact]
    public async Task PostDelete_StaleRowVersion_RefusedMeetingKept()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.CuratorLogin);
        var version = (await VersionAsync(meeting.Id)).ToString();
        await using (var db = app.Db())
        {
            (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic = "Правка наставника";
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync(DeleteUrl(world, meeting), new() { ["rowVersion"] = version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Stale, await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Equal("Правка наставника", (await check.Meetings.SingleAsync(m => m.Id == meeting.Id)).Topic);
    }

    [Fact]
    public async Task PostDelete_ClosedPair_RefusedMeetingKept()
    {
        var world = await app.PairAsync(GroupStatus.Closed);
        var meeting = await MeetingAsync(world);
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.PostFormAsync(DeleteUrl(world, meeting), new() { ["rowVersion"] = (await VersionAsync(meeting.Id)).ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MeetingRules.ClosedMessage, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.Meetings.AnyAsync(m => m.Id == meeting.Id));
    }

    [Fact]
    public async Task GetCard_KeeperSeesEditAndDeleteLinks_MenteeDoesNot()
    {
        var world = await app.PairAsync();
        var meeting = await MeetingAsync(world);

        var mentorHtml = await (await app.SignInAsync(world.MentorLogin)).GetStringAsync($"/Pairs/Card/{world.GroupId}");
        var menteeHtml = await (await app.SignInAsync(world.MenteeLogin)).GetStringAsync($"/Pairs/Card/{world.GroupId}");

        Assert.Contains($"href=\"/Pairs/Meeting/{world.GroupId}?meeting={meeting.Id}\"", mentorHtml);
        var link = System.Text.RegularExpressions.Regex.Match(mentorHtml, "<a [^>]*data-action=\"delete\"[^>]*>");
        var delete = System.Text.RegularExpressions.Regex.Match(link.Value, "href=\"([^\"]+)\"");
        Assert.True(delete.Success, "the meeting row links to its deletion");
        var confirmation = await (await app.SignInAsync(world.MentorLogin)).GetStringAsync(System.Net.WebUtility.HtmlDecode(delete.Groups[1].Value));
        Assert.Contains("id=\"delete-meeting\"", confirmation);
        Assert.DoesNotContain("data-action=\"edit\"", menteeHtml);
        Assert.DoesNotContain("data-action=\"delete\"", menteeHtml);
    }

    private async Task<Feedback> FeedbackAsync(CardTestData.PairWorld world, Meeting meeting) =>
        await app.InsertAsync(new Feedback
        {
            GroupId = world.GroupId, MeetingId = meeting.Id, PersonId = world.MenteePersonId, RegionId = world.Tree.RegionId,
            OrganizationId = world.Tree.OrganizationId, Role = MemberRole.Mentee, Usefulness = 8, Comfort = 9, WentWell = "Понравилось",
        });
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class FeedbackTests(AppFixture app)
{
    private static Dictionary<string, string> Fields(string usefulness, string comfort, bool @unsafe = false) => new()
    {
        ["Form.MeetingId"] = "", ["Form.Usefulness"] = usefulness, ["Form.Comfort"] = comfort, ["Form.WentWell"] = "Разобрали задачи",
        ["Form.Obstacles"] = "", ["Form.Unsafe"] = @unsafe ? "true" : "false", ["Form.NeedsHelp"] = "false",
    };

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public async Task Post_RatingOutOfRange_RefusedWithRussianError(string rating)
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MenteeLogin);

        var response = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", Fields(rating, "7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Польза — оценка от 1 до 10", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Feedback.AnyAsync(f => f.GroupId == world.GroupId));
    }

    [Fact]
    public async Task Post_Unsafe_SavedAndCuratorNotified()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MenteeLogin);

        var response = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", Fields("6", "3", @unsafe: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var feedback = await db.Feedback.SingleAsync(f => f.GroupId == world.GroupId);
        Assert.True(feedback.Unsafe);
        Assert.Equal(world.MenteePersonId, feedback.PersonId);
        var note = await db.Notifications.SingleAsync(n => n.UserId == world.CuratorUserId);
        Assert.Contains("некомфортно или небезопасно", note.Text);
        Assert.Equal($"/Pairs/Card/{world.GroupId}", note.Link);
    }

    [Fact]
    public async Task GetCard_UnsafeFeedback_ShownToCuratorNotToMentor()
    {
        var world = await app.PairAsync();
        var mentee = await app.SignInAsync(world.MenteeLogin);
        await mentee.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", Fields("6", "3", @unsafe: true));

        var curatorHtml = await (await app.SignInAsync(world.CuratorLogin)).GetStringAsync($"/Pairs/Card/{world.GroupId}");
        var mentorHtml = await (await app.SignInAsync(world.MentorLogin)).GetStringAsync($"/Pairs/Card/{world.GroupId}");

        Assert.Contains("data-unsafe=\"true\"", curatorHtml);
        Assert.DoesNotContain("data-unsafe", mentorHtml);
    }

    private async Task<long> MeetingIdAsync(CardTestData.PairWorld world)
    {
        var meeting = await app.InsertAsync(new Nastavnik.Data.Entities.Pairs.Meeting
        {
            GroupId = world.GroupId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId,
            Type = Nastavnik.Domain.Pairs.MeetingType.Introduction, HeldOn = world.Start.AddDays(1), DurationMinutes = 45,
        });
        return meeting.Id;
    }

    [Fact]
    public async Task Post_SecondFeedbackOnSameMeeting_RefusedOneRowRemains()
    {
        var world = await app.PairAsync();
        var meetingId = await MeetingIdAsync(world);
        var client = await app.SignInAsync(world.MenteeLogin);
        var fields = Fields("8", "9");
        fields["Form.MeetingId"] = meetingId.ToString();

        var first = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", fields);
        var second = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Вы уже оставили отзыв об этой встрече", await second.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(1, await db.Feedback.CountAsync(f => f.GroupId == world.GroupId && f.MeetingId == meetingId));
    }

    [Fact]
    public async Task Post_OtherMemberOnSameMeeting_Saved()
    {
        var world = await app.PairAsync();
        var meetingId = await MeetingIdAsync(world);
        var fields = Fields("8", "9");
        fields["Form.MeetingId"] = meetingId.ToString();

        var mentee = await (await app.SignInAsync(world.MenteeLogin)).PostFormAsync($"/Pairs/Feedback/{world.GroupId}", fields);
        var mentor = await (await app.SignInAsync(world.MentorLogin)).PostFormAsync($"/Pairs/Feedback/{world.GroupId}", fields);

        Assert.Equal(HttpStatusCode.Redirect, mentee.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, mentor.StatusCode);
        await using var db = app.Db();
        Assert.Equal(2, await db.Feedback.CountAsync(f => f.MeetingId == meetingId));
    }

    [Fact]
    public async Task Post_MonthlyFeedbackTwice_BothSaved()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MenteeLogin);

        var first = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", Fields("8", "9"));
        var second = await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", Fields("7", "9"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.Db();
        Assert.Equal(2, await db.Feedback.CountAsync(f => f.GroupId == world.GroupId && f.MeetingId == null));
    }

    [Fact]
    public async Task Get_MeetingAlreadyRated_NotOfferedInPicker()
    {
        var world = await app.PairAsync();
        var meetingId = await MeetingIdAsync(world);
        var client = await app.SignInAsync(world.MenteeLogin);
        var before = await client.GetStringAsync($"/Pairs/Feedback/{world.GroupId}");
        var fields = Fields("8", "9");
        fields["Form.MeetingId"] = meetingId.ToString();
        await client.PostFormAsync($"/Pairs/Feedback/{world.GroupId}", fields);

        var after = await client.GetStringAsync($"/Pairs/Feedback/{world.GroupId}");
        var mentorView = await (await app.SignInAsync(world.MentorLogin)).GetStringAsync($"/Pairs/Feedback/{world.GroupId}");

        Assert.Contains($"<option value=\"{meetingId}\"", before);
        Assert.DoesNotContain($"<option value=\"{meetingId}\"", after);
        Assert.Contains($"<option value=\"{meetingId}\"", mentorView);
    }

    [Fact]
    public async Task Insert_DuplicateMeetingFeedback_UniqueIndexRefuses()
    {
        var world = await app.PairAsync();
        var meetingId = await MeetingIdAsync(world);
        Nastavnik.Data.Entities.Pairs.Feedback Row() => new()
        {
            GroupId = world.GroupId, MeetingId = meetingId, PersonId = world.MenteePersonId, RegionId = world.Tree.RegionId,
            OrganizationId = world.Tree.OrganizationId, Role = Nastavnik.Domain.Pairs.MemberRole.Mentee, Usefulness = 5, Comfort = 5,
        };
        await app.InsertAsync(Row());

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => app.InsertAsync(Row()));

        var pg = Assert.IsType<Npgsql.PostgresException>(error.InnerException);
        Assert.Equal("23505", pg.SqlState);
        Assert.Equal("feedback_meeting_person_uq", pg.ConstraintName);
    }
}

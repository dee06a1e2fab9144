using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(nameof(AppFixture))]
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
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class CardTests(AppFixture app)
{
    [Fact]
    public async Task Get_MentorOfThePair_Returns200WithMinimalMenteeProfileAndProgress()
    {
        var world = await app.PairAsync();
        await app.AddMeetingAsync(world, MeetingType.Introduction, world.Start.AddDays(2));
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.GetAsync($"/Pairs/Card/{world.GroupId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(world.MenteeName, html);
        Assert.Contains("5Б", html);
        Assert.Contains("Хочу подготовиться к олимпиаде по математике", html);
        Assert.DoesNotContain("900 000-00-00", html);
        Assert.Contains("data-step=\"Introduction\" data-state=\"done\"", html);
        Assert.Contains("data-step=\"Trial\" data-state=\"next\"", html);
    }

    [Fact]
    public async Task Get_MentorOfAnotherPair_Returns404()
    {
        var mine = await app.PairAsync();
        var other = await app.PairAsync();
        var client = await app.SignInAsync(mine.MentorLogin);

        var response = await client.GetAsync($"/Pairs/Card/{other.GroupId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Curator_SeesContactsAndReadIsAudited()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.CuratorLogin);

        var response = await client.GetAsync($"/Pairs/Card/{world.GroupId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("900 000-00-00", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "MentoringGroup" && a.EntityId == world.GroupId.ToString()));
    }

    [Fact]
    public async Task Index_CuratorSearchesBySurname_FindsOwnOrganizationsPairOnly()
    {
        var mine = await app.PairAsync();
        var other = await app.PairAsync();
        await using (var db = app.Db())
        {
            var surname = await db.People.Where(p => p.Id == mine.MentorPersonId).Select(p => p.LastName).SingleAsync();
            var client = await app.SignInAsync(mine.CuratorLogin);

            var html = await client.GetStringAsync($"/Pairs?q={Uri.EscapeDataString(surname)}&status=Active");

            Assert.Contains($"data-group=\"{mine.GroupId}\"", html);
            Assert.DoesNotContain($"data-group=\"{other.GroupId}\"", html);
            var closedOnly = await client.GetStringAsync($"/Pairs?q={Uri.EscapeDataString(surname)}&status=Closed");
            Assert.DoesNotContain($"data-group=\"{mine.GroupId}\"", closedOnly);
            var otherName = await client.GetStringAsync($"/Pairs?q={Uri.EscapeDataString(surname + "я")}");
            Assert.DoesNotContain($"data-group=\"{mine.GroupId}\"", otherName);
        }
    }
}

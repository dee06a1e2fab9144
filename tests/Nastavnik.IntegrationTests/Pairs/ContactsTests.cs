using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ContactsTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    private static string CadenceRow(string html, string side) => Regex.Match(html, $"<tr id=\"cadence-{side}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task Get_PairInScope_ShowsCadencePerSideLogAndAuditsRead()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-45));
        await app.ContactsAsync(tree, pair.Id, ContactWith.Mentor, Today.AddDays(-44), Today.AddDays(-40), Today);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Pairs/Contacts/{pair.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(pair.MentorName, html);
        Assert.Contains("просрочено", CadenceRow(html, "mentee"));
        Assert.DoesNotContain("просрочено", CadenceRow(html, "mentor"));
        Assert.Contains(Today.AddDays(-40).ToString("dd.MM.yyyy"), html);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "MentoringGroup" && a.EntityId == pair.Id.ToString()));
    }

    [Fact]
    public async Task GetAndPost_PairOfAnotherSchool_Return404()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-10));
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Pairs/Contacts/{pair.Id}")).StatusCode);
        var post = await client.PostFormAsync($"/Pairs/Contacts/{pair.Id}", new()
        {
            ["Form.ContactedOn"] = Today.ToString("yyyy-MM-dd"), ["Form.Channel"] = "Call", ["Form.With[0]"] = "Mentor", ["Form.Nature"] = "Planned",
        }, getUrl: "/Pairs/Watch");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.ContactLogs.AnyAsync(c => c.GroupId == pair.Id));
    }

    [Fact]
    public async Task Post_GroupContact_WritesOneRowPerSideAndRedirects()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-10));
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/Pairs/Contacts/{pair.Id}", new()
        {
            ["Form.ContactedOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd"), ["Form.DurationMinutes"] = "20", ["Form.Channel"] = "Meeting",
            ["Form.With[0]"] = "Mentor", ["Form.With[1]"] = "Mentee", ["Form.Nature"] = "Support", ["Form.Note"] = "Обсудили план",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var rows = (await db.ContactLogs.Where(c => c.GroupId == pair.Id).ToListAsync()).OrderBy(c => c.WithRole).ToList();
        Assert.Equal([ContactWith.Mentor, ContactWith.Mentee], rows.Select(r => r.WithRole));
        Assert.All(rows, r => Assert.Equal((Today.AddDays(-1), 20, ContactChannel.Meeting, ContactNature.Support, "Обсудили план"),
            (r.ContactedOn, r.DurationMinutes!.Value, r.Channel, r.Nature, r.Note)));
    }

    [Fact]
    public async Task Post_FutureDateNoSideNoChannel_ShowsRussianErrorsAndWritesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-10));
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/Pairs/Contacts/{pair.Id}", new()
        {
            ["Form.ContactedOn"] = Today.AddDays(2).ToString("yyyy-MM-dd"), ["Form.DurationMinutes"] = "900", ["Form.Nature"] = "Planned",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Дата контакта не может быть в будущем", html);
        Assert.Contains("Отметьте, с кем был контакт", html);
        Assert.Contains("Выберите способ контакта", html);
        Assert.Contains("Длительность — от 1 до 600 минут", html);
        await using var db = app.Db();
        Assert.False(await db.ContactLogs.AnyAsync(c => c.GroupId == pair.Id));
    }

    [Fact]
    public async Task Post_ClosedPair_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-100), GroupStatus.Closed);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.PostFormAsync($"/Pairs/Contacts/{pair.Id}", new()
        {
            ["Form.ContactedOn"] = Today.ToString("yyyy-MM-dd"), ["Form.Channel"] = "Call", ["Form.With[0]"] = "Mentee", ["Form.Nature"] = "Closure",
        }, getUrl: "/Pairs/Watch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пара завершена: контакты с ней больше не записываются", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.ContactLogs.AnyAsync(c => c.GroupId == pair.Id));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class TopicsTests(AppFixture app)
{
    [Fact]
    public async Task Add_ByCurator_BecomesOrganizationTopicHiddenFromOtherSchools()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Шахматы");

        var response = await curator.PostFormAsync("/People/Topics?handler=Add", new()
        {
            ["Form.Name"] = name, ["Form.Subject"] = "шахматы", ["Form.Family"] = "Learners",
        }, getUrl: "/People/Topics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var topic = await db.Topics.SingleAsync(t => t.Name == name);
        Assert.Equal(tree.OrganizationId, topic.OrganizationId);
        Assert.Equal(tree.RegionId, topic.RegionId);
        Assert.Contains(name, await (await curator.GetAsync("/People/Topics")).Content.ReadAsStringAsync());
        var stranger = await app.SignInAsAsync(Role.Curator, other);
        Assert.DoesNotContain(name, await (await stranger.GetAsync("/People/Topics")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Add_DuplicateOfSeededTopic_ShowsRussianErrorAndAddsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await curator.PostFormAsync("/People/Topics?handler=Add", new()
        {
            ["Form.Name"] = "проектная деятельность", ["Form.Family"] = "Learners",
        }, getUrl: "/People/Topics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Такая тема уже есть в списке", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Topics.AnyAsync(t => t.OrganizationId == tree.OrganizationId));
    }

    [Fact]
    public async Task Toggle_OwnTopicYes_SeededTopicForbidden()
    {
        var tree = await app.CreateTreeAsync();
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Робототехника");
        await curator.PostFormAsync("/People/Topics?handler=Add", new() { ["Form.Name"] = name, ["Form.Family"] = "Learners" }, getUrl: "/People/Topics");
        long own, seeded;
        await using (var db = app.Db())
        {
            own = await db.Topics.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
            seeded = await db.Topics.Where(t => t.RegionId == null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        var off = await curator.PostFormAsync($"/People/Topics?handler=Toggle&id={own}", [], getUrl: "/People/Topics");
        var forbidden = await curator.PostFormAsync($"/People/Topics?handler=Toggle&id={seeded}", [], getUrl: "/People/Topics");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await using var check = app.Db();
        Assert.False(await check.Topics.Where(t => t.Id == own).Select(t => t.IsActive).SingleAsync());
        Assert.True(await check.Topics.Where(t => t.Id == seeded).Select(t => t.IsActive).SingleAsync());
    }

    [Fact]
    public async Task Add_ByRegionAdmin_BecomesRegionTopic()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Казачьи традиции");

        await admin.PostFormAsync("/People/Topics?handler=Add", new() { ["Form.Name"] = name, ["Form.Family"] = "Learners" }, getUrl: "/People/Topics");

        await using var db = app.Db();
        var topic = await db.Topics.SingleAsync(t => t.Name == name);
        Assert.Equal(tree.RegionId, topic.RegionId);
        Assert.Null(topic.OrganizationId);
    }
}

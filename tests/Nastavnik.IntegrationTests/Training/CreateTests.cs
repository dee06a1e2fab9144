using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

// Not "...Training": a namespace of that name would hide the Training entity from the other test namespaces.
namespace Nastavnik.IntegrationTests.Trainings;

[Collection(Collections.Pairs)]
public class CreateTests(AppFixture app)
{
    private static Dictionary<string, string> Fields(string title, string hours = "16", string starts = "2026-10-01", string ends = "2026-10-20") => new()
    {
        ["Form.Title"] = title, ["Form.Hours"] = hours, ["Form.StartsOn"] = starts, ["Form.EndsOn"] = ends, ["Form.Trainer"] = "ЦНППМ",
    };

    [Fact]
    public async Task Post_EndBeforeStart_RedisplaysFormWithError()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Школа наставника");

        var response = await client.PostFormAsync("/Training/Create", Fields(title, starts: "2026-10-20", ends: "2026-10-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Дата окончания обучения — не раньше даты начала", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Trainings.AnyAsync(t => t.Title == title));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("")]
    public async Task Post_HoursNotPositive_RedisplaysFormWithError(string hours)
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Школа наставника");

        var response = await client.PostFormAsync("/Training/Create", Fields(title, hours: hours));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("Объём обучения — от 0,5 до 500 часов") || html.Contains("Укажите объём обучения в часах"), html);
        await using var db = app.Db();
        Assert.False(await db.Trainings.AnyAsync(t => t.Title == title));
    }

    [Fact]
    public async Task Post_HoursWithDecimalComma_Saves()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Школа наставника");

        var response = await client.PostFormAsync("/Training/Create", Fields(title, hours: "2,5"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(2.5m, await db.Trainings.Where(t => t.Title == title).Select(t => t.Hours).SingleAsync());
    }

    [Fact]
    public async Task Post_HoursNotANumber_ShowsRussianError()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync("/Training/Create", Fields(AppFixture.Unique("Школа"), hours: "шестнадцать"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Объём обучения — число часов, например 16 или 16,5", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_BlankTitle_RedisplaysFormWithError()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync("/Training/Create", Fields(""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите название обучения", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ByCurator_CreatesOrganizationTraining()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Школа наставника");

        var response = await client.PostFormAsync("/Training/Create", Fields(title, hours: "16.5"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var training = await db.Trainings.SingleAsync(t => t.Title == title);
        Assert.Equal((tree.RegionId, tree.MunicipalityId, tree.OrganizationId), (training.RegionId, training.MunicipalityId, training.OrganizationId));
        Assert.Equal(16.5m, training.Hours);
        Assert.Equal($"/Training/Card?id={training.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_ByMunicipalCoordinator_CreatesMunicipalTraining()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var title = AppFixture.Unique("Семинар наставников");

        await client.PostFormAsync("/Training/Create", Fields(title));

        await using var db = app.Db();
        var training = await db.Trainings.SingleAsync(t => t.Title == title);
        Assert.Equal((tree.RegionId, (long?)tree.MunicipalityId, (long?)null), (training.RegionId, training.MunicipalityId, training.OrganizationId));
    }

    [Fact]
    public async Task Post_ByRegionAdmin_CreatesRegionalTraining()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var title = AppFixture.Unique("Курсы РНЦ");

        await client.PostFormAsync("/Training/Create", Fields(title));

        await using var db = app.Db();
        var training = await db.Trainings.SingleAsync(t => t.Title == title);
        Assert.Equal((tree.RegionId, (long?)null, (long?)null), (training.RegionId, training.MunicipalityId, training.OrganizationId));
    }
}

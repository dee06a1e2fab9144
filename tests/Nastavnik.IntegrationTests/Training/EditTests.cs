using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

// Not "...Training": a namespace of that name would hide the Training entity from the other test namespaces.
namespace Nastavnik.IntegrationTests.Trainings;

[Collection(Collections.Pairs)]
public class EditTests(AppFixture app)
{
    private static Dictionary<string, string> Fields(string title, uint version) => new()
    {
        ["Form.Title"] = title, ["Form.Hours"] = "8", ["Form.StartsOn"] = "2026-10-01", ["Form.EndsOn"] = "2026-10-02",
        ["Form.Trainer"] = "ИРО", ["Form.Version"] = version.ToString(),
    };

    [Fact]
    public async Task Post_CurrentVersion_SavesChanges()
    {
        var tree = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Organization(tree, AppFixture.Unique("Обучение")));
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Новое название");

        var response = await client.PostFormAsync($"/Training/Edit?id={training.Id}", Fields(title, training.RowVersion), $"/Training/Edit?id={training.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var saved = await db.Trainings.SingleAsync(t => t.Id == training.Id);
        Assert.Equal((title, 8m, "ИРО"), (saved.Title, saved.Hours, saved.Trainer));
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConcurrencyError()
    {
        var tree = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Organization(tree, AppFixture.Unique("Обучение")));
        var stale = training.RowVersion;
        await using (var db = app.Db())
        {
            await db.Trainings.Where(t => t.Id == training.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Trainer, "Другой"));
        }
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/Training/Edit?id={training.Id}", Fields(AppFixture.Unique("Название"), stale), $"/Training/Edit?id={training.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем", await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Equal("Другой", await check.Trainings.Where(t => t.Id == training.Id).Select(t => t.Trainer).SingleAsync());
    }

    [Fact]
    public async Task Post_EndBeforeStart_RedisplaysFormWithError()
    {
        var tree = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Organization(tree, AppFixture.Unique("Обучение")));
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var fields = Fields("Название", training.RowVersion);
        fields["Form.EndsOn"] = "2026-09-01";

        var response = await client.PostFormAsync($"/Training/Edit?id={training.Id}", fields, $"/Training/Edit?id={training.Id}");

        Assert.Contains("Дата окончания обучения — не раньше даты начала", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_MunicipalTrainingAsCurator_Returns404()
    {
        var tree = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Municipal(tree, AppFixture.Unique("Семинар")));
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Training/Edit?id={training.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Role.RegionAdmin)]
    [InlineData(Role.MunicipalCoordinator)]
    [InlineData(Role.Curator)]
    public async Task Post_TrainingOfAnotherRegion_Returns404(Role role)
    {
        var mine = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Organization(other, AppFixture.Unique("Обучение")));
        var client = await app.SignInAsAsync(role, mine);

        var response = await client.PostFormAsync($"/Training/Edit?id={training.Id}", Fields("Чужое", training.RowVersion), "/Training/Edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

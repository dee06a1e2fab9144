using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

// Not "...Training": a namespace of that name would hide the Training entity from the other test namespaces.
namespace Nastavnik.IntegrationTests.Trainings;

[Collection(Collections.Pairs)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_Curator_ListsOwnMunicipalAndRegionalButNotOtherSchoolsOrRegions()
    {
        var tree = await app.CreateTreeAsync();
        var second = await app.SecondSchoolAsync(tree);
        var other = await app.CreateTreeAsync();
        var tag = AppFixture.Unique("Метка");
        var own = await app.InsertAsync(TrainingData.Organization(tree, $"{tag} своя"));
        var municipal = await app.InsertAsync(TrainingData.Municipal(tree, $"{tag} муниципальная"));
        var regional = await app.InsertAsync(TrainingData.Regional(tree, $"{tag} региональная"));
        await app.InsertAsync(TrainingData.Organization(second, $"{tag} соседей"));
        await app.InsertAsync(TrainingData.Regional(other, $"{tag} чужой регион"));
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Training?q={Uri.EscapeDataString(tag)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(own.Title, html);
        Assert.Contains(municipal.Title, html);
        Assert.Contains(regional.Title, html);
        Assert.DoesNotContain($"{tag} соседей", html);
        Assert.DoesNotContain($"{tag} чужой регион", html);
    }

    [Fact]
    public async Task Get_MunicipalCoordinator_ListsMunicipalityAndItsSchoolsNotRegional()
    {
        var tree = await app.CreateTreeAsync();
        var second = await app.SecondSchoolAsync(tree);
        var tag = AppFixture.Unique("Метка");
        var school = await app.InsertAsync(TrainingData.Organization(second, $"{tag} школьная"));
        var municipal = await app.InsertAsync(TrainingData.Municipal(tree, $"{tag} муниципальная"));
        await app.InsertAsync(TrainingData.Regional(tree, $"{tag} региональная"));
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await (await client.GetAsync($"/Training?q={Uri.EscapeDataString(tag)}")).Content.ReadAsStringAsync();

        Assert.Contains(school.Title, html);
        Assert.Contains(municipal.Title, html);
        Assert.DoesNotContain($"{tag} региональная", html);
    }

    [Fact]
    public async Task Get_PeriodFilter_ListsOverlappingTrainingsOnly()
    {
        var tree = await app.CreateTreeAsync();
        var tag = AppFixture.Unique("Период");
        var october = TrainingData.Organization(tree, $"{tag} октябрь");
        var march = TrainingData.Organization(tree, $"{tag} март");
        (march.StartsOn, march.EndsOn) = (new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5));
        await app.InsertAsync(october);
        await app.InsertAsync(march);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync($"/Training?q={Uri.EscapeDataString(tag)}&from=2026-10-15&to=2026-11-30")).Content.ReadAsStringAsync();

        Assert.Contains(october.Title, html);
        Assert.DoesNotContain(march.Title, html);
    }
}

using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Territories;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class WorkflowIndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsCurator_ListsOwnMunicipalAndRegionalRoadmapsNotAnotherMunicipalitys()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var own = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var municipal = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var regional = await app.AddRoadmapAsync(tree, RoadmapLevel.Region);
        var otherMunicipal = await app.AddRoadmapAsync(sibling, RoadmapLevel.Municipality);
        var otherSchool = await app.AddRoadmapAsync(sibling, RoadmapLevel.Organization);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync("/Roadmaps");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(own.Title, html);
        Assert.Contains(municipal.Title, html);
        Assert.Contains(regional.Title, html);
        Assert.DoesNotContain(otherMunicipal.Title, html);
        Assert.DoesNotContain(otherSchool.Title, html);
        Assert.Contains("01.09.2020–31.12.2021", html);
        Assert.Contains("href=\"/Roadmaps/FromTemplate\"", html);
    }

    [Fact]
    public async Task Get_WithSearchAndStatusFilter_ShowsOnlyMatchingRows()
    {
        var tree = await app.CreateTreeAsync();
        var draft = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var approved = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var byStatus = await (await client.GetAsync($"/Roadmaps?status=Approved&level=Organization")).Content.ReadAsStringAsync();
        var bySearch = await (await client.GetAsync($"/Roadmaps?q={Uri.EscapeDataString(draft.Title)}")).Content.ReadAsStringAsync();

        Assert.Contains(approved.Title, byStatus);
        Assert.DoesNotContain(draft.Title, byStatus);
        Assert.Contains(draft.Title, bySearch);
        Assert.DoesNotContain(approved.Title, bySearch);
    }

    [Fact]
    public async Task Get_AsMentor_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Mentor, tree);

        var response = await client.GetAsync("/Roadmaps");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

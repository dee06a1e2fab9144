using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Territories;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>Publishing a municipal or regional roadmap as a template, and an organization's roadmap started from it.</summary>
[Collection(Collections.Roadmaps)]
public class WorkflowTemplateTests(AppFixture app)
{
    [Fact]
    public async Task Publish_ApprovedMunicipalRoadmap_BecomesTemplateAndCanBeWithdrawn()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality, RoadmapStatus.Approved);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var card = await (await coordinator.GetAsync($"/Roadmaps/Card/{roadmap.RoadmapId}")).Content.ReadAsStringAsync();
        var publish = await app.PostCardAsync(coordinator, roadmap.RoadmapId, "Publish");
        var published = (await app.RoadmapAsync(roadmap.RoadmapId)).IsTemplate;
        var unpublish = await app.PostCardAsync(coordinator, roadmap.RoadmapId, "Unpublish");

        Assert.Contains("Опубликовать как шаблон", card);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.True(published);
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.False((await app.RoadmapAsync(roadmap.RoadmapId)).IsTemplate);
    }

    [Fact]
    public async Task Publish_DraftRoadmap_ShowsStatusMessage()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await app.PostCardAsync(coordinator, roadmap.RoadmapId, "Publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await app.RoadmapAsync(roadmap.RoadmapId)).IsTemplate);
    }

    [Fact]
    public async Task Create_FromMunicipalTemplate_CopiesItemsIntoSchoolDraftWithOwnOccurrences()
    {
        var tree = await app.CreateTreeAsync();
        var template = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality, RoadmapStatus.Approved, isTemplate: true);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var list = await (await curator.GetAsync("/Roadmaps/FromTemplate")).Content.ReadAsStringAsync();
        var response = await curator.PostFormAsync("/Roadmaps/FromTemplate",
            new() { ["templateId"] = template.RoadmapId.ToString(), ["target"] = $"organization-{tree.OrganizationId}" });
        var again = await curator.PostFormAsync("/Roadmaps/FromTemplate",
            new() { ["templateId"] = template.RoadmapId.ToString(), ["target"] = $"organization-{tree.OrganizationId}" });

        Assert.Contains(template.Title, list);
        Assert.Contains("Создать мою дорожную карту", list);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var copy = await app.RoadmapAsync(newId);
        Assert.Equal((RoadmapLevel.Organization, tree.OrganizationId, RoadmapStatus.Draft, template.RoadmapId),
            (copy.Level, copy.OrganizationId!.Value, copy.Status, copy.SourceRoadmapId!.Value));
        Assert.False(copy.IsTemplate);
        Assert.Equal(["1.1.", "1.2.", "1.3."], copy.Items.OrderBy(i => i.Position).Select(i => i.Number));
        Assert.All(copy.Items, i => Assert.False(i.FanOut));
        var once = copy.Items.Single(i => i.Number == "1.1.").Occurrences.Single();
        Assert.Equal((new DateOnly(2020, 11, 15), tree.OrganizationId), (once.DueDate!.Value, once.OrganizationId!.Value));
        var window = copy.Items.Single(i => i.Number == "1.2.").Occurrences.Single();
        Assert.Equal((new DateOnly(2020, 10, 1), new DateOnly(2020, 12, 31), tree.OrganizationId),
            (window.StartDate!.Value, window.DueDate!.Value, window.OrganizationId!.Value));
        Assert.Empty(copy.Items.Single(i => i.Number == "1.3.").Occurrences);
        Assert.Equal(copy.Sections.Single().Title, (await app.RoadmapAsync(template.RoadmapId)).Sections.Single().Title);
        // A second press opens the draft already made rather than a duplicate.
        Assert.Equal($"/Roadmaps/Card/{newId}", again.Headers.Location!.OriginalString);
        await using var db = app.Db();
        Assert.Equal(1, await db.Roadmaps.CountAsync(r => r.SourceRoadmapId == template.RoadmapId));
    }

    [Fact]
    public async Task FromTemplate_OtherMunicipalitysTemplate_NotListedAndNotCopied()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var template = await app.AddRoadmapAsync(sibling, RoadmapLevel.Municipality, RoadmapStatus.Approved, isTemplate: true);
        var regional = await app.AddRoadmapAsync(tree, RoadmapLevel.Region, RoadmapStatus.Approved, isTemplate: true);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var list = await (await curator.GetAsync("/Roadmaps/FromTemplate")).Content.ReadAsStringAsync();
        var response = await curator.PostFormAsync("/Roadmaps/FromTemplate",
            new() { ["templateId"] = template.RoadmapId.ToString(), ["target"] = $"organization-{tree.OrganizationId}" });

        Assert.DoesNotContain(template.Title, list);
        Assert.Contains(regional.Title, list);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_FromRegionalTemplateByCoordinator_KeepsFanOutToTheMunicipalitysSchools()
    {
        var tree = await app.CreateTreeAsync();
        var template = await app.AddRoadmapAsync(tree, RoadmapLevel.Region, RoadmapStatus.Approved, isTemplate: true);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await coordinator.PostFormAsync("/Roadmaps/FromTemplate",
            new() { ["templateId"] = template.RoadmapId.ToString(), ["target"] = $"municipality-{tree.MunicipalityId}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await app.RoadmapAsync(long.Parse(response.Headers.Location!.OriginalString.Split('/').Last()));
        Assert.Equal((RoadmapLevel.Municipality, tree.MunicipalityId), (copy.Level, copy.MunicipalityId!.Value));
        var fanned = copy.Items.Single(i => i.Number == "1.1.");
        Assert.True(fanned.FanOut);
        Assert.Equal(tree.OrganizationId, fanned.Occurrences.Single().OrganizationId);
        Assert.Null(copy.Items.Single(i => i.Number == "1.2.").Occurrences.Single().OrganizationId);
    }
}

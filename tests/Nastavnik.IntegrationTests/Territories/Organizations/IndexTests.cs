using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Organizations;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsCoordinator_ListsOwnOrganizationsOnly()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var own = await app.OrganizationAsync(tree.OrganizationId);
        var foreign = await app.OrganizationAsync(sibling.OrganizationId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await client.GetAsync("/Territories/Organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(own.ShortName, html);
        Assert.DoesNotContain(foreign.ShortName, html);
        Assert.Contains("id=\"list-actions\"", html);
        Assert.Contains("Добавить организацию", html);
    }

    [Fact]
    public async Task Get_SearchByInnAndByFullName_FindsOrganization()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var inn = TerritoryData.NewLegalEntityInn();
        await using (var db = app.Db())
        {
            await db.Organizations.Where(o => o.Id == tree.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Inn, inn));
        }
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var other = await app.OrganizationAsync(sibling.OrganizationId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var byInn = await (await client.GetAsync($"/Territories/Organizations?q={inn}")).Content.ReadAsStringAsync();
        var byName = await (await client.GetAsync($"/Territories/Organizations?q={Uri.EscapeDataString(school.Name)}")).Content.ReadAsStringAsync();

        Assert.Contains(school.ShortName, byInn);
        Assert.Contains(inn, byInn);
        Assert.DoesNotContain(other.ShortName, byInn);
        Assert.Contains(school.ShortName, byName);
        Assert.DoesNotContain(other.ShortName, byName);
    }

    [Fact]
    public async Task Get_FilterByMunicipalityAndType_NarrowsList()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var other = await app.OrganizationAsync(sibling.OrganizationId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var byMunicipality = await (await client.GetAsync($"/Territories/Organizations?municipalityId={sibling.MunicipalityId}")).Content.ReadAsStringAsync();
        var byType = await (await client.GetAsync("/Territories/Organizations?type=Preschool")).Content.ReadAsStringAsync();

        Assert.Contains(other.ShortName, byMunicipality);
        Assert.DoesNotContain(school.ShortName, byMunicipality);
        Assert.DoesNotContain(school.ShortName, byType);
    }

    [Fact]
    public async Task Get_AsCurator_ListsOwnOrganizationWithoutAddButton()
    {
        var tree = await app.CreateTreeAsync();
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync("/Territories/Organizations")).Content.ReadAsStringAsync();

        Assert.Contains(school.ShortName, html);
        Assert.DoesNotContain("Добавить организацию", html);
    }
}

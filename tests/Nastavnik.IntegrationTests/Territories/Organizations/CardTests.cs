using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Organizations;

[Collection(Collections.Platform)]
public class CardTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsCurator_ShowsOwnOrganizationWithoutEditLink()
    {
        var tree = await app.CreateTreeAsync();
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Territories/Organizations/Card/{tree.OrganizationId}");
        var edit = await client.GetAsync($"/Territories/Organizations/Edit/{tree.OrganizationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(school.Name, html);
        Assert.DoesNotContain($"/Territories/Organizations/Edit/{tree.OrganizationId}", html);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task Get_CoordinatorOfAnotherMunicipality_Returns404ForCardAndEdit()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sibling);

        var card = await client.GetAsync($"/Territories/Organizations/Card/{tree.OrganizationId}");
        var edit = await client.GetAsync($"/Territories/Organizations/Edit/{tree.OrganizationId}");

        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }
}

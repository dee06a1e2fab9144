using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Partners;

[Collection(Collections.Platform)]
public class CardTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsCoordinatorOfServedMunicipality_ShowsPartnerWithoutEditLink()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await client.GetAsync($"/Territories/Partners/Card/{partner.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(partner.Name, html);
        Assert.Contains($"/Territories/Municipalities/Card/{tree.MunicipalityId}", html);
        Assert.DoesNotContain($"/Territories/Partners/Edit/{partner.Id}", html);
    }

    [Fact]
    public async Task Get_CoordinatorOfMunicipalityNotServed_Returns404()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var partner = await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sibling);

        var response = await client.GetAsync($"/Territories/Partners/Card/{partner.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

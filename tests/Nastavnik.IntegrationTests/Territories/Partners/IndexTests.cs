using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Partners;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsRegionAdminWithSearch_FindsPartner()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await app.AddPartnerAsync(tree.RegionId);
        var other = await app.AddPartnerAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var all = await (await client.GetAsync("/Territories/Partners")).Content.ReadAsStringAsync();
        var response = await client.GetAsync($"/Territories/Partners?q={Uri.EscapeDataString(partner.Name)}");

        Assert.Contains(partner.Name, all);
        Assert.Contains(other.Name, all);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"/Territories/Partners/Card/{partner.Id}", html);
        Assert.DoesNotContain(other.Name, html);
    }

    [Fact]
    public async Task Get_AsCoordinator_ListsOnlyPartnersServingOwnMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var serving = await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId, sibling.MunicipalityId);
        var elsewhere = await app.AddPartnerAsync(tree.RegionId, sibling.MunicipalityId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await (await client.GetAsync("/Territories/Partners")).Content.ReadAsStringAsync();

        Assert.Contains(serving.Name, html);
        Assert.Contains("2 муниципалитета", html);
        Assert.DoesNotContain(elsewhere.Name, html);
        Assert.DoesNotContain("Добавить партнёра", html);
    }
}

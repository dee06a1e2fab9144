using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Municipalities;

[Collection(Collections.Platform)]
public class CardTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsCoordinator_ShowsOrganizationsAndPartnersServingIt()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId);
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await client.GetAsync($"/Territories/Municipalities/Card/{tree.MunicipalityId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(school.ShortName, html);
        Assert.Contains(partner.Name, html);
        Assert.Contains("1 организация", html);
        Assert.DoesNotContain($"/Territories/Municipalities/Edit/{tree.MunicipalityId}", html);
    }

    [Fact]
    public async Task Get_ManyOrganizations_ShowsFirstTwentyAndLinkToFilteredList()
    {
        var tree = await app.CreateTreeAsync();
        await using (var db = app.Db())
        {
            for (var i = 0; i < 21; i++)
            {
                db.Organizations.Add(new global::Nastavnik.Data.Entities.Organization
                {
                    RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = AppFixture.Unique("Детский сад полное"),
                    ShortName = AppFixture.Unique("Детский сад"), Type = Domain.Territories.OrganizationType.Preschool,
                });
            }
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var html = await (await client.GetAsync($"/Territories/Municipalities/Card/{tree.MunicipalityId}")).Content.ReadAsStringAsync();

        Assert.Contains("22 организации", html);
        Assert.Contains("Показаны первые 20 из 22", html);
        Assert.Contains($"municipalityId={tree.MunicipalityId}", html);
    }

    [Fact]
    public async Task Get_CoordinatorOfAnotherMunicipality_Returns404()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sibling);

        var response = await client.GetAsync($"/Territories/Municipalities/Card/{tree.MunicipalityId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

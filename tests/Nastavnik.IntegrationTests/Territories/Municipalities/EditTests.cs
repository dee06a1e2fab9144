using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Municipalities;

[Collection(Collections.Platform)]
public class EditTests(AppFixture app)
{
    [Fact]
    public async Task Post_Valid_SavesAndAuditsUpdate()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Городской округ");

        var response = await client.PostFormAsync($"/Territories/Municipalities/Edit/{tree.MunicipalityId}", new()
        {
            ["Form.Name"] = name, ["Form.Kind"] = nameof(MunicipalityKind.MunicipalOkrug), ["Form.AuthorityName"] = "ГОРУНО",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == tree.MunicipalityId);
        Assert.Equal((name, MunicipalityKind.MunicipalOkrug, "ГОРУНО"), (municipality.Name, municipality.Kind, municipality.AuthorityName));
        Assert.True(await app.AuditedAsync(AuditAction.Update, nameof(Municipality), tree.MunicipalityId));
    }

    [Fact]
    public async Task GetAndPost_RegionAdminOfAnotherRegion_Returns404AndChangesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());

        var get = await client.GetAsync($"/Territories/Municipalities/Edit/{tree.MunicipalityId}");
        var post = await client.PostFormAsync($"/Territories/Municipalities/Edit/{tree.MunicipalityId}", new()
        {
            ["Form.Name"] = "Чужой", ["Form.Kind"] = nameof(MunicipalityKind.CityDistrict),
        }, getUrl: "/");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.Db();
        Assert.NotEqual("Чужой", await db.Municipalities.Where(m => m.Id == tree.MunicipalityId).Select(m => m.Name).SingleAsync());
    }
}

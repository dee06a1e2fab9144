using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Regions;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_SearchByName_FindsRegionWithCounts()
    {
        var tree = await app.CreateTreeAsync();
        await app.AddSiblingAsync(tree);
        await using var db = app.Db();
        var name = db.Regions.Single(r => r.Id == tree.RegionId).Name;
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);

        var response = await client.GetAsync($"/Territories/Regions?q={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"/Territories/Regions/Edit/{tree.RegionId}", html);
        Assert.Contains("2 муниципалитета", html);
        Assert.Contains("2 организации", html);
    }

    [Fact]
    public async Task Get_AsRegionAdmin_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var list = await client.GetAsync("/Territories/Regions");
        var edit = await client.GetAsync($"/Territories/Regions/Edit/{tree.RegionId}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Municipalities;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_AsRegionAdminWithSearch_FindsOwnMunicipalityOnly()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var (name, siblingName) = await NamesAsync(tree.MunicipalityId, sibling.MunicipalityId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var all = await (await client.GetAsync("/Territories/Municipalities")).Content.ReadAsStringAsync();
        var found = await client.GetAsync($"/Territories/Municipalities?q={Uri.EscapeDataString(name)}");

        Assert.Contains(name, all);
        Assert.Contains(siblingName, all);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var html = await found.Content.ReadAsStringAsync();
        Assert.Contains($"/Territories/Municipalities/Card/{tree.MunicipalityId}", html);
        Assert.DoesNotContain(siblingName, html);
    }

    [Fact]
    public async Task Get_AsCoordinator_ListsOnlyOwnMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var (name, siblingName) = await NamesAsync(tree.MunicipalityId, sibling.MunicipalityId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sibling);

        var html = await (await client.GetAsync("/Territories/Municipalities")).Content.ReadAsStringAsync();

        Assert.Contains(siblingName, html);
        Assert.DoesNotContain(name, html);
        Assert.DoesNotContain("Добавить муниципалитет", html);
    }

    private async Task<(string, string)> NamesAsync(long id, long siblingId)
    {
        await using var db = app.Db();
        var names = await db.Municipalities.Where(m => m.Id == id || m.Id == siblingId).ToDictionaryAsync(m => m.Id, m => m.Name);
        return (names[id], names[siblingId]);
    }
}

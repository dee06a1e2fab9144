using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Regions;

[Collection(Collections.Platform)]
public class EditTests(AppFixture app)
{
    [Fact]
    public async Task Post_NewName_SavesAndAuditsUpdate()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var name = AppFixture.Unique("Регион переименованный");

        var response = await client.PostFormAsync($"/Territories/Regions/Edit/{tree.RegionId}", new()
        {
            ["Form.Name"] = name, ["Form.Code"] = await app.RegionCodeAsync(tree.RegionId),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(name, await db.Regions.Where(r => r.Id == tree.RegionId).Select(r => r.Name).SingleAsync());
        Assert.True(await app.AuditedAsync(AuditAction.Update, nameof(Region), tree.RegionId));
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);

        var response = await client.GetAsync($"/Territories/Regions/Edit/{long.MaxValue}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

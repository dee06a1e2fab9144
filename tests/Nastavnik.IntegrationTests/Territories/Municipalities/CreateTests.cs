using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Municipalities;

[Collection(Collections.Platform)]
public class CreateTests(AppFixture app)
{
    [Fact]
    public async Task Post_BlankFields_ShowsRussianErrorsAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.PostFormAsync("/Territories/Municipalities/Create", new()
        {
            ["Form.RegionId"] = tree.RegionId.ToString(), ["Form.Name"] = "", ["Form.Kind"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        TerritoryData.AssertFormError(html, "Укажите наименование муниципалитета");
        TerritoryData.AssertFormError(html, "Выберите вид муниципального образования");
        await using var db = app.Db();
        Assert.Equal(1, await db.Municipalities.CountAsync(m => m.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task Post_Valid_InsertsIntoRegionAndAudits()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Муниципальный район");

        var response = await client.PostFormAsync("/Territories/Municipalities/Create", new()
        {
            ["Form.RegionId"] = tree.RegionId.ToString(), ["Form.Name"] = name, ["Form.Kind"] = nameof(MunicipalityKind.MunicipalDistrict),
            ["Form.AuthorityName"] = "Отдел образования",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var municipality = await db.Municipalities.SingleAsync(m => m.Name == name);
        Assert.Equal(tree.RegionId, municipality.RegionId);
        Assert.Equal(MunicipalityKind.MunicipalDistrict, municipality.Kind);
        Assert.Equal("Отдел образования", municipality.AuthorityName);
        Assert.Equal($"/Territories/Municipalities/Card/{municipality.Id}", response.Headers.Location!.OriginalString);
        Assert.True(await app.AuditedAsync(AuditAction.Create, nameof(Municipality), municipality.Id));
    }

    [Fact]
    public async Task Post_DuplicateNameInRegion_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        await using var db = app.Db();
        var existing = await db.Municipalities.Where(m => m.Id == tree.MunicipalityId).Select(m => m.Name).SingleAsync();

        var response = await client.PostFormAsync("/Territories/Municipalities/Create", new()
        {
            ["Form.RegionId"] = tree.RegionId.ToString(), ["Form.Name"] = existing, ["Form.Kind"] = nameof(MunicipalityKind.CityDistrict),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Муниципалитет с таким наименованием уже есть в регионе");
        Assert.Equal(1, await db.Municipalities.CountAsync(m => m.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task Post_RegionOutsideScope_ShowsErrorAndInsertsNothing()
    {
        var own = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, own);
        var name = AppFixture.Unique("Муниципалитет");

        var response = await client.PostFormAsync("/Territories/Municipalities/Create", new()
        {
            ["Form.RegionId"] = other.RegionId.ToString(), ["Form.Name"] = name, ["Form.Kind"] = nameof(MunicipalityKind.CityDistrict),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Выберите регион из списка");
        await using var db = app.Db();
        Assert.False(await db.Municipalities.AnyAsync(m => m.Name == name));
    }

    [Fact]
    public async Task Get_AsCoordinator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());

        var response = await client.GetAsync("/Territories/Municipalities/Create");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

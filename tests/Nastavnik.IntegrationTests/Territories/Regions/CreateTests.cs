using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Regions;

[Collection(Collections.Platform)]
public class CreateTests(AppFixture app)
{
    [Fact]
    public async Task Post_BlankFields_ShowsRussianErrors()
    {
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);

        var response = await client.PostFormAsync("/Territories/Regions/Create", new() { ["Form.Name"] = "", ["Form.Code"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        TerritoryData.AssertFormError(html, "Укажите название региона");
        TerritoryData.AssertFormError(html, "Укажите код субъекта");
    }

    [Fact]
    public async Task Post_CodeNotTwoDigits_ShowsErrorAndInsertsNothing()
    {
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var name = AppFixture.Unique("Регион");

        var response = await client.PostFormAsync("/Territories/Regions/Create", new() { ["Form.Name"] = name, ["Form.Code"] = "6а" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Код субъекта — две цифры, например 61");
        await using var db = app.Db();
        Assert.False(await db.Regions.AnyAsync(r => r.Name == name));
    }

    [Fact]
    public async Task Post_Valid_InsertsRegionAndAudits()
    {
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var name = AppFixture.Unique("Регион");
        string code;
        await using (var db = app.Db())
        {
            var used = await db.Regions.Select(r => r.Code).ToListAsync();
            code = Enumerable.Range(0, 100).Select(i => i.ToString("00")).First(c => !used.Contains(c));
        }

        var response = await client.PostFormAsync("/Territories/Regions/Create", new() { ["Form.Name"] = $"  {name} ", ["Form.Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Db();
        var region = await check.Regions.SingleAsync(r => r.Name == name);
        Assert.Equal(code, region.Code);
        Assert.True(await app.AuditedAsync(AuditAction.Create, nameof(Region), region.Id));
    }

    [Fact]
    public async Task Post_DuplicateCode_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var name = AppFixture.Unique("Регион");

        var response = await client.PostFormAsync("/Territories/Regions/Create", new()
        {
            ["Form.Name"] = name, ["Form.Code"] = await app.RegionCodeAsync(tree.RegionId),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Регион с таким кодом субъекта уже есть");
        await using var db = app.Db();
        Assert.False(await db.Regions.AnyAsync(r => r.Name == name));
    }
}

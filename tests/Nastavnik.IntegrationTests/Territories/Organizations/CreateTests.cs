using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Organizations;

[Collection(Collections.Platform)]
public class CreateTests(AppFixture app)
{
    private const string Url = "/Territories/Organizations/Create";

    private static Dictionary<string, string> Valid(long municipalityId, string name, string? inn = null) => new()
    {
        ["Form.MunicipalityId"] = municipalityId.ToString(),
        ["Form.Name"] = name,
        ["Form.ShortName"] = "Кратко " + name,
        ["Form.Type"] = nameof(OrganizationType.Spo),
        ["Form.Inn"] = inn ?? "",
        ["Form.Address"] = "г. Азов, ул. Ленина, 1",
        ["Form.Email"] = "college@example.ru",
    };

    [Fact]
    public async Task Post_BlankRequiredFields_ShowsRussianErrorsAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await client.PostFormAsync(Url, new()
        {
            ["Form.MunicipalityId"] = "", ["Form.Name"] = "", ["Form.ShortName"] = " ", ["Form.Type"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        TerritoryData.AssertFormError(html, "Выберите муниципалитет из списка");
        TerritoryData.AssertFormError(html, "Укажите полное наименование организации");
        TerritoryData.AssertFormError(html, "Укажите краткое наименование организации");
        TerritoryData.AssertFormError(html, "Выберите тип организации");
        await using var db = app.Db();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.MunicipalityId == tree.MunicipalityId));
    }

    [Fact]
    public async Task Post_Valid_InsertsWithRegionOfMunicipalityAndAudits()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var name = AppFixture.Unique("Колледж");
        var inn = TerritoryData.NewLegalEntityInn();

        var response = await client.PostFormAsync(Url, Valid(tree.MunicipalityId, name, inn));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var organization = await db.Organizations.SingleAsync(o => o.Name == name);
        Assert.Equal(tree.RegionId, organization.RegionId);
        Assert.Equal(tree.MunicipalityId, organization.MunicipalityId);
        Assert.Equal((OrganizationType.Spo, inn, "college@example.ru"), (organization.Type, organization.Inn, organization.Email));
        Assert.True(await app.AuditedAsync(AuditAction.Create, nameof(Organization), organization.Id));
    }

    [Fact]
    public async Task Post_BlankInn_StoresNull()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Колледж");

        var response = await client.PostFormAsync(Url, Valid(tree.MunicipalityId, name, inn: " "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Null(await db.Organizations.Where(o => o.Name == name).Select(o => o.Inn).SingleAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_InvalidInn_ShowsRussianErrorAndInsertsNothing(bool badChecksum)
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Колледж");
        var inn = badChecksum ? TerritoryData.WithBadCheckDigit(TerritoryData.NewLegalEntityInn()) : "500100732259";

        var response = await client.PostFormAsync(Url, Valid(tree.MunicipalityId, name, inn));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "ИНН организации — 10 цифр с верной контрольной суммой");
        await using var db = app.Db();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == name));
    }

    [Fact]
    public async Task Post_DuplicateNameInMunicipality_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var existing = await app.OrganizationAsync(tree.OrganizationId);

        var response = await client.PostFormAsync(Url, Valid(tree.MunicipalityId, existing.Name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Организация с таким полным наименованием уже есть в этом муниципалитете");
        await using var db = app.Db();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.MunicipalityId == tree.MunicipalityId));
    }

    [Fact]
    public async Task Post_DuplicateInn_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var inn = TerritoryData.NewLegalEntityInn();
        await using (var db = app.Db())
        {
            await db.Organizations.Where(o => o.Id == tree.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Inn, inn));
        }
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Колледж");

        var response = await client.PostFormAsync(Url, Valid(tree.MunicipalityId, name, inn));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Организация с таким ИНН уже есть в системе");
        await using var check = app.Db();
        Assert.False(await check.Organizations.AnyAsync(o => o.Name == name));
    }

    [Fact]
    public async Task Post_CoordinatorPicksMunicipalityOutsideScope_ShowsErrorAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var name = AppFixture.Unique("Колледж");

        var response = await client.PostFormAsync(Url, Valid(sibling.MunicipalityId, name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Выберите муниципалитет из списка");
        await using var db = app.Db();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == name));
    }

    [Fact]
    public async Task Get_AsCoordinator_OffersOnlyOwnMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await (await client.GetAsync(Url)).Content.ReadAsStringAsync();

        Assert.Contains($"value=\"{tree.MunicipalityId}\"", html);
        Assert.DoesNotContain($"value=\"{sibling.MunicipalityId}\"", html);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Partners;

[Collection(Collections.Platform)]
public class CreateTests(AppFixture app)
{
    private const string Url = "/Territories/Partners/Create";

    private static List<KeyValuePair<string, string>> Fields(long regionId, string name, string inn = "", params long[] municipalityIds)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.RegionId", regionId.ToString()),
            new("Form.Name", name),
            new("Form.Type", nameof(PartnerType.University)),
            new("Form.Inn", inn),
            new("Form.ContactPerson", "Иванов Иван Иванович"),
            new("Form.Email", "partner@example.ru"),
            new("Form.Phone", "+7 (863) 200-00-00"),
        };
        fields.AddRange(municipalityIds.Select(id => new KeyValuePair<string, string>("Form.MunicipalityIds", id.ToString())));
        return fields;
    }

    /// <summary>Posts repeated keys (checkboxes), which the dictionary-based helper cannot.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, List<KeyValuePair<string, string>> fields)
    {
        var token = await HttpClientForms.AntiforgeryTokenAsync(client, Url);
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(Url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Post_BlankRequiredFields_ShowsRussianErrorsAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.PostFormAsync(Url, new() { ["Form.RegionId"] = "", ["Form.Name"] = "", ["Form.Type"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        TerritoryData.AssertFormError(html, "Выберите регион из списка");
        TerritoryData.AssertFormError(html, "Укажите наименование партнёра");
        TerritoryData.AssertFormError(html, "Выберите тип партнёра");
        await using var db = app.Db();
        Assert.False(await db.Partners.AnyAsync(p => p.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task Post_ValidWithServedMunicipalities_InsertsAndAudits()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Университет");

        var response = await PostAsync(client, Fields(tree.RegionId, name, "500100732259", tree.MunicipalityId, sibling.MunicipalityId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var partner = await db.Partners.Include(p => p.Municipalities).SingleAsync(p => p.Name == name);
        Assert.Equal(tree.RegionId, partner.RegionId);
        Assert.Equal("500100732259", partner.Inn);
        Assert.Equal([tree.MunicipalityId, sibling.MunicipalityId], partner.Municipalities.Select(m => m.MunicipalityId).Order());
        Assert.True(await app.AuditedAsync(AuditAction.Create, nameof(Partner), partner.Id));
    }

    [Fact]
    public async Task Post_InnWithBadChecksum_ShowsRussianErrorAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Предприятие");

        var response = await PostAsync(client, Fields(tree.RegionId, name, "500100732258"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "ИНН партнёра — 10 или 12 цифр с верной контрольной суммой");
        await using var db = app.Db();
        Assert.False(await db.Partners.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task Post_DuplicateNameInRegion_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var existing = await app.AddPartnerAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await PostAsync(client, Fields(tree.RegionId, existing.Name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Партнёр с таким наименованием уже есть в регионе");
        await using var db = app.Db();
        Assert.Equal(1, await db.Partners.CountAsync(p => p.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task Post_MunicipalityOfAnotherRegion_ShowsErrorAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var name = AppFixture.Unique("Предприятие");

        var response = await PostAsync(client, Fields(tree.RegionId, name, "", tree.MunicipalityId, other.MunicipalityId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Обслуживаемые муниципалитеты должны относиться к региону партнёра");
        await using var db = app.Db();
        Assert.False(await db.Partners.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task Post_RegionAdminPicksAnotherRegion_ShowsErrorAndInsertsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Предприятие");

        var response = await PostAsync(client, Fields(other.RegionId, name, "", other.MunicipalityId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Выберите регион из списка");
        await using var db = app.Db();
        Assert.False(await db.Partners.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task PostRegion_AsSystemAdmin_ShowsMunicipalitiesOfChosenRegionWithoutErrors()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);
        var token = await HttpClientForms.AntiforgeryTokenAsync(client, Url);

        var response = await client.PostAsync(Url + "?handler=Region", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.RegionId"] = tree.RegionId.ToString(), ["Form.Name"] = "", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Form.MunicipalityIds\" value=\"{tree.MunicipalityId}\"", html);
        Assert.DoesNotContain("Исправьте ошибки", html);
    }

    [Fact]
    public async Task Get_AsCoordinator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

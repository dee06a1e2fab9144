using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Organizations;

[Collection(Collections.Platform)]
public class EditTests(AppFixture app)
{
    private static Dictionary<string, string> FormOf(Organization o, string shortName, long? municipalityId = null) => new()
    {
        ["Form.MunicipalityId"] = (municipalityId ?? o.MunicipalityId).ToString(),
        ["Form.Name"] = o.Name,
        ["Form.ShortName"] = shortName,
        ["Form.Type"] = o.Type.ToString(),
        ["Form.Inn"] = o.Inn ?? "",
        ["Form.Address"] = o.Address,
        ["Form.Email"] = o.Email,
        ["Form.Version"] = o.Version.ToString(),
    };

    [Fact]
    public async Task Post_AsOrgHeadOfOwnOrganization_SavesAndAuditsUpdate()
    {
        var tree = await app.CreateTreeAsync();
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);
        var shortName = AppFixture.Unique("МБОУ СОШ");

        var response = await client.PostFormAsync($"/Territories/Organizations/Edit/{school.Id}", FormOf(school, shortName));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(shortName, (await app.OrganizationAsync(school.Id)).ShortName);
        Assert.True(await app.AuditedAsync(AuditAction.Update, nameof(Organization), school.Id));
    }

    [Fact]
    public async Task GetAndPost_OrgHeadOfAnotherOrganization_Returns404AndChangesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var foreign = await app.OrganizationAsync(sibling.OrganizationId);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var get = await client.GetAsync($"/Territories/Organizations/Edit/{foreign.Id}");
        var post = await client.PostFormAsync($"/Territories/Organizations/Edit/{foreign.Id}", FormOf(foreign, "Чужая"), getUrl: "/");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(foreign.ShortName, (await app.OrganizationAsync(foreign.Id)).ShortName);
    }

    [Fact]
    public async Task Post_OrgHeadMovingOrganizationToAnotherMunicipality_ShowsErrorAndChangesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.PostFormAsync($"/Territories/Organizations/Edit/{school.Id}",
            FormOf(school, "Переехавшая", sibling.MunicipalityId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Выберите муниципалитет из списка");
        var after = await app.OrganizationAsync(school.Id);
        Assert.Equal((tree.MunicipalityId, school.ShortName), (after.MunicipalityId, after.ShortName));
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConcurrencyMessageAndKeepsOtherChange()
    {
        var tree = await app.CreateTreeAsync();
        var opened = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var concurrent = AppFixture.Unique("Изменено другим");
        await using (var db = app.Db())
        {
            var row = await db.Organizations.SingleAsync(o => o.Id == opened.Id);
            row.ShortName = concurrent;
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync($"/Territories/Organizations/Edit/{opened.Id}", FormOf(opened, "Моя правка"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Запись изменена другим пользователем. Обновите страницу и повторите.");
        Assert.Equal(concurrent, (await app.OrganizationAsync(opened.Id)).ShortName);
    }

    [Fact]
    public async Task Post_DuplicateInn_ShowsRussianErrorNot500()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var inn = TerritoryData.NewLegalEntityInn();
        await using (var db = app.Db())
        {
            await db.Organizations.Where(o => o.Id == sibling.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Inn, inn));
        }
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var form = FormOf(school, school.ShortName);
        form["Form.Inn"] = inn;

        var response = await client.PostFormAsync($"/Territories/Organizations/Edit/{school.Id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Организация с таким ИНН уже есть в системе");
        Assert.Null((await app.OrganizationAsync(school.Id)).Inn);
    }

    [Fact]
    public async Task Post_RegionAdminMovesOrganization_MovesItAndItsStaffAssignments()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var curator = await app.CreateUserAsync(Role.Curator, tree);
        var school = await app.OrganizationAsync(tree.OrganizationId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.PostFormAsync($"/Territories/Organizations/Edit/{school.Id}",
            FormOf(school, school.ShortName, sibling.MunicipalityId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sibling.MunicipalityId, (await app.OrganizationAsync(school.Id)).MunicipalityId);
        await using var db = app.Db();
        var assignment = await db.RoleAssignments.SingleAsync(a => a.User.UserName == curator);
        Assert.Equal((tree.RegionId, sibling.MunicipalityId, school.Id), (assignment.RegionId!.Value, assignment.MunicipalityId!.Value, assignment.OrganizationId!.Value));
    }
}

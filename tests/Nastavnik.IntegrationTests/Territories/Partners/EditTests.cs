using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories.Partners;

[Collection(Collections.Platform)]
public class EditTests(AppFixture app)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Partner p, string name, uint version, params long[] municipalityIds)
    {
        var url = $"/Territories/Partners/Edit/{p.Id}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.RegionId", p.RegionId.ToString()),
            new("Form.Name", name),
            new("Form.Type", p.Type.ToString()),
            new("Form.Version", version.ToString()),
            new("__RequestVerificationToken", await HttpClientForms.AntiforgeryTokenAsync(client, "/")),
        };
        fields.AddRange(municipalityIds.Select(id => new KeyValuePair<string, string>("Form.MunicipalityIds", id.ToString())));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private async Task<Partner> LoadAsync(long id)
    {
        await using var db = app.Db();
        return await db.Partners.AsNoTracking().Include(p => p.Municipalities).SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Post_NewNameAndMunicipalities_SavesAndAudits()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var partner = await LoadAsync((await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId)).Id);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Партнёр переименованный");

        var response = await PostAsync(client, partner, name, partner.Version, sibling.MunicipalityId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await LoadAsync(partner.Id);
        Assert.Equal(name, after.Name);
        Assert.Equal([sibling.MunicipalityId], after.Municipalities.Select(m => m.MunicipalityId));
        Assert.True(await app.AuditedAsync(AuditAction.Update, nameof(Partner), partner.Id));
    }

    [Fact]
    public async Task Post_StaleVersion_ShowsConcurrencyMessageAndChangesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await LoadAsync((await app.AddPartnerAsync(tree.RegionId)).Id);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var concurrent = AppFixture.Unique("Изменено другим");
        await using (var db = app.Db())
        {
            var row = await db.Partners.SingleAsync(p => p.Id == partner.Id);
            row.Name = concurrent;
            await db.SaveChangesAsync();
        }

        var response = await PostAsync(client, partner, "Моя правка", partner.Version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Запись изменена другим пользователем. Обновите страницу и повторите.");
        Assert.Equal(concurrent, (await LoadAsync(partner.Id)).Name);
    }

    [Fact]
    public async Task Post_StaleVersionChangingOnlyMunicipalities_ShowsConcurrencyMessageAndChangesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await LoadAsync((await app.AddPartnerAsync(tree.RegionId)).Id);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        await using (var db = app.Db())
        {
            // Someone saved the partner meanwhile without changing a field this form posts: only xmin moves.
            await db.Partners.Where(p => p.Id == partner.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, p => p.Name));
        }

        var response = await PostAsync(client, partner, partner.Name, partner.Version, tree.MunicipalityId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TerritoryData.AssertFormError(await response.Content.ReadAsStringAsync(), "Запись изменена другим пользователем. Обновите страницу и повторите.");
        Assert.Empty((await LoadAsync(partner.Id)).Municipalities);
    }

    [Fact]
    public async Task GetAndPost_AsCoordinator_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await LoadAsync((await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId)).Id);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var get = await client.GetAsync($"/Territories/Partners/Edit/{partner.Id}");
        var post = await PostAsync(client, partner, "Чужая правка", partner.Version);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(partner.Name, (await LoadAsync(partner.Id)).Name);
    }

    [Fact]
    public async Task Get_RegionAdminOfAnotherRegion_Returns404()
    {
        var tree = await app.CreateTreeAsync();
        var partner = await app.AddPartnerAsync(tree.RegionId, tree.MunicipalityId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());

        var edit = await client.GetAsync($"/Territories/Partners/Edit/{partner.Id}");
        var card = await client.GetAsync($"/Territories/Partners/Card/{partner.Id}");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
    }
}

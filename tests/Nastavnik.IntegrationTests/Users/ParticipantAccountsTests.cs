using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

/// <summary>A region or system administrator neither sees a participant's name nor can take over their account.</summary>
[Collection(Collections.Platform)]
public class ParticipantAccountsTests(AppFixture app)
{
    [Fact]
    public async Task Index_RegionAdmin_ShowsParticipantAnonymised()
    {
        var (tree, login, id, name) = await PupilAccountAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var html = await (await admin.GetAsync("/Users?role=Mentee")).Content.ReadAsStringAsync();
        var search = await (await admin.GetAsync($"/Users?q={Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();

        Assert.Contains($"участник, id {id}", html);
        Assert.DoesNotContain(name, html);
        Assert.DoesNotContain(login, html);
        Assert.DoesNotContain($"/Users/Card/{id}\"", html);
        Assert.DoesNotContain($"участник, id {id}", search);
    }

    [Theory]
    [InlineData(Role.RegionAdmin)]
    [InlineData(Role.SystemAdmin)]
    public async Task CardAndEdit_Admin_NotFoundForParticipant(Role role)
    {
        var (tree, _, id, _) = await PupilAccountAsync();
        var admin = await app.SignInAsAsync(role, tree);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Users/Card/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Users/Edit/{id}")).StatusCode);
    }

    [Fact]
    public async Task PostResetPassword_RegionAdmin_RefusedAndChildCannotBeSignedInAs()
    {
        var (tree, login, id, _) = await PupilAccountAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var hash = await HashAsync(id);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=ResetPassword", new()
        {
            ["NewPassword.New"] = "Novyi-parol-123", ["NewPassword.Repeat"] = "Novyi-parol-123",
        }, "/Users");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(hash, await HashAsync(id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(login, "Novyi-parol-123"));
    }

    [Fact]
    public async Task PostEditBlockAndAddRole_RegionAdmin_RefusedForParticipant()
    {
        var (tree, _, id, name) = await PupilAccountAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var edit = await admin.PostFormAsync($"/Users/Edit/{id}", new() { ["Form.FullName"] = "Другое Имя" }, "/Users");
        var block = await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", [], "/Users");
        var add = await admin.PostFormAsync($"/Users/Card/{id}?handler=Add", new()
        {
            ["NewAssignment.Role"] = nameof(Role.Curator), ["NewAssignment.OrganizationId"] = tree.OrganizationId.ToString(),
        }, "/Users");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, block.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Equal((name, true), (user.FullName, user.IsActive));
        Assert.Equal([Role.Mentee], await app.RolesOfAsync(id));
    }

    private async Task<(AppFixture.Tree Tree, string Login, long Id, string Name)> PupilAccountAsync()
    {
        var tree = await app.CreateTreeAsync();
        var name = AppFixture.Unique("Ученикова Дарья");
        var login = await app.CreateUserAsync(Role.Mentee, tree, name);
        return (tree, login, await app.UserIdAsync(login), name);
    }

    private async Task<string?> HashAsync(long id)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync();
    }
}

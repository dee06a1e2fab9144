using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

[Collection(Collections.Platform)]
public class CardTests(AppFixture app)
{
    private const string LastRoleMessage =
        "Нельзя снять последнюю роль: пользователь пропадёт из вашей области. Заблокируйте его вместо этого.";

    [Fact]
    public async Task Get_InScope_ShowsCardAndWritesReadAuditEntry()
    {
        var tree = await app.CreateTreeAsync();
        var adminLogin = await app.CreateUserAsync(Role.RegionAdmin, tree);
        var admin = await app.SignInAsync(adminLogin);
        var login = await app.CreateUserAsync(Role.Curator, tree, "Сидоров Пётр Павлович");
        var id = await app.UserIdAsync(login);

        var response = await admin.GetAsync($"/Users/Card/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Сидоров Пётр Павлович", html);
        Assert.Contains("Куратор ОО", html);
        await using var db = app.Db();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Read && a.EntityType == "User"
            && a.EntityId == id.ToString() && db.Users.Any(u => u.Id == a.UserId && u.UserName == adminLogin));
        Assert.Equal(tree.RegionId, entry.RegionId);
    }

    [Fact]
    public async Task Get_UserOfOtherRegion_Returns404AndAuditsNothing()
    {
        var admin = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync()));

        var response = await admin.GetAsync($"/Users/Card/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "User" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task PostBlock_UserOfOtherRegion_Returns404AndKeepsUserActive()
    {
        var admin = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync()));

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", [], getUrl: "/Users/Index");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.Db();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync());
    }

    [Fact]
    public async Task PostAdd_OrganizationRoleInOwnRegion_AddsAssignment()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Add", new()
        {
            ["NewAssignment.Role"] = nameof(Role.Mentor),
            ["NewAssignment.RegionId"] = tree.RegionId.ToString(),
            ["NewAssignment.MunicipalityId"] = "",
            ["NewAssignment.OrganizationId"] = tree.OrganizationId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var added = await db.RoleAssignments.SingleAsync(a => a.UserId == id && a.Role == Role.Mentor);
        Assert.Equal((tree.RegionId, tree.MunicipalityId, tree.OrganizationId), (added.RegionId, added.MunicipalityId, added.OrganizationId));
    }

    [Fact]
    public async Task PostAdd_SameRoleTwice_ShowsErrorInsteadOf500()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Add", new()
        {
            ["NewAssignment.Role"] = nameof(Role.Curator),
            ["NewAssignment.OrganizationId"] = tree.OrganizationId.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Эта роль на этом узле уже назначена", await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.Curator], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostAdd_SystemAdminRoleByRegionAdmin_ShowsErrorAndAddsNothing()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Add", new() { ["NewAssignment.Role"] = nameof(Role.SystemAdmin) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("может назначать и снимать только системный администратор", await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.Curator], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_OneOfTwoRoles_RemovesIt()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var mentor = await app.AddAssignmentAsync(login, Role.Mentor, tree);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={mentor}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Role.Curator], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_LastRoleByRegionAdmin_ShowsMessageAndKeepsIt()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));
        long assignmentId;
        await using (var db = app.Db()) assignmentId = await db.RoleAssignments.Where(a => a.UserId == id).Select(a => a.Id).SingleAsync();

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={assignmentId}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LastRoleMessage, await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.Curator], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_LastRoleBySystemAdmin_RemovesIt()
    {
        var admin = await app.SignInAsAsync(Role.SystemAdmin, null);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync()));
        long assignmentId;
        await using (var db = app.Db()) assignmentId = await db.RoleAssignments.Where(a => a.UserId == id).Select(a => a.Id).SingleAsync();

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={assignmentId}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_SystemAdminRoleByRegionAdmin_ShowsErrorAndKeepsIt()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var systemRole = await app.AddAssignmentAsync(login, Role.SystemAdmin, null);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={systemRole}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("может назначать и снимать только системный администратор", await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.Curator, Role.SystemAdmin], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_RoleInOtherRegion_ShowsErrorAndKeepsIt()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var elsewhere = await app.AddAssignmentAsync(login, Role.Mentor, other);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={elsewhere}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("вне вашей области", await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.Curator, Role.Mentor], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostRemove_OwnAdminRole_ShowsErrorAndKeepsIt()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.RegionAdmin, tree);
        await app.AddAssignmentAsync(login, Role.Curator, tree);
        var admin = await app.SignInAsync(login);
        var id = await app.UserIdAsync(login);
        long own;
        await using (var db = app.Db()) own = await db.RoleAssignments.Where(a => a.UserId == id && a.Role == Role.RegionAdmin).Select(a => a.Id).SingleAsync();

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Remove&assignmentId={own}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Нельзя снять свою роль администратора", await response.Content.ReadAsStringAsync());
        Assert.Equal([Role.RegionAdmin, Role.Curator], await app.RolesOfAsync(id));
    }

    [Fact]
    public async Task PostBlock_ThenThatUsersPagesAreRefused_AndUnblockLetsThemSignInAgain()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var user = await app.SignInAsync(login);
        var id = await app.UserIdAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);

        var block = await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", []);

        Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        AssertRefused(await user.GetAsync("/"));
        var signIn = await app.Client().PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var unblock = await admin.PostFormAsync($"/Users/Card/{id}?handler=Unblock", []);

        Assert.Equal(HttpStatusCode.Redirect, unblock.StatusCode);
        var again = await app.SignInAsync(login);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    /// <summary>
    /// A blocked user's cookie reaches nothing: a 403 (no scope), or a redirect to sign-in when the cookie itself is
    /// rejected for an inactive user.
    /// </summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task PostBlock_Self_ShowsErrorAndStaysActive()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.RegionAdmin, tree);
        var admin = await app.SignInAsync(login);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Нельзя заблокировать самого себя", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync());
    }

    [Fact]
    public async Task PostBlock_UserWithRoleInOtherRegionByRegionAdmin_ShowsErrorAndStaysActive()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        await app.AddAssignmentAsync(login, Role.RegionAdmin, await app.CreateTreeAsync());
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("изменить его учётную запись может только системный администратор", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync());
    }

    [Fact]
    public async Task PostResetPassword_Valid_NewPasswordSignsInAndOldDoesNot()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=ResetPassword", new()
        {
            ["NewPassword.New"] = "reset-password-42",
            ["NewPassword.Repeat"] = "reset-password-42",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.SignInAsync(login, "reset-password-42");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(login, AppFixture.Password));
    }

    [Fact]
    public async Task PostResetPassword_TooShort_ShowsErrorAndKeepsOldPassword()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=ResetPassword", new()
        {
            ["NewPassword.New"] = "short",
            ["NewPassword.Repeat"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пароль должен содержать не менее 10 символов", await response.Content.ReadAsStringAsync());
        await app.SignInAsync(login);
    }

    [Fact]
    public async Task PostUnblock_LockedOutAfterFailedSignIns_LiftsLockout()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var id = await app.UserIdAsync(login);
        await using (var db = app.Db())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10)));
        }
        var card = await (await admin.GetAsync($"/Users/Card/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Снять блокировку входа", card);

        var response = await admin.PostFormAsync($"/Users/Card/{id}?handler=Unblock", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.SignInAsync(login);
    }

    [Fact]
    public async Task PostBlock_WritesUpdateEntryNamingTheAdmin()
    {
        var tree = await app.CreateTreeAsync();
        var adminLogin = await app.CreateUserAsync(Role.RegionAdmin, tree);
        var admin = await app.SignInAsync(adminLogin);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));

        await admin.PostFormAsync($"/Users/Card/{id}?handler=Block", []);

        await using var db = app.Db();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Update && a.EntityType == "User" && a.EntityId == id.ToString());
        Assert.Equal("", entry.UserName);
        Assert.Equal(await app.UserIdAsync(adminLogin), entry.UserId);
        Assert.Contains("IsActive", entry.Details);
    }
}

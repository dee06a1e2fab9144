using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

[Collection(Collections.Platform)]
public class CreateTests(AppFixture app)
{
    private const string NewPassword = "new-user-password-1";

    private static Dictionary<string, string> Fields(string login, Role role, long? region = null, long? municipality = null,
        long? organization = null, string password = NewPassword) => new()
        {
            ["Form.FullName"] = "Петрова Анна Ивановна",
            ["Form.UserName"] = login,
            ["Form.Email"] = "",
            ["Form.Password"] = password,
            ["Form.Repeat"] = password,
            ["Form.Assignment.Role"] = role.ToString(),
            ["Form.Assignment.RegionId"] = region?.ToString() ?? "",
            ["Form.Assignment.MunicipalityId"] = municipality?.ToString() ?? "",
            ["Form.Assignment.OrganizationId"] = organization?.ToString() ?? "",
        };

    private static string NewLogin() => "new" + Guid.NewGuid().ToString("N")[..10];

    private async Task<bool> ExistsAsync(string login)
    {
        await using var db = app.Db();
        return await db.Users.AnyAsync(u => u.UserName == login);
    }

    [Fact]
    public async Task Post_Valid_CreatesUserWithAssignmentWhoCanSignIn()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.Curator, organization: tree.OrganizationId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var user = await db.Users.Include(u => u.Assignments).SingleAsync(u => u.UserName == login);
        Assert.Equal($"/Users/Card/{user.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Петрова Анна Ивановна", user.FullName);
        var assignment = Assert.Single(user.Assignments);
        Assert.Equal((Role.Curator, tree.RegionId, tree.MunicipalityId, tree.OrganizationId),
            (assignment.Role, assignment.RegionId, assignment.MunicipalityId, assignment.OrganizationId));
        await app.SignInAsync(login, NewPassword);
    }

    [Theory]
    [InlineData(Role.Mentee)]
    [InlineData(Role.Mentor)]
    [InlineData(Role.LegalRepresentative)]
    public async Task Post_ParticipantRole_RefusedAndCreatesNothing(Role role)
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, role, organization: tree.OrganizationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("создаёт их образовательная организация", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Get_Form_OffersNoParticipantRoles()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var html = await (await admin.GetAsync("/Users/Create")).Content.ReadAsStringAsync();

        Assert.Contains($"value=\"{Role.Curator}\"", html);
        Assert.DoesNotContain($"value=\"{Role.Mentee}\"", html);
        Assert.DoesNotContain($"value=\"{Role.LegalRepresentative}\"", html);
    }

    [Fact]
    public async Task Post_ShortPassword_ShowsRussianErrorAndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create",
            Fields(login, Role.Curator, organization: tree.OrganizationId, password: "123456789"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пароль должен содержать не менее 10 символов", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_LoginWithCyrillicLetters_ShowsIdentityErrorInRussian()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = "петров" + Guid.NewGuid().ToString("N")[..6];

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.Curator, organization: tree.OrganizationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Логин может содержать только латинские буквы", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_DuplicateLogin_ShowsRussianErrorAndCreatesNoSecondUser()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var existing = await app.CreateUserAsync(Role.Mentor, tree);

        var response = await admin.PostFormAsync("/Users/Create", Fields(existing, Role.Curator, organization: tree.OrganizationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Логин «{existing}» уже занят", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == existing));
        Assert.Equal([Role.Mentor], await app.RolesOfAsync(await app.UserIdAsync(existing)));
    }

    [Fact]
    public async Task Post_RegionAdminGrantingSystemAdmin_ShowsErrorAndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.SystemAdmin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("может назначать и снимать только системный администратор", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_RegionAdminGrantingOrganizationOfOtherRegion_ShowsErrorAndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.Curator, organization: other.OrganizationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("вне вашей области", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_RegionAdminGrantingRegionAdminOfOtherRegion_ShowsErrorAndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.RegionAdmin, region: other.RegionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("вне вашей области", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_MunicipalRoleWithRegionOnly_AsksForMunicipalityAndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.MunicipalCoordinator, region: tree.RegionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Для этой роли укажите муниципалитет", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(login));
    }

    [Fact]
    public async Task Post_SystemAdminGrantingAnyRegion_CreatesUser()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.SystemAdmin, null);
        var login = NewLogin();

        var response = await admin.PostFormAsync("/Users/Create", Fields(login, Role.RegionAdmin, region: tree.RegionId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Role.RegionAdmin], await app.RolesOfAsync(await app.UserIdAsync(login)));
    }

    [Fact]
    public async Task Get_RegionAdmin_ShowsThreeNodeDropdownsWithOwnRegionOnly()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var html = await (await admin.GetAsync("/Users/Create")).Content.ReadAsStringAsync();
        await using var db = app.Db();
        var own = await db.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var foreign = await db.Organizations.Where(o => o.Id == other.OrganizationId).Select(o => o.ShortName).SingleAsync();

        Assert.Contains("name=\"Form.Assignment.RegionId\"", html);
        Assert.Contains("name=\"Form.Assignment.MunicipalityId\"", html);
        Assert.Contains("name=\"Form.Assignment.OrganizationId\"", html);
        Assert.Contains(own, html);
        Assert.DoesNotContain(foreign, html);
        Assert.DoesNotContain("value=\"SystemAdmin\"", html);
    }

    [Fact]
    public async Task Get_AsCurator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await client.GetAsync("/Users/Create");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

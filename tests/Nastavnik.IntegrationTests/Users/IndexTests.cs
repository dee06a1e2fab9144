using System.Net;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Get_RegionAdmin_ListsOwnRegionUsersOnlyWithRolesAndNodes()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var mine = await app.CreateUserAsync(Role.Curator, tree);
        var foreign = await app.CreateUserAsync(Role.Curator, other);

        // The region holds only this test's users, so the first page shows them all.
        var response = await admin.GetAsync("/Users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(mine, html);
        Assert.Contains("Куратор ОО — Школа", html);
        Assert.Contains("Добавить пользователя", html);
        Assert.Contains("Найдено 2 пользователя", html);
        Assert.DoesNotContain(foreign, html);
    }

    [Fact]
    public async Task Get_SearchByFullName_FindsOnlyMatching()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var wanted = await app.CreateUserAsync(Role.Curator, tree, $"Искомая {marker} Анна");
        var unwanted = await app.CreateUserAsync(Role.Curator, tree);

        var html = await (await admin.GetAsync($"/Users?q={marker.ToUpperInvariant()}")).Content.ReadAsStringAsync();

        Assert.Contains(wanted, html);
        Assert.DoesNotContain(unwanted, html);
    }

    [Fact]
    public async Task Get_FilterByRole_ShowsOnlyHoldersOfThatRole()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var marker = Guid.NewGuid().ToString("N")[..8];
        // A staff member who also mentors: participants' own accounts are not listed by name (ParticipantAccountsTests).
        var mentor = await app.CreateUserAsync(Role.OrgHead, tree, $"Наставникова {marker}");
        await app.AddAssignmentAsync(mentor, Role.Mentor, tree);
        var curator = await app.CreateUserAsync(Role.Curator, tree, $"Кураторова {marker}");

        var html = await (await admin.GetAsync($"/Users?q={marker}&role=Mentor")).Content.ReadAsStringAsync();

        Assert.Contains(mentor, html);
        Assert.DoesNotContain(curator, html);
    }

    [Fact]
    public async Task Get_AsMunicipalCoordinator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());

        var response = await client.GetAsync("/Users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

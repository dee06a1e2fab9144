using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

/// <summary>`nastavnik create-user`, run in-process against the test database.</summary>
[Collection(Collections.Platform)]
public class CreateUserCommandTests(AppFixture app)
{
    private async Task<(string Region, string Municipality, string Organization)> NamesAsync(AppFixture.Tree tree)
    {
        await using var db = app.Db();
        var names = await db.Organizations.Where(o => o.Id == tree.OrganizationId)
            .Select(o => new { Region = o.Region.Name, Municipality = o.Municipality.Name, o.ShortName }).SingleAsync();
        return (names.Region, names.Municipality, names.ShortName);
    }

    [Fact]
    public async Task Run_CuratorOfOrganization_CreatesUserWithAssignmentWhoCanSignIn()
    {
        var tree = await app.CreateTreeAsync();
        var (region, municipality, organization) = await NamesAsync(tree);
        var login = "cli" + Guid.NewGuid().ToString("N")[..10];

        var (code, _, _) = await CliRunner.RunAsync(app, "create-user", "--login", login, "--name", "Консольная Ирина Олеговна", "--password", "cli-password-1",
            "--role", "curator", "--region", region, "--municipality", municipality, "--organization", organization);

        Assert.Equal(0, code);
        await using var db = app.Db();
        var user = await db.Users.Include(u => u.Assignments).SingleAsync(u => u.UserName == login);
        Assert.Equal("Консольная Ирина Олеговна", user.FullName);
        var assignment = Assert.Single(user.Assignments);
        Assert.Equal((Role.Curator, tree.RegionId, tree.MunicipalityId, tree.OrganizationId),
            (assignment.Role, assignment.RegionId, assignment.MunicipalityId, assignment.OrganizationId));
        var client = await app.SignInAsync(login, "cli-password-1");
        Assert.Contains("Куратор ОО", await (await client.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Run_NineCharacterPassword_ExitsWith1AndCreatesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var (region, _, _) = await NamesAsync(tree);
        var login = "cli" + Guid.NewGuid().ToString("N")[..10];

        var (code, _, _) = await CliRunner.RunAsync(app, "create-user", "--login", login, "--name", "Короткий Пароль", "--password", "123456789",
            "--role", "region_admin", "--region", region);

        Assert.Equal(1, code);
        await using var db = app.Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == login));
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.User.UserName == login));
    }
}

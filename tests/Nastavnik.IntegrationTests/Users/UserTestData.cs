using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

/// <summary>Small look-ups and extra role assignments for the user administration tests.</summary>
public static class UserTestData
{
    public static async Task<long> UserIdAsync(this AppFixture app, string login)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Gives an existing user one more role at the node of <paramref name="tree"/> its level needs.</summary>
    public static async Task<long> AddAssignmentAsync(this AppFixture app, string login, Role role, AppFixture.Tree? tree)
    {
        await using var db = app.Db();
        var userId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
        var assignment = role.Level() switch
        {
            ScopeLevel.System => new RoleAssignment { Role = role },
            ScopeLevel.Region => new RoleAssignment { Role = role, RegionId = tree!.RegionId },
            ScopeLevel.Municipality => new RoleAssignment { Role = role, RegionId = tree!.RegionId, MunicipalityId = tree.MunicipalityId },
            _ => new RoleAssignment { Role = role, RegionId = tree!.RegionId, MunicipalityId = tree.MunicipalityId, OrganizationId = tree.OrganizationId },
        };
        assignment.UserId = userId;
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }

    public static async Task<List<Role>> RolesOfAsync(this AppFixture app, long userId)
    {
        await using var db = app.Db();
        return await db.RoleAssignments.Where(a => a.UserId == userId).OrderBy(a => a.Id).Select(a => a.Role).ToListAsync();
    }
}

using Nastavnik.Domain.Access;

namespace Nastavnik.Domain.Tests.Access;

public class UserAdministrationTests
{
    private static readonly Scope System = new([new Assignment(Role.SystemAdmin, null, null, null)]);
    private static readonly Scope RegionOne = new([new Assignment(Role.RegionAdmin, 1, null, null)]);
    private static readonly Assignment CuratorInOne = new(Role.Curator, 1, 10, 100);
    private static readonly Assignment CuratorInTwo = new(Role.Curator, 2, 20, 200);
    private static readonly Assignment SystemRole = new(Role.SystemAdmin, null, null, null);

    [Fact]
    public void AssignmentError_RegionAdminInOwnRegion_ReturnsNull() =>
        Assert.Null(UserAdministration.AssignmentError(RegionOne, CuratorInOne));

    [Fact]
    public void AssignmentError_RegionAdminInOtherRegion_ReturnsError() =>
        Assert.Contains("вне вашей области", UserAdministration.AssignmentError(RegionOne, CuratorInTwo));

    [Fact]
    public void AssignmentError_RegionAdminWithSystemRole_ReturnsError() =>
        Assert.Contains("только системный администратор", UserAdministration.AssignmentError(RegionOne, SystemRole));

    [Fact]
    public void AssignmentError_RegionAdminViaCuratorRoleElsewhere_ReturnsError()
    {
        // Holding a lower role in region 2 does not make one its administrator.
        var admin = new Scope([new Assignment(Role.RegionAdmin, 1, null, null), CuratorInTwo]);

        Assert.NotNull(UserAdministration.AssignmentError(admin, new Assignment(Role.Mentor, 2, 20, 200)));
    }

    [Fact]
    public void AssignmentError_SystemAdminAnywhere_ReturnsNull()
    {
        Assert.Null(UserAdministration.AssignmentError(System, CuratorInTwo));
        Assert.Null(UserAdministration.AssignmentError(System, SystemRole));
    }

    [Fact]
    public void AccountError_UserWithRoleInOtherRegion_ReturnsErrorForRegionAdminOnly()
    {
        Assert.NotNull(UserAdministration.AccountError(RegionOne, [CuratorInOne, CuratorInTwo]));
        Assert.Null(UserAdministration.AccountError(RegionOne, [CuratorInOne]));
        Assert.Null(UserAdministration.AccountError(System, [CuratorInOne, CuratorInTwo]));
    }

    [Fact]
    public void RemovalError_LastAssignmentByRegionAdmin_ReturnsError() =>
        Assert.Equal("Нельзя снять последнюю роль: пользователь пропадёт из вашей области. Заблокируйте его вместо этого.",
            UserAdministration.RemovalError(RegionOne, 7, 8, CuratorInOne, [CuratorInOne]));

    [Fact]
    public void RemovalError_LastAssignmentBySystemAdmin_ReturnsNull() =>
        Assert.Null(UserAdministration.RemovalError(System, 7, 8, CuratorInOne, [CuratorInOne]));

    [Fact]
    public void RemovalError_OneOfSeveralInRegionByRegionAdmin_ReturnsNull() =>
        Assert.Null(UserAdministration.RemovalError(RegionOne, 7, 8, CuratorInOne, [CuratorInOne, new(Role.Mentor, 1, 10, 100)]));

    [Fact]
    public void RemovalError_LastInRegionWithOthersElsewhereByRegionAdmin_ReturnsError() =>
        Assert.NotNull(UserAdministration.RemovalError(RegionOne, 7, 8, CuratorInOne, [CuratorInOne, CuratorInTwo]));

    [Fact]
    public void RemovalError_OwnAdminRole_ReturnsError() =>
        Assert.Equal("Нельзя снять свою роль администратора",
            UserAdministration.RemovalError(System, 7, 7, SystemRole, [SystemRole, CuratorInOne]));

    [Fact]
    public void DeactivationError_Self_ReturnsError()
    {
        Assert.NotNull(UserAdministration.DeactivationError(7, 7));
        Assert.Null(UserAdministration.DeactivationError(7, 8));
    }
}

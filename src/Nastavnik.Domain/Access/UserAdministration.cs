namespace Nastavnik.Domain.Access;

/// <summary>
/// What an administrator may do to other users' accounts and role assignments. A system administrator may do
/// anything; a region administrator only inside the regions they administer, and never with the system role.
/// Each rule answers a Russian error, or null when the action is allowed.
/// </summary>
public static class UserAdministration
{
    /// <summary>May <paramref name="admin"/> grant or remove <paramref name="assignment"/>?</summary>
    public static string? AssignmentError(Scope admin, Assignment assignment)
    {
        if (admin.IsSystem) return null;
        if (assignment.Role == Role.SystemAdmin)
        {
            return $"Роль «{Role.SystemAdmin.Title()}» может назначать и снимать только системный администратор";
        }
        return assignment.RegionId is { } region && admin.RegionIds.Contains(region)
            ? null
            : "Узел вне вашей области: назначать и снимать роли можно только в своём регионе";
    }

    /// <summary>
    /// May <paramref name="admin"/> change the account itself (name, password, blocking)? Only when every role the
    /// user holds is one the admin could grant: resetting the password of someone who also administers another
    /// region would hand the admin that region.
    /// </summary>
    public static string? AccountError(Scope admin, IEnumerable<Assignment> userAssignments) =>
        admin.IsSystem || userAssignments.All(a => AssignmentError(admin, a) is null)
            ? null
            : "У пользователя есть роли вне вашей области: изменить его учётную запись может только системный администратор";

    /// <summary>May <paramref name="admin"/> remove <paramref name="assignment"/>, one of <paramref name="userAssignments"/>?</summary>
    public static string? RemovalError(Scope admin, long adminUserId, long userId, Assignment assignment,
        IReadOnlyCollection<Assignment> userAssignments)
    {
        if (AssignmentError(admin, assignment) is { } error) return error;
        if (adminUserId == userId && assignment.Role is Role.SystemAdmin or Role.RegionAdmin)
        {
            return "Нельзя снять свою роль администратора";
        }
        // A region admin reaches a user only through the user's roles in the admin's regions: with the last of them
        // gone the user would drop out of the admin's scope, reachable by the system administrator alone.
        if (!admin.IsSystem && userAssignments.Count(a => a.RegionId is { } r && admin.RegionIds.Contains(r)) <= 1)
        {
            return "Нельзя снять последнюю роль: пользователь пропадёт из вашей области. Заблокируйте его вместо этого.";
        }
        return null;
    }

    public static string? DeactivationError(long adminUserId, long userId) =>
        adminUserId == userId ? "Нельзя заблокировать самого себя" : null;
}

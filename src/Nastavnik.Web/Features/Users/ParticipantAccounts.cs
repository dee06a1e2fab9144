using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Features.Users;

/// <summary>
/// Participants' accounts (children, their parents, mentors) are managed by their own organization's staff only: above
/// the school a region or system administrator sees such an account as «участник, id N», without a name or login, and
/// cannot open, edit, block or reset it (a reset would let them sign in as the child). A user holding any staff role is
/// staff and stays managed here.
/// </summary>
public static class ParticipantAccounts
{
    public static readonly Role[] ParticipantRoles = [Role.Mentor, Role.Mentee, Role.LegalRepresentative];

    public static string AnonymousName(long id) => $"участник, id {id}";

    /// <summary>Only accounts the Users pages may show by name and change.</summary>
    public static IQueryable<User> Administered(this IQueryable<User> q) =>
        q.Where(u => u.Assignments.Any(a => !ParticipantRoles.Contains(a.Role))
            || (u.PersonId == null && !u.Assignments.Any(a => ParticipantRoles.Contains(a.Role))));
}

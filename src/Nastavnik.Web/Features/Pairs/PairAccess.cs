using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// Who reaches a pair: staff (head, curator) through the organizations of <see cref="Scoping.InScope(IQueryable{MentoringGroup}, Scope)"/>;
/// a participant through their own membership (<see cref="Scoping.OwnedBy"/>); a legal representative also through
/// the pairs of the children they represent (DOMAIN.md §2: mentor, mentee and parent see only their own pairs).
/// </summary>
public sealed class PairAccess
{
    private readonly long[] _staffOrganizations;
    private readonly long[] _people;

    private PairAccess(long[] staffOrganizations, long? personId, long[] people)
    {
        _staffOrganizations = staffOrganizations;
        PersonId = personId;
        _people = people;
    }

    public long? PersonId { get; }

    /// <summary>The user's own person and, for a legal representative, the children they represent.</summary>
    public IReadOnlyList<long> People => _people;

    public static async Task<PairAccess> ForAsync(NastavnikDb db, CurrentUser me)
    {
        var scope = await me.GetScopeAsync();
        var staff = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var personId = await db.Users.Where(u => u.Id == me.Id).Select(u => u.PersonId).SingleOrDefaultAsync();
        long[] people = [];
        if (personId is { } id)
        {
            var children = scope.HasAny([Role.LegalRepresentative])
                ? await db.LegalRepresentatives.Where(r => r.RepresentativeId == id).Select(r => r.ChildId).ToListAsync()
                : [];
            people = [id, .. children];
        }
        return new PairAccess(staff, personId, people);
    }

    public bool IsStaffFor(long organizationId) => _staffOrganizations.Contains(organizationId);

    /// <summary>The pairs this user reaches, as staff or as a participant.</summary>
    public IQueryable<MentoringGroup> Groups(IQueryable<MentoringGroup> q)
    {
        var staff = _staffOrganizations;
        var people = _people;
        return q.Where(g => staff.Contains(g.OrganizationId) || g.Members.Any(m => people.Contains(m.PersonId)));
    }

    /// <summary>The pairs this user reaches as a participant only (their own and their children's).</summary>
    public IQueryable<MentoringGroup> Own(IQueryable<MentoringGroup> q)
    {
        var people = _people;
        return q.Where(g => g.Members.Any(m => people.Contains(m.PersonId)));
    }

    /// <summary>The pairs where this user may keep the record (meetings, plan): staff, or the pair's mentor.</summary>
    public IQueryable<MentoringGroup> Keepers(IQueryable<MentoringGroup> q)
    {
        var staff = _staffOrganizations;
        var personId = PersonId ?? 0;
        return q.Where(g => staff.Contains(g.OrganizationId) || g.Members.Any(m => m.PersonId == personId && m.Role == MemberRole.Mentor));
    }
}

using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Matching;

/// <summary>What the order «О закреплении наставнических пар (групп)» says: read from the pairs an approved run created.</summary>
public sealed record PairOrder(long RunId, long RegionId, MatchRunStatus Status, string Organization, string Program, string Curator, bool IsGroup,
    DateOnly? OrderDate, string OrderNumber, DateOnly? StartDate, IReadOnlyList<PairOrder.Row> Rows)
{
    public sealed record Row(int Number, string Mentor, string MentorRole, string Mentee, string MenteeClass, string Form, DateOnly StartDate);

    public static async Task<PairOrder?> LoadAsync(NastavnikDb db, Scope scope, long id, CancellationToken ct = default)
    {
        var run = await db.MatchRuns.AsNoTracking().InScope(scope).Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.RegionId, r.Status, Organization = r.Program.Organization.Name, OrganizationShort = r.Program.Organization.ShortName,
                Program = r.Program.Name, CuratorId = r.Program.CuratorUserId, r.IsGroup, r.OrderDate, r.OrderNumber, r.StartDate,
            })
            .SingleOrDefaultAsync(ct);
        if (run is null) return null;
        var curator = run.CuratorId is { } cid ? await db.Users.Where(u => u.Id == cid).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "" : "";
        var members = await db.GroupMembers.AsNoTracking().Where(m => m.Group.MatchRunId == id)
            .OrderBy(m => m.GroupId).ThenBy(m => m.Role).ThenBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.GroupId, m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.Position, m.Person.ClassName,
                m.Group.Form, m.Group.StartDate,
            })
            .ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var group in members.GroupBy(m => m.GroupId))
        {
            var mentor = group.FirstOrDefault(m => m.Role == MemberRole.Mentor);
            foreach (var mentee in group.Where(m => m.Role == MemberRole.Mentee))
            {
                rows.Add(new Row(rows.Count + 1,
                    mentor is null ? "" : PeopleTerms.FullName(mentor.LastName, mentor.FirstName, mentor.MiddleName),
                    mentor is null ? "" : RunView.RoleOf(mentor.Position, mentor.ClassName),
                    PeopleTerms.FullName(mentee.LastName, mentee.FirstName, mentee.MiddleName),
                    mentee.ClassName.Trim().Length > 0 ? $"{mentee.ClassName.Trim()} класс" : RunView.RoleOf(mentee.Position, ""),
                    Forms.NameOf(mentee.Form), mentee.StartDate));
            }
        }
        return new PairOrder(run.Id, run.RegionId, run.Status, run.Organization.Length > 0 ? run.Organization : run.OrganizationShort, run.Program,
            curator, run.IsGroup, run.OrderDate, run.OrderNumber, run.StartDate, rows);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The pair's personal plan as a .docx for printing and signing; every download is an audited export.</summary>
[Access(Role.OrgHead, Role.Curator, Role.Mentor, Role.Mentee, Role.LegalRepresentative, Entity = ScopedEntity.MentoringGroup)]
public class PlanDocxModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        var access = await PairAccess.ForAsync(db, me);
        var pair = await access.Groups(db.MentoringGroups.AsNoTracking()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.RegionId, Organization = g.Organization.ShortName, Program = g.Program.Name, g.Form, g.StartDate, g.PlannedEnd,
                Members = g.Members.Where(m => m.LeftOn == null).OrderBy(m => m.Role).ThenBy(m => m.Person.LastName).ThenBy(m => m.Id)
                    .Select(m => new { m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
            })
            .SingleOrDefaultAsync();
        if (pair is null) return NotFound();
        string Names(MemberRole role) => string.Join(", ", pair.Members.Where(m => m.Role == role)
            .Select(m => PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName)));
        var goals = await PlanQueries.GoalsAsync(db, id);
        var content = PlanDocument.Write(new PlanDocument.Input(pair.Organization, pair.Program, Forms.NameOf(pair.Form), pair.StartDate,
            pair.PlannedEnd, Names(MemberRole.Mentor), Names(MemberRole.Mentee), goals));
        var fileName = $"plan-pary-{id}.docx";
        await db.AuditAsync(AuditAction.Export, nameof(MentoringGroup), id.ToString(), pair.RegionId, $"план пары: {goals.Count} цел., файл {fileName}");
        return File(content, DocxWriter.ContentType, fileName);
    }
}

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

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>
/// Prints a recognition of the pair (group id in the route, recognition id in the query) as .docx, an audited export;
/// without a recognition id it lists the pair's recognitions to print.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MentoringGroup)]
public class CertificateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public long GroupId { get; private set; }
    public List<(long Id, string Title)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? recognitionId)
    {
        var group = await db.MentoringGroups.InScope(await me.GetScopeAsync()).Where(g => g.Id == id)
            .Select(g => new { g.Id, g.RegionId, Organization = g.Organization.Name, Program = g.Program.Name }).SingleOrDefaultAsync();
        if (group is null) return NotFound();
        GroupId = id;
        var recognitions = db.Recognitions.Where(r => r.GroupId == id);
        if (recognitionId is not { } rid)
        {
            Rows = (await recognitions.OrderByDescending(r => r.GrantedOn).ThenByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.Kind, r.GrantedOn, r.Person.Status, r.Person.LastName, r.Person.FirstName, r.Person.MiddleName }).ToListAsync())
                .Select(r => (r.Id, $"{r.Kind.Title()} от {r.GrantedOn:dd.MM.yyyy} — {PersonData.Shown(r.Status, PeopleTerms.FullName(r.LastName, r.FirstName, r.MiddleName))}")).ToList();
            return Page();
        }
        // No document is made for a person who withdrew consent.
        var row = await recognitions.Where(r => r.Id == rid).Where(r => db.People.Processable().Any(p => p.Id == r.PersonId))
            .Select(r => new { r.Kind, r.GrantedOn, r.OrderNumber, r.Text, r.Person.LastName, r.Person.FirstName, r.Person.MiddleName }).SingleOrDefaultAsync();
        if (row is null) return NotFound();
        var mentor = PeopleTerms.FullName(row.LastName, row.FirstName, row.MiddleName);
        var content = RecognitionDocument.Write(new RecognitionDocument.Data(row.Kind, group.Organization, mentor, group.Program, row.GrantedOn, row.OrderNumber, row.Text));
        var fileName = $"pooshchrenie-{rid}.docx";
        await db.AuditAsync(AuditAction.Export, nameof(Recognition), rid.ToString(), group.RegionId, $"{row.Kind.Title()}, файл {fileName}");
        return File(content, DocxWriter.ContentType, fileName);
    }
}

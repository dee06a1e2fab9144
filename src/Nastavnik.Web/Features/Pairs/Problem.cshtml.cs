using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// «Сообщить о проблеме»: a member of the pair (or a parent of a mentee member) sends a confidential note to the pair's
/// curator. The curator is notified without the text; the audit logs the report without the text. Nobody else sees it.
/// </summary>
[Access(Role.Mentor, Role.Mentee, Role.LegalRepresentative, Entity = ScopedEntity.MentoringGroup)]
public class ProblemModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "Что случилось")]
    [Required(ErrorMessage = "Опишите проблему"), StringLength(4000, ErrorMessage = "Сообщение длиннее 4000 символов")]
    public string Text { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(long id) => await FindAsync(id) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var found = await FindAsync(id);
        if (found is not { } f) return NotFound();
        if (!ModelState.IsValid) return Page();
        var report = new ProblemReport
        {
            GroupId = f.Group.Id, RegionId = f.Group.RegionId, OrganizationId = f.Group.OrganizationId, PersonId = f.PersonId, UserId = me.Id,
            Text = Text.Trim(),
        };
        db.ProblemReports.Add(report);
        var curators = await CuratorsAsync(f.Group);
        await Notifier.AddAsync(db, curators.Select(c => new Notifier.Note(c, "Участник наставнической пары сообщил о проблеме", "/Pairs/Problems")),
            clock.GetUtcNow());
        // The save audits the new report (who, when, which row) and never its text.
        await db.SaveChangesAsync();
        TempData["Message"] = "Сообщение отправлено куратору. Его увидит только куратор.";
        return RedirectToPage(new { id });
    }

    /// <summary>The pair's curator, or when none is set, the curators of the organization.</summary>
    private async Task<List<long>> CuratorsAsync(MentoringGroup group)
    {
        if (group.CuratorUserId is { } c) return [c];
        return await db.RoleAssignments.Where(a => a.Role == Role.Curator && a.OrganizationId == group.OrganizationId && a.User.IsActive)
            .Select(a => a.UserId).Distinct().ToListAsync();
    }

    /// <summary>The pair when the signed-in participant belongs to it, or is a legal representative of a member.</summary>
    private async Task<(MentoringGroup Group, long PersonId)?> FindAsync(long id)
    {
        var personId = await db.Users.Where(u => u.Id == me.Id).Select(u => u.PersonId).SingleOrDefaultAsync();
        if (personId is not { } pid) return null;
        var children = db.LegalRepresentatives.Where(r => r.RepresentativeId == pid).Select(r => r.ChildId);
        var group = await db.MentoringGroups.Where(g => g.Id == id)
            .Where(g => g.Members.Any(m => m.PersonId == pid || children.Contains(m.PersonId)))
            .SingleOrDefaultAsync();
        return group is null ? null : (group, pid);
    }
}

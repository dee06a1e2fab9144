using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The confidential problem reports of the curator's organizations, newest first; the curator marks them read.</summary>
[Access(Role.Curator)]
public class ProblemsModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, long GroupId, string From, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public PagedList<Row> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1)
    {
        var organizations = (await me.GetScopeAsync()).OrganizationIdsFor(Role.Curator).ToArray();
        var query = db.ProblemReports.AsNoTracking().Where(r => organizations.Contains(r.OrganizationId))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.GroupId, r.Text, r.CreatedAt, r.ReadAt, r.RegionId,
                From = db.People.Where(p => p.Id == r.PersonId).Select(p => new { p.Status, p.LastName, p.FirstName, p.MiddleName }).FirstOrDefault(),
            });
        var paged = await query.ToPagedAsync(page);
        List = new PagedList<Row>(paged.Items.Select(r => new Row(r.Id, r.GroupId,
            r.From is null ? "" : PersonData.Shown(r.From.Status, PeopleTerms.FullName(r.From.LastName, r.From.FirstName, r.From.MiddleName)),
            // What a person who withdrew consent wrote is about them: not shown either.
            r.From is null || PersonData.IsProcessable(r.From.Status) ? r.Text : "", r.CreatedAt, r.ReadAt)).ToList(),
            paged.Page, paged.PageSize, paged.Total);
        foreach (var region in paged.Items.Select(r => r.RegionId).Distinct())
        {
            var ids = string.Join(",", paged.Items.Where(r => r.RegionId == region).Select(r => r.Id));
            await db.AuditAsync(AuditAction.Read, nameof(ProblemReport), ids, region, "сообщения о проблемах");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long reportId)
    {
        var organizations = (await me.GetScopeAsync()).OrganizationIdsFor(Role.Curator).ToArray();
        var report = await db.ProblemReports.SingleOrDefaultAsync(r => r.Id == reportId && organizations.Contains(r.OrganizationId));
        if (report is null) return NotFound();
        report.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Message"] = "Сообщение отмечено как прочитанное";
        return RedirectToPage();
    }
}

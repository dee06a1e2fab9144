using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// The curator creates accounts for mentees and mentors of the organization who have no login, each with a one-time
/// code (only its hash is kept), and prints the slips (.docx, several per page, with the sign-in address).
/// </summary>
[Access(Role.Curator)]
public class CodeSlipsModel(NastavnikDb db, CurrentUser me, TimeProvider clock, IPasswordHasher<User> hasher) : PageModel
{
    public sealed record Candidate(long PersonId, string FullName, string ClassName, bool Mentee);

    public List<Candidate> Candidates { get; private set; } = [];
    [BindProperty] public List<long> PersonIds { get; set; } = [];

    public async Task OnGetAsync() => Candidates = await (await CandidatesAsync()).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var chosen = await (await CandidatesAsync([.. PersonIds])).ToListAsync();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(PersonIds), "Отметьте участников без учётной записи");
            Candidates = await (await CandidatesAsync()).ToListAsync();
            return Page();
        }
        var ids = chosen.Select(c => c.PersonId).ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.RegionId, p.OrganizationId, p.Organization.MunicipalityId }).ToListAsync();
        var now = clock.GetUtcNow();
        var slips = new List<CodeSlipDocument.Slip>();
        foreach (var c in chosen)
        {
            var person = people.Single(p => p.Id == c.PersonId);
            var login = $"p{c.PersonId}";
            var user = new User
            {
                UserName = login, NormalizedUserName = login.ToUpperInvariant(), FullName = c.FullName, PersonId = c.PersonId,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            user.Assignments.Add(new RoleAssignment
            {
                Role = c.Mentee ? Role.Mentee : Role.Mentor, RegionId = person.RegionId, MunicipalityId = person.MunicipalityId, OrganizationId = person.OrganizationId,
            });
            var code = CodeGenerator.New();
            db.Users.Add(user);
            db.AccessCodes.Add(new AccessCode { User = user, CodeHash = hasher.HashPassword(user, code), CreatedByUserId = me.Id, CreatedAt = now, ExpiresAt = now + CodeGenerator.Lifetime });
            slips.Add(new CodeSlipDocument.Slip(c.FullName, c.ClassName, login, code));
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            ModelState.AddModelError(nameof(PersonIds), "Логин одного из участников уже занят другой учётной записью; обратитесь к администратору");
            db.ChangeTracker.Clear();
            Candidates = await (await CandidatesAsync()).ToListAsync();
            return Page();
        }
        var expires = MoscowTime.DateOf(now + CodeGenerator.Lifetime);
        var address = $"{Request.Scheme}://{Request.Host}/Account/Code";
        var fileName = $"kody-vhoda-{MoscowTime.DateOf(now):yyyy-MM-dd}.docx";
        await db.AuditAsync(AuditAction.Export, nameof(AccessCode), string.Join(",", ids), people[0].RegionId,
            $"листки с кодами входа: {RussianPlural.Format(slips.Count, "участник", "участника", "участников")}, файл {fileName}");
        return File(CodeSlipDocument.Write(slips, address, expires), Shared.DocxWriter.ContentType, fileName);
    }

    /// <summary>Mentees and mentors (by their profiles) of the curator's organizations who have no login yet.</summary>
    private async Task<IQueryable<Candidate>> CandidatesAsync(long[]? only = null)
    {
        var organizations = (await me.GetScopeAsync()).OrganizationIdsFor(Role.Curator).ToArray();
        return db.People.Listed().Where(p => organizations.Contains(p.OrganizationId))
            .Where(p => only == null || only.Contains(p.Id))
            .Where(p => !db.Users.Any(u => u.PersonId == p.Id))
            .Where(p => db.MenteeProfiles.Any(m => m.PersonId == p.Id) || db.MentorProfiles.Any(m => m.PersonId == p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new Candidate(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == "" ? "" : " " + p.MiddleName), p.ClassName,
                db.MenteeProfiles.Any(m => m.PersonId == p.Id)));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// The accounts of the school's participants with the state of their latest one-time code. For a pupil who lost the
/// slip or forgot the password the curator or head issues a new code (every earlier unused code is revoked and the
/// slip is downloaded at once), or revokes a code that could still be used. The old password is not touched: it keeps
/// working until the pupil signs in by the new code and sets a new one, so a code issued by mistake locks nobody out.
/// </summary>
[Access(Role.Curator, Role.OrgHead)]
public class CodesModel(NastavnikDb db, CurrentUser me, TimeProvider clock, IPasswordHasher<User> hasher) : PageModel
{
    public const string Changed = "Код участника только что изменился (использован, отозван или выдан заново). Обновите страницу и повторите.";

    public sealed record LatestCode(long Id, CodeState State, string Text);

    public sealed record Row(long UserId, string Login, bool AccountActive, bool HasPassword, long PersonId, string FullName, string ClassName,
        PersonStatus PersonStatus, LatestCode? Code);

    public PagedList<Row> List { get; private set; } = null!;
    public string Q { get; private set; } = "";
    public bool CanCreateAccounts { get; private set; }

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] int page = 1) => await LoadAsync(q, page);

    public async Task<IActionResult> OnPostIssueAsync([FromForm] long userId, [FromForm] string? q, [FromForm(Name = "page")] int page = 1)
    {
        var people = db.People.InScope(await me.GetScopeAsync());
        var user = await db.Users.Where(u => u.Id == userId && people.Any(p => p.Id == u.PersonId)).SingleOrDefaultAsync();
        if (user is null) return NotFound();
        var person = await db.People.Where(p => p.Id == user.PersonId)
            .Select(p => new { p.Id, p.RegionId, p.LastName, p.FirstName, p.MiddleName, p.ClassName, p.Status }).SingleAsync();
        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync();
        if (AccessCodeRules.IssueRefusal(person.Status, user.IsActive, roles) is { } refusal) return await RedisplayAsync(refusal, q, page);

        var now = clock.GetUtcNow();
        var earlier = await db.AccessCodes.Where(c => c.UserId == user.Id && c.UsedAt == null && c.RevokedAt == null).ToListAsync();
        foreach (var old in earlier) old.RevokedAt = now;
        var code = CodeGenerator.New();
        var issued = new AccessCode
        {
            UserId = user.Id, CodeHash = hasher.HashPassword(user, code), CreatedByUserId = me.Id, CreatedAt = now, ExpiresAt = now + CodeGenerator.Lifetime,
        };
        db.AccessCodes.Add(issued);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RedisplayAsync(Changed, q, page);
        }

        var login = user.UserName ?? "";
        var expires = MoscowTime.DateOf(issued.ExpiresAt);
        var address = $"{Request.Scheme}://{Request.Host}/Account/Code";
        var fileName = $"kod-vhoda-{login}-{MoscowTime.DateOf(now):yyyy-MM-dd}.docx";
        var slip = new CodeSlipDocument.Slip(PeopleTerms.FullName(person.LastName, person.FirstName, person.MiddleName), person.ClassName, login, code);
        await db.AuditAsync(AuditAction.Export, nameof(AccessCode), issued.Id.ToString(), person.RegionId,
            $"листок с новым кодом входа, участник {person.Id}, отозвано прежних кодов: {earlier.Count}");
        return File(CodeSlipDocument.Write([slip], address, expires), Shared.DocxWriter.ContentType, fileName);
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromForm] long codeId, [FromForm] string? q, [FromForm(Name = "page")] int page = 1)
    {
        var people = db.People.InScope(await me.GetScopeAsync());
        var code = await db.AccessCodes.Where(c => c.Id == codeId && people.Any(p => p.Id == c.User.PersonId)).SingleOrDefaultAsync();
        if (code is null) return NotFound();
        var now = clock.GetUtcNow();
        if (AccessCodeRules.RevokeRefusal(AccessCodeRules.StateOf(code.ExpiresAt, code.UsedAt, code.RevokedAt, now)) is { } refusal)
        {
            return await RedisplayAsync(refusal, q, page);
        }
        code.RevokedAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RedisplayAsync(Changed, q, page);
        }
        TempData["Message"] = "Код отозван: войти по нему больше нельзя";
        return LocalRedirect(Url.Page("Codes") + QueryString.Create(new Dictionary<string, string?> { ["q"] = q ?? "", ["page"] = page.ToString() }));
    }

    private async Task<IActionResult> RedisplayAsync(string error, string? q, int page)
    {
        // Nothing of the refused or failed change may be saved by the read audit below.
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", error);
        await LoadAsync(q, page);
        return Page();
    }

    private async Task LoadAsync(string? q, int page)
    {
        var scope = await me.GetScopeAsync();
        CanCreateAccounts = scope.Has(Role.Curator);
        Q = q?.Trim() ?? "";
        // Blocked and destroyed people are not listed (152-ФЗ): their data is not processed any more.
        var people = db.People.InScope(scope).Listed();
        // Accounts with a staff role are the administrator's to restore (see AccessCodeRules.ParticipantRoles).
        var query = from u in db.Users.AsNoTracking()
                    join p in people on u.PersonId equals (long?)p.Id
                    where u.Assignments.All(a => a.Role == Role.Mentor || a.Role == Role.Mentee || a.Role == Role.LegalRepresentative)
                    select new { User = u, Person = p };
        if (Q.Length > 0)
        {
            var like = Paging.Like(Q);
            query = query.Where(x => EF.Functions.ILike(x.Person.LastName + " " + x.Person.FirstName + " " + x.Person.MiddleName, like)
                || EF.Functions.ILike(x.Person.ClassName, like) || EF.Functions.ILike(x.User.UserName!, like));
        }
        var paged = await query
            .OrderBy(x => x.Person.LastName).ThenBy(x => x.Person.FirstName).ThenBy(x => x.Person.MiddleName).ThenBy(x => x.Person.Id).ThenBy(x => x.User.Id)
            .Select(x => new
            {
                UserId = x.User.Id, Login = x.User.UserName ?? "", x.User.IsActive, HasPassword = x.User.PasswordHash != null,
                PersonId = x.Person.Id, x.Person.RegionId, x.Person.LastName, x.Person.FirstName, x.Person.MiddleName, x.Person.ClassName, x.Person.Status,
                Code = db.AccessCodes.Where(c => c.UserId == x.User.Id).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                    .Select(c => new { c.Id, c.ExpiresAt, c.UsedAt, c.RevokedAt }).FirstOrDefault(),
            })
            .ToPagedAsync(page);
        var now = clock.GetUtcNow();
        List = new PagedList<Row>(paged.Items.Select(r => new Row(r.UserId, r.Login, r.IsActive, r.HasPassword, r.PersonId,
            PeopleTerms.FullName(r.LastName, r.FirstName, r.MiddleName), r.ClassName, r.Status,
            r.Code is null ? null : Latest(r.Code.Id, r.Code.ExpiresAt, r.Code.UsedAt, r.Code.RevokedAt, now))).ToList(),
            paged.Page, paged.PageSize, paged.Total);
        foreach (var region in paged.Items.Select(r => r.RegionId).Distinct())
        {
            var ids = string.Join(",", paged.Items.Where(r => r.RegionId == region).Select(r => r.PersonId));
            await db.AuditAsync(AuditAction.Read, nameof(Person), ids, region, "коды входа участников");
        }
    }

    private static LatestCode Latest(long id, DateTimeOffset expiresAt, DateTimeOffset? usedAt, DateTimeOffset? revokedAt, DateTimeOffset now)
    {
        var state = AccessCodeRules.StateOf(expiresAt, usedAt, revokedAt, now);
        return new LatestCode(id, state, AccessCodeRules.Describe(state, expiresAt, usedAt));
    }
}

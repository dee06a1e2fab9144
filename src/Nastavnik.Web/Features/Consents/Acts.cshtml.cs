using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// «Акты об уничтожении персональных данных» of the user's organizations: when, what, on what basis, by whom (the
/// system job or a user). The act names the person only by the record number: the name itself is destroyed.
/// Search by basis text.
/// </summary>
[Access(Role.OrgHead, Role.Curator)]
public class ActsModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var query = db.DestructionActs.AsNoTracking().Where(a => organizations.Contains(a.OrganizationId));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(a => EF.Functions.ILike(a.Basis, like));
        }
        List = await query.OrderByDescending(a => a.DestroyedAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.PersonId, a.DestroyedAt, a.Fields, a.Basis,
                db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.ShortName).First(),
                a.UserId == null ? null : db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).First()))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, long PersonId, DateTimeOffset DestroyedAt, string Fields, string Basis, string Organization, string? User);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Users;

[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public Role? RoleFilter { get; set; }
    public PagedList<Row> List { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<SelectListItem> RoleOptions { get; } =
        Roles.All.Select(r => new SelectListItem(r.Title(), r.ToString())).ToList();

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        var query = db.Users.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.Like(Q);
            // Participants are not found by name, login or e-mail: only staff accounts are searched.
            query = query.Administered().Where(u => EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.UserName!, pattern)
                || (u.Email != null && EF.Functions.ILike(u.Email, pattern)));
        }
        if (RoleFilter is { } role) query = query.Where(u => u.Assignments.Any(a => a.Role == role));
        var staff = db.Users.Administered().Select(u => u.Id);
        // Staff by name first; participants after them, anonymised, in id order (sorting by their names would leak them).
        List = await query.OrderBy(u => !staff.Contains(u.Id)).ThenBy(u => staff.Contains(u.Id) ? u.FullName : "").ThenBy(u => u.Id)
            .Select(u => new Row(u.Id, staff.Contains(u.Id) ? u.FullName : ParticipantAccounts.AnonymousName(u.Id),
                staff.Contains(u.Id) ? u.UserName! : "", staff.Contains(u.Id), u.IsActive,
                u.Assignments.OrderBy(a => a.Id).Select(a => new RoleRow(a.Role,
                    a.Organization != null ? a.Organization.ShortName
                    : a.Municipality != null ? a.Municipality.Name
                    : a.Region != null ? a.Region.Name
                    : "вся система")).ToList()))
            .ToPagedAsync(page);
    }

    /// <summary>A row; a participant's (not <paramref name="IsStaff"/>) shows «участник, id N», no login and no link.</summary>
    public sealed record Row(long Id, string FullName, string UserName, bool IsStaff, bool IsActive, List<RoleRow> Roles);

    public sealed record RoleRow(Role Role, string Node);
}

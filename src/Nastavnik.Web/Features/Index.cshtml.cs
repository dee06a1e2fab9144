using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features;

[Access]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string FullName { get; private set; } = "";
    public List<(string Title, string Node)> Roles { get; } = [];
    public List<Menu.Item> Links { get; } = [];

    public async Task OnGetAsync()
    {
        FullName = me.FullName;
        var scope = await me.GetScopeAsync();
        var rows = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == me.Id)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Role,
                Region = a.Region == null ? null : a.Region.Name,
                Municipality = a.Municipality == null ? null : a.Municipality.Name,
                Organization = a.Organization == null ? null : a.Organization.ShortName,
            })
            .ToListAsync();
        foreach (var r in rows)
        {
            Roles.Add((r.Role.Title(), r.Organization ?? r.Municipality ?? r.Region ?? "вся система"));
        }
        Links.AddRange(Menu.For(scope).Where(i => i.Page != "/Index"));
    }
}

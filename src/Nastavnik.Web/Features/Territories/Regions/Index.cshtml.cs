using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Regions;

[Access(Role.SystemAdmin)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string? Q { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync(string? q, [FromQuery] int page = 1)
    {
        Q = q;
        var scope = await me.GetScopeAsync();
        var query = db.Regions.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            query = query.Where(r => EF.Functions.ILike(r.Name, like) || EF.Functions.ILike(r.Code ?? "", like));
        }
        List = await query.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Name, r.Code ?? "", r.Municipalities.Count, db.Organizations.Count(o => o.RegionId == r.Id)))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, string Name, string Code, int Municipalities, int Organizations);
}

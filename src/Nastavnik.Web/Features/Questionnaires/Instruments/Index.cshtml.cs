using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Questionnaires.Instruments;

/// <summary>
/// The questionnaires (reference data of the region administrator; the system administrator keeps the seeded ones):
/// the latest version of each. A region administrator sees the seeded ones and their region's, a region's own version
/// replacing the seeded one of the same code; the system administrator sees the latest version of every region's.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public sealed record Row(long Id, string Code, string Name, InstrumentRespondent Respondent, InstrumentMoment Moment, ModelFamily Family,
        string Form, int Version, bool IsFrozen, bool IsActive, string? Region, int Responses)
    {
        public bool Frozen => IsFrozen || Responses > 0;
    }

    public PagedList<Row> List { get; private set; } = null!;
    public string? Q { get; private set; }

    public async Task OnGetAsync(string? q, [FromQuery] int page = 1)
    {
        Q = q;
        var scope = await me.GetScopeAsync();
        var visible = db.Instruments.InScope(scope);
        var latest = scope.IsSystem
            ? visible.Where(i => !visible.Any(n => n.Code == i.Code && n.Version > i.Version && n.RegionId == i.RegionId))
            : visible.Where(i => !visible.Any(n => n.Code == i.Code && n.Version > i.Version));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            latest = latest.Where(i => EF.Functions.ILike(i.Name, like) || EF.Functions.ILike(i.Code, like));
        }
        List = await latest.OrderBy(i => i.Name).ThenBy(i => i.Code).ThenBy(i => i.Id)
            .Select(i => new Row(i.Id, i.Code, i.Name, i.Respondent, i.Moment, i.Family, i.Form, i.Version, i.IsFrozen, i.IsActive,
                db.Regions.Where(r => r.Id == i.RegionId).Select(r => r.Name).FirstOrDefault(),
                db.Responses.Count(r => r.InstrumentId == i.Id)))
            .ToPagedAsync(page);
    }
}

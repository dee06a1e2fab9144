using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Training;

/// <summary>Mentor trainings the user reaches: search by title or trainer, a period filter (trainings overlapping it).</summary>
[Access(Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        var query = db.Trainings.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(t => EF.Functions.ILike(t.Title, like) || EF.Functions.ILike(t.Trainer, like));
        }
        if (From is { } from) query = query.Where(t => t.EndsOn >= from);
        if (To is { } to) query = query.Where(t => t.StartsOn <= to);
        List = await query
            .OrderByDescending(t => t.StartsOn).ThenBy(t => t.Id)
            .Select(t => new Row(t.Id, t.Title, t.MunicipalityId, t.OrganizationId, t.StartsOn, t.EndsOn, t.Hours, t.Trainer,
                t.Participants.Count, t.Participants.Count(p => p.CompletedOn != null)))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, string Title, long? MunicipalityId, long? OrganizationId, DateOnly StartsOn, DateOnly EndsOn,
        decimal Hours, string Trainer, int Enrolled, int Completed)
    {
        public TrainingLevel Level => TrainingRules.LevelOf(MunicipalityId, OrganizationId);
    }
}

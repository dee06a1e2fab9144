using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs.Watch;

/// <summary>
/// Watch lists of active pairs: stalled, missing feedback, overdue curator contacts, low ratings. The head and the
/// curator of a school see the pairs by name; municipal and regional users see counts per organization and totals,
/// rolled up by PostgreSQL, never a name (DOMAIN.md §2 scoping rule 1).
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.MunicipalCoordinator, Role.RegionAdmin)]
public class IndexModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int MaxExportRows = 100_000;

    public static readonly IReadOnlyList<(string Code, string Title)> Lists =
    [
        ("stalled", "Нет встреч 30 дней"),
        ("feedback", "Нет обратной связи 30 дней"),
        ("contacts", "Просрочены контакты куратора"),
        ("ratings", "Низкие оценки"),
    ];

    public string List { get; private set; } = "stalled";
    public bool ShowsPairs { get; private set; }
    public bool ShowsOrganizations { get; private set; }
    public WatchQuery.Totals PairTotals { get; private set; } = new(0, 0, 0, 0, 0);
    public WatchQuery.Totals TerritoryTotals { get; private set; } = new(0, 0, 0, 0, 0);
    public PagedList<PairRow> Pairs { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public PagedList<OrganizationRow> Organizations { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? list, int page = 1)
    {
        List = Lists.Any(l => l.Code == list) ? list! : "stalled";
        var scope = await me.GetScopeAsync();
        var today = Today();
        var staff = StaffNodes(scope);
        ShowsPairs = staff.Organizations.Length > 0;
        if (ShowsPairs)
        {
            // Two statements: the counts (GROUP BY in SQL), then the chosen list's rows, paged here (a school's pairs).
            var rows = WatchQuery.Rows(db, staff, today);
            PairTotals = Sum(await WatchQuery.PerOrganization(rows).ToListAsync());
            var listed = await Filter(rows, List).OrderBy(r => r.StartDate).ThenBy(r => r.GroupId).ToListAsync();
            var pageCount = Math.Max(1, (listed.Count + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
            page = Math.Clamp(page, 1, pageCount);
            var items = listed.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToList();
            var named = await NamesAsync(scope, items);
            Pairs = new PagedList<PairRow>(items.Select(r => named[r.GroupId]).ToList(), page, Paging.DefaultPageSize, listed.Count);
        }
        var territory = TerritoryNodes(scope);
        ShowsOrganizations = territory.Municipalities.Length > 0 || territory.Regions.Length > 0;
        if (ShowsOrganizations)
        {
            // One statement: the roll-up per organization; totals and paging over its few rows here.
            var all = await WatchQuery.PerOrganization(WatchQuery.Rows(db, territory, today)).ToListAsync();
            TerritoryTotals = Sum(all);
            var ordered = all.OrderByDescending(o => o.OverdueContacts + o.Stalled + o.MissingFeedback + o.LowRatings).ThenBy(o => o.OrganizationId).ToList();
            var pageCount = Math.Max(1, (ordered.Count + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
            page = Math.Clamp(page, 1, pageCount);
            var paged = new PagedList<WatchQuery.OrganizationTotals>(
                ordered.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToList(), page, Paging.DefaultPageSize, ordered.Count);
            var ids = paged.Items.Select(o => o.OrganizationId).ToList();
            var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName);
            Organizations = new PagedList<OrganizationRow>(
                paged.Items.Select(o => new OrganizationRow(names.GetValueOrDefault(o.OrganizationId, ""), o)).ToList(),
                paged.Page, paged.PageSize, paged.Total);
        }
    }

    /// <summary>The watch lists as .xlsx: pairs by name for the school's staff, counts per organization for territories.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var scope = await me.GetScopeAsync();
        var today = Today();
        var staff = StaffNodes(scope);
        byte[] content;
        string details;
        if (staff.Organizations.Length > 0)
        {
            var flagged = await WatchQuery.Rows(db, staff, today)
                .Where(r => r.Stalled || r.MissingFeedback || r.OverdueContacts || r.LowRatings)
                .OrderBy(r => r.StartDate).ThenBy(r => r.GroupId).Take(MaxExportRows).ToListAsync();
            var ids = flagged.Select(r => r.GroupId).ToList();
            var named = await NamesAsync(scope, flagged);
            content = XlsxWriter.Write("Пары под наблюдением",
                ["Организация", "Наставник", "Наставляемый", "Начало", "Нет встреч 30 дней", "Нет обратной связи", "Контакты просрочены", "Низкие оценки"],
                ids.Select(id => named[id]).Select(p => (IReadOnlyList<string>)
                [
                    p.Organization, p.Mentors, p.Mentees, p.StartDate.ToString("dd.MM.yyyy"),
                    YesNo(p.Row.Stalled), YesNo(p.Row.MissingFeedback), YesNo(p.Row.OverdueContacts), YesNo(p.Row.LowRatings),
                ]));
            details = $"пары под наблюдением, {RussianPlural.Format(ids.Count, "пара", "пары", "пар")}";
        }
        else
        {
            var rows = await WatchQuery.PerOrganization(WatchQuery.Rows(db, TerritoryNodes(scope), today))
                .OrderBy(o => o.OrganizationId).Take(MaxExportRows).ToListAsync();
            var ids = rows.Select(o => o.OrganizationId).ToList();
            var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName);
            content = XlsxWriter.Write("Пары под наблюдением",
                ["Организация", "Действующих пар", "Нет встреч 30 дней", "Нет обратной связи", "Контакты просрочены", "Низкие оценки"],
                rows.OrderBy(o => names.GetValueOrDefault(o.OrganizationId, "")).Select(o => (IReadOnlyList<string>)
                [
                    names.GetValueOrDefault(o.OrganizationId, ""), o.Active.ToString(), o.Stalled.ToString(), o.MissingFeedback.ToString(),
                    o.OverdueContacts.ToString(), o.LowRatings.ToString(),
                ]));
            details = $"пары под наблюдением по организациям, {RussianPlural.Format(rows.Count, "организация", "организации", "организаций")}";
        }
        await db.AuditAsync(AuditAction.Export, nameof(MentoringGroup), "", scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null, details);
        return File(content, XlsxWriter.ContentType, $"watch-{today:yyyyMMdd}.xlsx");
    }

    private static string YesNo(bool value) => value ? "да" : "";

    private DateOnly Today() => DateOnly.FromDateTime(MoscowTime.From(clock.GetUtcNow()));

    /// <summary>The schools whose pairs the user sees by name: where they are head or curator.</summary>
    private static WatchNodes StaffNodes(Scope scope) => WatchNodes.OfOrganizations(scope.OrganizationIdsFor(Role.OrgHead, Role.Curator));

    private static WatchNodes TerritoryNodes(Scope scope) => new([],
        scope.Assignments.Where(a => a.Role == Role.MunicipalCoordinator && a.MunicipalityId is not null).Select(a => a.MunicipalityId!.Value).Distinct().ToArray(),
        scope.Assignments.Where(a => a.Role == Role.RegionAdmin && a.RegionId is not null).Select(a => a.RegionId!.Value).Distinct().ToArray());

    private static IQueryable<WatchRow> Filter(IQueryable<WatchRow> rows, string list) => list switch
    {
        "feedback" => rows.Where(r => r.MissingFeedback),
        "contacts" => rows.Where(r => r.OverdueContacts),
        "ratings" => rows.Where(r => r.LowRatings),
        _ => rows.Where(r => r.Stalled),
    };

    private static WatchQuery.Totals Sum(IReadOnlyCollection<WatchQuery.OrganizationTotals> rows) => new(
        rows.Sum(o => o.Active), rows.Sum(o => o.Stalled), rows.Sum(o => o.MissingFeedback), rows.Sum(o => o.OverdueContacts), rows.Sum(o => o.LowRatings));

    private async Task<Dictionary<long, PairRow>> NamesAsync(Scope scope, IReadOnlyCollection<WatchRow> rows)
    {
        var flags = rows.ToDictionary(r => r.GroupId);
        var ids = flags.Keys.ToList();
        var pairs = await db.MentoringGroups.AsNoTracking().InScope(scope).Where(g => ids.Contains(g.Id))
            .Select(g => new
            {
                g.Id, g.Organization.ShortName, g.StartDate,
                Mentors = g.Members.Where(m => m.Role == MemberRole.Mentor).Select(m => m.Person.LastName + " " + m.Person.FirstName + " " + m.Person.MiddleName).ToList(),
                Mentees = g.Members.Where(m => m.Role == MemberRole.Mentee).Select(m => m.Person.LastName + " " + m.Person.FirstName + " " + m.Person.MiddleName).ToList(),
            })
            .ToListAsync();
        return pairs.ToDictionary(p => p.Id, p => new PairRow(p.Id, p.ShortName, string.Join(", ", p.Mentors), string.Join(", ", p.Mentees), p.StartDate, flags[p.Id]));
    }

    public sealed record PairRow(long Id, string Organization, string Mentors, string Mentees, DateOnly StartDate, WatchRow Row);

    public sealed record OrganizationRow(string Name, WatchQuery.OrganizationTotals Totals);
}

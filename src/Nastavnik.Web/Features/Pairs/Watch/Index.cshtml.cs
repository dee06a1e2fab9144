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
    public PagedList<WatchedPair> Pairs { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public PagedList<OrganizationTotals> Organizations { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? list, int page = 1)
    {
        List = Lists.Any(l => l.Code == list) ? list! : "stalled";
        var scope = await me.GetScopeAsync();
        var today = Today();
        var staff = StaffNodes(scope);
        ShowsPairs = staff.Organizations.Length > 0;
        if (ShowsPairs)
        {
            // The counts come from watch_totals; the chosen list's count is among them, so one more statement fetches
            // the page of pairs from pair_watch with the members' names.
            var organizations = await WatchQuery.PerOrganizationAsync(db, staff, today);
            PairTotals = WatchQuery.Sum(organizations);
            var total = List switch
            {
                "feedback" => PairTotals.MissingFeedback,
                "contacts" => PairTotals.OverdueContacts,
                "ratings" => PairTotals.LowRatings,
                _ => PairTotals.Stalled,
            };
            var pageCount = Math.Max(1, (total + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
            page = Math.Clamp(page, 1, pageCount);
            var names = organizations.ToDictionary(o => o.OrganizationId, o => o.Name);
            var items = total == 0 ? [] : await WatchQuery.PairsAsync(db, names, List, (page - 1) * Paging.DefaultPageSize, Paging.DefaultPageSize);
            Pairs = new PagedList<WatchedPair>(items, page, Paging.DefaultPageSize, total);
            // Only the school's list shows names; the territories' counts per organization are not personal data.
            await db.AuditListAsync(nameof(MentoringGroup), items.Select(p => p.Row.GroupId).ToList(),
                scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null, "пары под наблюдением, просмотр");
        }
        var territory = TerritoryNodes(scope);
        ShowsOrganizations = territory.Municipalities.Length > 0 || territory.Regions.Length > 0;
        if (ShowsOrganizations)
        {
            // One statement reads the counts per organization (kept in watch_totals); totals and paging over its rows here.
            var all = (await WatchQuery.PerOrganizationAsync(db, territory, today)).Where(o => o.Active > 0).ToList();
            TerritoryTotals = WatchQuery.Sum(all);
            var ordered = all.OrderByDescending(o => o.OverdueContacts + o.Stalled + o.MissingFeedback + o.LowRatings).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.OrganizationId).ToList();
            var pageCount = Math.Max(1, (ordered.Count + Paging.DefaultPageSize - 1) / Paging.DefaultPageSize);
            page = Math.Clamp(page, 1, pageCount);
            Organizations = new PagedList<OrganizationTotals>(
                ordered.Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToList(), page, Paging.DefaultPageSize, ordered.Count);
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
            var organizations = (await WatchQuery.PerOrganizationAsync(db, staff, today)).ToDictionary(o => o.OrganizationId, o => o.Name);
            var flagged = await WatchQuery.PairsAsync(db, organizations, null, 0, MaxExportRows);
            content = XlsxWriter.Write("Пары под наблюдением",
                ["Организация", "Наставник", "Наставляемый", "Начало", "Нет встреч 30 дней", "Нет обратной связи", "Контакты просрочены", "Низкие оценки"],
                flagged.Select(p => (IReadOnlyList<string>)
                [
                    p.Organization, p.Row.Mentors, p.Row.Mentees, p.Row.StartDate.ToString("dd.MM.yyyy"),
                    YesNo(p.Row.Stalled), YesNo(p.Row.MissingFeedback), YesNo(p.Row.OverdueContacts), YesNo(p.Row.LowRatings),
                ]));
            details = $"пары под наблюдением, {RussianPlural.Format(flagged.Count, "пара", "пары", "пар")}";
        }
        else
        {
            var rows = (await WatchQuery.PerOrganizationAsync(db, TerritoryNodes(scope), today)).Where(o => o.Active > 0).ToList();
            content = XlsxWriter.Write("Пары под наблюдением",
                ["Организация", "Действующих пар", "Нет встреч 30 дней", "Нет обратной связи", "Контакты просрочены", "Низкие оценки"],
                rows.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => (IReadOnlyList<string>)
                [
                    o.Name, o.Active.ToString(), o.Stalled.ToString(), o.MissingFeedback.ToString(),
                    o.OverdueContacts.ToString(), o.LowRatings.ToString(),
                ]));
            details = $"пары под наблюдением по организациям, {RussianPlural.Format(rows.Count, "организация", "организации", "организаций")}";
        }
        await db.AuditAsync(AuditAction.Export, nameof(MentoringGroup), "", scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null, details);
        return File(content, XlsxWriter.ContentType, $"watch-{today:yyyyMMdd}.xlsx");
    }

    private static string YesNo(bool value) => value ? "да" : "";

    private DateOnly Today() => clock.MoscowToday();

    /// <summary>The schools whose pairs the user sees by name: where they are head or curator.</summary>
    private static WatchNodes StaffNodes(Scope scope) => WatchNodes.OfOrganizations(scope.OrganizationIdsFor(Role.OrgHead, Role.Curator));

    private static WatchNodes TerritoryNodes(Scope scope) => new([],
        scope.Assignments.Where(a => a.Role == Role.MunicipalCoordinator && a.MunicipalityId is not null).Select(a => a.MunicipalityId!.Value).Distinct().ToArray(),
        scope.Assignments.Where(a => a.Role == Role.RegionAdmin && a.RegionId is not null).Select(a => a.RegionId!.Value).Distinct().ToArray());



}

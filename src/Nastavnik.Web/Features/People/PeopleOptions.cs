using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.People;

/// <summary>Pickers of the bases' pages, each filtered to what the user keeps.</summary>
public static class PeopleOptions
{
    /// <summary>The organizations whose bases the user keeps (head or curator there).</summary>
    public static long[] Organizations(Scope scope) => scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();

    public static async Task<List<SelectListItem>> ProgramsAsync(NastavnikDb db, Scope scope)
    {
        var organizations = Organizations(scope);
        return await db.Programs.AsNoTracking().InScope(scope).Where(p => organizations.Contains(p.OrganizationId))
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync();
    }

    /// <summary>Seeded topics, the region's and the organization's own, of one family (or both).</summary>
    public static async Task<List<SelectListItem>> TopicsAsync(NastavnikDb db, Scope scope, ModelFamily? family = null)
    {
        var organizations = Organizations(scope);
        var regions = scope.Assignments.Where(a => a.RegionId != null).Select(a => a.RegionId!.Value).Distinct().ToArray();
        var query = db.Topics.AsNoTracking().Where(t => t.IsActive && (t.OrganizationId == null || organizations.Contains(t.OrganizationId.Value))
            && (t.RegionId == null || regions.Contains(t.RegionId.Value)));
        if (family is { } f) query = query.Where(t => t.Family == f);
        return await query.OrderBy(t => t.Family).ThenBy(t => t.Id)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync();
    }

    public static async Task<List<SelectListItem>> PartnersAsync(NastavnikDb db, Scope scope)
    {
        var organizations = Organizations(scope);
        var regions = await db.Organizations.Where(o => organizations.Contains(o.Id)).Select(o => o.RegionId).Distinct().ToListAsync();
        return await db.Partners.AsNoTracking().Where(p => regions.Contains(p.RegionId)).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync();
    }

    public static async Task<List<SelectListItem>> OrganizationsAsync(NastavnikDb db, Scope scope)
    {
        var ids = Organizations(scope);
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.ShortName).ThenBy(o => o.Id)
            .Select(o => new SelectListItem(o.ShortName, o.Id.ToString())).ToListAsync();
    }

    /// <summary>ILIKE pattern for a surname prefix, wildcards escaped: «Ив» finds «Иванов», not «Сиваков».</summary>
    public static string Prefix(string text) =>
        text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

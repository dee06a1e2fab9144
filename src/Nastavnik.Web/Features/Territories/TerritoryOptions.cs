using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Territories;

/// <summary>Dropdown options of the territory pages. Every territory list goes through the user's scope.</summary>
public static class TerritoryOptions
{
    /// <summary>Regions the user sees anything in: list filters.</summary>
    public static Task<List<SelectListItem>> VisibleRegionsAsync(NastavnikDb db, Scope scope) =>
        db.Regions.AsNoTracking().InScope(scope)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString()))
            .ToListAsync();

    /// <summary>
    /// Regions whose municipalities and partners the user manages: all for a system administrator, their own for a
    /// region administrator. A coordinator sees the region but does not manage it.
    /// </summary>
    public static Task<List<SelectListItem>> ManagedRegionsAsync(NastavnikDb db, Scope scope)
    {
        var query = db.Regions.AsNoTracking().InScope(scope);
        if (!scope.IsSystem)
        {
            var regions = scope.RegionIds.ToArray();
            query = query.Where(r => regions.Contains(r.Id));
        }
        return query.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString()))
            .ToListAsync();
    }

    /// <summary>Municipalities in scope, optionally of one region; grouped by region when there are several.</summary>
    public static async Task<List<SelectListItem>> MunicipalitiesAsync(NastavnikDb db, Scope scope, long? regionId = null)
    {
        var query = db.Municipalities.AsNoTracking().InScope(scope);
        if (regionId is { } r) query = query.Where(m => m.RegionId == r);
        var rows = await query.OrderBy(m => m.Region.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.RegionId, Region = m.Region.Name })
            .ToListAsync();
        var groups = rows.Select(m => m.RegionId).Distinct().Count() > 1
            ? rows.GroupBy(m => m.RegionId).ToDictionary(g => g.Key, g => new SelectListGroup { Name = g.First().Region })
            : null;
        return rows.Select(m => new SelectListItem(m.Name, m.Id.ToString()) { Group = groups?[m.RegionId] }).ToList();
    }

    public static List<SelectListItem> OrganizationTypes() =>
        Enum.GetValues<OrganizationType>().Select(t => new SelectListItem(t.Title(), t.ToString())).ToList();

    public static List<SelectListItem> PartnerTypes() =>
        Enum.GetValues<PartnerType>().Select(t => new SelectListItem(t.Title(), t.ToString())).ToList();

    public static List<SelectListItem> MunicipalityKinds() =>
        Enum.GetValues<MunicipalityKind>().Select(k => new SelectListItem(k.Title(), k.ToString())).ToList();

    /// <summary>True when <paramref name="id"/> is one of the offered options: a posted id is trusted no further.</summary>
    public static bool Offers(this IEnumerable<SelectListItem> options, long? id) =>
        id is { } v && options.Any(o => o.Value == v.ToString());

    /// <summary>Marks the option with the given value as selected: filter forms have no model property to bind to.</summary>
    public static List<SelectListItem> WithSelected(this List<SelectListItem> options, object? value)
    {
        var text = value?.ToString();
        foreach (var o in options) o.Selected = o.Value == text;
        return options;
    }
}

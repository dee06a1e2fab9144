using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Features.Shared;

/// <summary>One page of a long list, with what the pager needs to render «Показано 21–40 из 134».</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int From => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int To => Math.Min(Total, Page * PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Counts, clamps the page number into range and fetches that page. The query must be ordered.</summary>
    public static async Task<PagedList<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>ILIKE pattern for a user's search text, with the wildcard characters escaped.</summary>
    public static string Like(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Nastavnik.Web.Features.Shared;

public sealed class PagerModel(HttpRequest request, int page, int pageCount, int total, int from, int to)
{
    public int Page { get; } = page;
    public int PageCount { get; } = pageCount;
    public int Total { get; } = total;
    public int From { get; } = from;
    public int To { get; } = to;

    public static PagerModel For<T>(HttpRequest request, PagedList<T> list) =>
        new(request, list.Page, list.PageCount, list.Total, list.From, list.To);

    public IEnumerable<int> Window()
    {
        var start = Math.Max(1, Page - 3);
        var end = Math.Min(PageCount, Page + 3);
        for (var p = start; p <= end; p++) yield return p;
    }

    public string Url(int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (key.Equals("page", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var v in values) builder.Add(key, v ?? "");
        }
        builder.Add("page", page.ToString());
        return request.PathBase + request.Path + builder.ToQueryString();
    }
}

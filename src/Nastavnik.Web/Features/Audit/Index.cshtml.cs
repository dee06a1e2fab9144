using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Audit;

/// <summary>The audit log in the admin's scope, newest first, with filters and an .xlsx export of what they select.</summary>
[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class IndexModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    /// <summary>An export is one sheet built in memory; a larger selection has to be narrowed by the filters.</summary>
    public const int MaxExportRows = 100_000;

    public AuditFilter Filter { get; private set; } = new();
    public PagedList<Row> List { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<SelectListItem> Actions { get; } =
        Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.Title(), a.ToString())).ToList();
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] AuditFilter filter, [FromQuery] int page = 1)
    {
        Filter = filter;
        EntityTypes = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => !t.IsGenericType && t != typeof(DataProtectionKey))
            .Select(t => t.Name).Order().ToList();
        List = await (await QueryAsync(filter)).ToPagedAsync(page, PageSize);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] AuditFilter filter)
    {
        var scope = await me.GetScopeAsync();
        var rows = await (await QueryAsync(filter)).Take(MaxExportRows).ToListAsync();
        var content = AuditWorkbook.Write(rows);
        await db.AuditAsync(AuditAction.Export, nameof(AuditEntry), "", scope.IsSystem ? null : scope.RegionIds.Order().First(),
            $"журнал аудита, записей: {rows.Count}; {filter.Describe()}");
        var name = $"audit-{MoscowTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.xlsx";
        return File(content, XlsxWriter.ContentType, name);
    }

    private async Task<IQueryable<Row>> QueryAsync(AuditFilter f)
    {
        var scope = await me.GetScopeAsync();
        var query = db.AuditEntries.AsNoTracking().InScope(scope);
        if (f.From is { } from)
        {
            var start = MoscowTime.StartOfDay(from);
            query = query.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = MoscowTime.StartOfDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var pattern = Paging.Like(f.User);
            query = query.Where(a => EF.Functions.ILike(a.UserName, pattern)
                || db.Users.Any(u => u.Id == a.UserId && (EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.UserName!, pattern))));
        }
        if (f.Action is { } action) query = query.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            var type = f.Type.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            var entityId = f.EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.At, a.UserId == null ? a.UserName : db.Users.Where(u => u.Id == a.UserId).Select(u => u.UserName).FirstOrDefault() ?? "", db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(),
                a.Action, a.EntityType, a.EntityId, a.Details, a.Ip));
    }

    public sealed record Row(DateTimeOffset At, string UserName, string? FullName, AuditAction Action, string EntityType,
        string EntityId, string Details, string Ip);

    /// <summary>The filter form, bound from the query string (?from=…&amp;to=…&amp;user=…).</summary>
    public sealed class AuditFilter
    {
        /// <summary>First Moscow day of the period.</summary>
        public DateOnly? From { get; set; }
        /// <summary>Last Moscow day of the period, inclusive.</summary>
        public DateOnly? To { get; set; }
        /// <summary>Part of the login or of the ФИО.</summary>
        public string? User { get; set; }
        public AuditAction? Action { get; set; }
        public string? Type { get; set; }
        public string? EntityId { get; set; }

        public string Describe()
        {
            var parts = new List<string>();
            if (From is { } from) parts.Add($"с {from:dd.MM.yyyy}");
            if (To is { } to) parts.Add($"по {to:dd.MM.yyyy}");
            // The typed search text may be a person's name: the log keeps only that a user filter was set.
            if (!string.IsNullOrWhiteSpace(User)) parts.Add("по пользователю");
            if (Action is { } action) parts.Add($"действие «{action.Title()}»");
            if (!string.IsNullOrWhiteSpace(Type)) parts.Add($"объект {Type.Trim()}");
            if (!string.IsNullOrWhiteSpace(EntityId)) parts.Add($"id {EntityId.Trim()}");
            return parts.Count == 0 ? "без фильтров" : "фильтр: " + string.Join(", ", parts);
        }
    }
}

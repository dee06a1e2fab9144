using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>The signed-in user's own notifications (deadline reminders), newest first; unread ones in bold.</summary>
[Access]
public class NotificationsModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public PagedList<Row> List { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public int UnreadCount { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1)
    {
        if (me.Id is not { } userId) return Forbid();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        UnreadCount = await mine.CountAsync(n => n.ReadAt == null);
        List = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt == null))
            .ToPagedAsync(page);
        return Page();
    }

    /// <summary>«Отметить прочитанными»: every unread notification of the user.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (me.Id is not { } userId) return Forbid();
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync();
        var now = clock.GetUtcNow();
        foreach (var n in unread) n.ReadAt = now;
        await db.SaveChangesAsync();
        TempData["Message"] = unread.Count == 0
            ? "Непрочитанных уведомлений нет."
            : $"Отмечено прочитанными: {RussianPlural.Format(unread.Count, "уведомление", "уведомления", "уведомлений")}.";
        return RedirectToPage();
    }

    public sealed record Row(long Id, string Text, string Link, DateTimeOffset CreatedAt, bool Unread);
}

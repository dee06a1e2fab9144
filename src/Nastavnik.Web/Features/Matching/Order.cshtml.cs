using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching;

/// <summary>The order «О закреплении наставнических пар (групп)» of an approved run: its content, and the .docx download (an audited export).</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MatchRun)]
public class OrderModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public PairOrder Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var order = await PairOrder.LoadAsync(db, await me.GetScopeAsync(), id, HttpContext.RequestAborted);
        if (order is null) return NotFound();
        Order = order;
        if (order.Status == MatchRunStatus.Approved)
        {
            await db.AuditAsync(AuditAction.Read, nameof(MatchRun), id.ToString(), order.RegionId, "приказ о закреплении наставнических пар (просмотр)");
        }
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(long id)
    {
        var order = await PairOrder.LoadAsync(db, await me.GetScopeAsync(), id, HttpContext.RequestAborted);
        // Only an approved run has an order: before approval there are no pairs, no number and no date.
        if (order is null || order.Status != MatchRunStatus.Approved) return NotFound();
        var fileName = $"prikaz-pary-{id}.docx";
        var content = OrderDocument.Write(order);
        await db.AuditAsync(AuditAction.Export, nameof(MatchRun), id.ToString(), order.RegionId,
            $"приказ «{OrderDocument.Title}» от {order.OrderDate:dd.MM.yyyy} № {order.OrderNumber}, " +
            $"{RussianPlural.Format(order.Rows.Count, "строка", "строки", "строк")}, файл {fileName}");
        return File(content, DocxWriter.ContentType, fileName);
    }
}

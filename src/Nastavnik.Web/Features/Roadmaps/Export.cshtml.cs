using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>Download of one roadmap as .docx in the official layout or as .xlsx with the same columns.</summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.Roadmap)]
public class ExportModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public ExportRoadmap Roadmap { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var roadmap = await ExportRoadmap.LoadAsync(db, await me.GetScopeAsync(), id, HttpContext.RequestAborted);
        if (roadmap is null) return NotFound();
        Roadmap = roadmap;
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(long id)
    {
        var roadmap = await ExportRoadmap.LoadAsync(db, await me.GetScopeAsync(), id, HttpContext.RequestAborted);
        if (roadmap is null) return NotFound();
        var fileName = $"roadmap-{id}.docx";
        var content = ExportDocument.Write(roadmap);
        await AuditAsync(roadmap, fileName);
        return File(content, DocxWriter.ContentType, fileName);
    }

    public async Task<IActionResult> OnGetXlsxAsync(long id)
    {
        var roadmap = await ExportRoadmap.LoadAsync(db, await me.GetScopeAsync(), id, HttpContext.RequestAborted);
        if (roadmap is null) return NotFound();
        var fileName = $"roadmap-{id}.xlsx";
        var content = ExportWorkbook.Write(roadmap);
        await AuditAsync(roadmap, fileName);
        return File(content, XlsxWriter.ContentType, fileName);
    }

    private Task AuditAsync(ExportRoadmap roadmap, string fileName) =>
        db.AuditAsync(AuditAction.Export, nameof(Roadmap), roadmap.Id.ToString(), roadmap.RegionId,
            $"дорожная карта «{roadmap.Title}», {RussianPlural.Format(roadmap.Items.Count, "мероприятие", "мероприятия", "мероприятий")}, файл {fileName}");
}

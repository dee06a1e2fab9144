using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// The execution record of one occurrence: status, the day it was done, a comment, and evidence (files and links).
/// It is kept by the organization the occurrence is addressed to, or by the node's users for a municipal or
/// regional one (<see cref="RoadmapWorkflow.MayRecord"/>), and only while the plan is live (agreed or approved).
/// Everyone who sees the occurrence sees the record and downloads its files.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.RoadmapOccurrence)]
public class OccurrenceModel(NastavnikDb db, CurrentUser me, IOptions<NastavnikOptions> options, TimeProvider clock) : PageModel
{
    public RecordForm Form { get; set; } = new();
    public string? Link { get; set; }
    public Details Info { get; private set; } = null!;
    public List<EvidenceRow> Evidence { get; private set; } = [];
    /// <summary>Why the user may not change the record now, or null when they may.</summary>
    public string? Refusal { get; private set; }
    public string MaxSize => SpreadsheetReader.SizeText(options.Value.MaxUploadBytes);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form = new RecordForm { Status = Info.Status, DoneOn = Info.DoneOn, Comment = Info.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, [Bind(Prefix = nameof(Form))] RecordForm form)
    {
        Form = form;
        var (occurrence, refused) = await ChangeAsync(id);
        if (refused is not null) return refused;
        var today = Today();
        if (form.Status == OccurrenceStatus.Done && form.DoneOn > today)
        {
            ModelState.AddModelError("Form.DoneOn", "Дата выполнения не может быть позже сегодняшнего дня");
        }
        if (!ModelState.IsValid) return await PageAsync(id);
        occurrence!.Status = form.Status;
        // The day of execution belongs to «выполнено» only; it decides whether it was on time.
        occurrence.DoneOn = form.Status == OccurrenceStatus.Done ? form.DoneOn ?? today : null;
        occurrence.Comment = form.Comment?.Trim() ?? "";
        Touch(occurrence);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Отметка сохранена: {occurrence.Status.Title().ToLowerInvariant()}";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkAsync(long id, string? link)
    {
        Link = link;
        var (occurrence, refused) = await ChangeAsync(id);
        if (refused is not null) return refused;
        var url = link?.Trim() ?? "";
        if (url.Length == 0)
        {
            ModelState.AddModelError(nameof(Link), "Укажите ссылку");
        }
        else if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            ModelState.AddModelError(nameof(Link), "Ссылка должна быть адресом в интернете, начинающимся с http:// или https://");
        }
        if (!ModelState.IsValid) return await PageAsync(id);
        occurrence!.Evidence.Add(new RoadmapEvidence { Kind = "link", Url = url, UserId = me.Id });
        Touch(occurrence);
        await db.SaveChangesAsync();
        TempData["Message"] = "Ссылка добавлена";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? evidenceFile)
    {
        var (occurrence, refused) = await ChangeAsync(id);
        if (refused is not null) return refused;
        var max = options.Value.MaxUploadBytes;
        if (evidenceFile is null) ModelState.AddModelError(nameof(evidenceFile), "Выберите файл");
        else if (evidenceFile.Length == 0) ModelState.AddModelError(nameof(evidenceFile), "Файл пустой");
        else if (evidenceFile.Length > max) ModelState.AddModelError(nameof(evidenceFile), $"Файл больше {SpreadsheetReader.SizeText(max)}: загрузите файл поменьше или дайте ссылку");
        if (!ModelState.IsValid) return await PageAsync(id);
        using var buffer = new MemoryStream();
        await evidenceFile!.CopyToAsync(buffer);
        var name = Path.GetFileName(evidenceFile.FileName);
        occurrence!.Evidence.Add(new RoadmapEvidence
        {
            Kind = "file", FileName = name.Length > 300 ? name[^300..] : name,
            ContentType = evidenceFile.ContentType.Length > 200 ? "" : evidenceFile.ContentType, Content = buffer.ToArray(), UserId = me.Id,
        });
        Touch(occurrence);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Файл «{name}» загружен";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long evidenceId)
    {
        var (occurrence, refused) = await ChangeAsync(id);
        if (refused is not null) return refused;
        var evidence = await db.RoadmapEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.OccurrenceId == id);
        if (evidence is null) return NotFound();
        db.RoadmapEvidence.Remove(evidence);
        Touch(occurrence!);
        await db.SaveChangesAsync();
        TempData["Message"] = evidence.Kind == "file" ? $"Файл «{evidence.FileName}» удалён" : "Ссылка удалена";
        return RedirectToPage(new { id });
    }

    /// <summary>Downloads an evidence file. Served as an attachment of no particular type: an uploaded page never runs here.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long evidenceId)
    {
        var scope = await me.GetScopeAsync();
        var occurrences = db.RoadmapOccurrences.InScope(scope).Where(o => o.Id == id);
        var file = await db.RoadmapEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.Kind == "file" && occurrences.Any(o => o.Id == e.OccurrenceId))
            .Select(e => new { e.FileName, e.Content, RegionId = db.RoadmapOccurrences.Where(o => o.Id == e.OccurrenceId).Select(o => o.RegionId).FirstOrDefault() }).SingleOrDefaultAsync();
        if (file?.Content is null) return NotFound();
        // An evidence file may hold anyone's data (lists, photos): its download is logged, by id, not by file name.
        await db.AuditAsync(AuditAction.Export, nameof(RoadmapEvidence), evidenceId.ToString(), file.RegionId, $"подтверждение исполнения, мероприятие {id}");
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, "application/octet-stream", file.FileName);
    }

    /// <summary>Loads the occurrence for a change: 404 outside the scope, 403 for a user who does not keep it, a message when the plan is not live.</summary>
    private async Task<(RoadmapOccurrence? Occurrence, IActionResult? Refused)> ChangeAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var occurrence = await db.RoadmapOccurrences.InScope(scope).Include(o => o.Roadmap).SingleOrDefaultAsync(o => o.Id == id);
        if (occurrence is null) return (null, NotFound());
        if (!RoadmapWorkflow.MayRecord(scope, RoadmapCopies.NodeOf(occurrence.Roadmap), occurrence.OrganizationId, occurrence.MunicipalityId))
        {
            return (null, Forbid());
        }
        if (LiveRefusal(occurrence.Roadmap.Status) is { } error)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", error);
            return (null, await PageAsync(id));
        }
        return (occurrence, null);
    }

    private void Touch(RoadmapOccurrence occurrence)
    {
        occurrence.UpdatedByUserId = me.Id;
        occurrence.UpdatedAt = clock.GetUtcNow();
    }

    private DateOnly Today() => clock.MoscowToday();

    private static string? LiveRefusal(RoadmapStatus status) => RoadmapWorkflow.IsLive(status)
        ? null
        : $"Отметки об исполнении ведутся по согласованной или утверждённой дорожной карте; эта — в статусе «{status.Title()}».";

    private async Task<IActionResult> PageAsync(long id) => await LoadAsync(id) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var info = await db.RoadmapOccurrences.AsNoTracking().InScope(scope).Where(o => o.Id == id)
            .Select(o => new Details(o.Id, o.RoadmapId, o.Roadmap.Title, o.Roadmap.Level, o.Roadmap.RegionId, o.Roadmap.Status,
                o.ItemId, o.Item.Number, o.Item.Title, o.Item.DeadlineText, o.Item.Result, o.OrganizationId, o.MunicipalityId,
                o.Organization != null ? o.Organization.ShortName : null, o.StartDate, o.DueDate, o.Status, o.DoneOn, o.Comment,
                db.Users.Where(u => u.Id == o.UpdatedByUserId).Select(u => u.FullName).FirstOrDefault(), o.UpdatedAt,
                o.Roadmap.MunicipalityId, o.Roadmap.OrganizationId))
            .SingleOrDefaultAsync();
        if (info is null) return false;
        Info = info;
        var node = new RoadmapNode(info.Level, info.RegionId, info.RoadmapMunicipalityId, info.RoadmapOrganizationId);
        Refusal = !RoadmapWorkflow.MayRecord(scope, node, info.OrganizationId, info.MunicipalityId)
            ? info.OrganizationId is not null
                ? "Отметку об исполнении ведёт организация, которой адресовано мероприятие."
                : "Отметку об исполнении ведут пользователи узла, которому принадлежит дорожная карта."
            : LiveRefusal(info.RoadmapStatus);
        Evidence = await db.RoadmapEvidence.AsNoTracking().Where(e => e.OccurrenceId == id).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceRow(e.Id, e.Kind, e.FileName, e.Content != null ? e.Content.Length : 0, e.Url, e.CreatedAt,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync();
        return true;
    }

    public static List<SelectListItem> Statuses() =>
        Enum.GetValues<OccurrenceStatus>().Select(s => new SelectListItem(s.Title(), s.ToString())).ToList();

    public sealed record Details(long Id, long RoadmapId, string RoadmapTitle, RoadmapLevel Level, long RegionId, RoadmapStatus RoadmapStatus,
        long ItemId, string ItemNumber, string ItemTitle, string DeadlineText, string Result, long? OrganizationId, long? MunicipalityId,
        string? Organization, DateOnly? StartDate, DateOnly? DueDate, OccurrenceStatus Status, DateOnly? DoneOn, string Comment,
        string? UpdatedBy, DateTimeOffset? UpdatedAt, long? RoadmapMunicipalityId, long? RoadmapOrganizationId);

    public sealed record EvidenceRow(long Id, string Kind, string FileName, int Size, string Url, DateTimeOffset CreatedAt, string? AddedBy);

    public sealed class RecordForm
    {
        public OccurrenceStatus Status { get; set; }
        public DateOnly? DoneOn { get; set; }
        [StringLength(4000, ErrorMessage = "Комментарий — не длиннее 4000 символов")] public string? Comment { get; set; }
    }
}

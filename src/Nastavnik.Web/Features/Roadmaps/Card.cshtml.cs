using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// A roadmap: header, sections with items and their execution, approval history, and the workflow actions the user
/// may take now. Each action reloads the roadmap through the scope (404 outside it), asks
/// <see cref="RoadmapWorkflow"/> whether the user's roles allow it (403) and whether the roadmap is still in the
/// status the user saw (a Russian message when it moved on meanwhile).
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.Roadmap)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public Header Roadmap { get; private set; } = null!;
    public List<SectionView> Sections { get; private set; } = [];
    public List<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<RoadmapAction> Actions { get; private set; } = [];
    public (long Id, int Version)? NewerVersion { get; private set; }
    public CommentForm Submit { get; set; } = new();
    public CommentForm Agree { get; set; } = new();
    public ReturnForm Return { get; set; } = new();
    public ApproveForm Approve { get; set; } = new();

    public bool May(RoadmapAction action) => Actions.Contains(action);

    public async Task<IActionResult> OnGetAsync(long id) => await PageAsync(id);

    public async Task<IActionResult> OnPostSubmitAsync(long id, [Bind(Prefix = nameof(Submit))] CommentForm form)
    {
        Submit = form;
        return await TransitionAsync(id, RoadmapAction.Submit, form.RowVersion, form.Comment, (_, _) => null,
            "Дорожная карта отправлена на согласование");
    }

    public async Task<IActionResult> OnPostAgreeAsync(long id, [Bind(Prefix = nameof(Agree))] CommentForm form)
    {
        Agree = form;
        return await TransitionAsync(id, RoadmapAction.Agree, form.RowVersion, form.Comment, (_, _) => null,
            "Дорожная карта согласована (в рамках компетенции)");
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, [Bind(Prefix = nameof(Return))] ReturnForm form)
    {
        Return = form;
        return await TransitionAsync(id, RoadmapAction.Return, form.RowVersion, form.Comment, (roadmap, change) =>
        {
            var items = roadmap.Items.Select(i => i.Id).ToHashSet();
            foreach (var (itemId, text) in form.ItemComments)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                // Only the roadmap's own items: a posted id is trusted no further.
                if (!items.Contains(itemId)) return "Замечание относится к пункту другой дорожной карты";
                if (text.Trim().Length > 4000) return "Замечание к пункту — не длиннее 4000 символов";
                change.ItemComments.Add(new RoadmapItemComment { ItemId = itemId, Comment = text.Trim() });
            }
            return null;
        }, "Дорожная карта возвращена на доработку");
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, [Bind(Prefix = nameof(Approve))] ApproveForm form)
    {
        Approve = form;
        var order = $"Приказ от {form.OrderDate?.ToString(RoadmapSchedules.DateFormat)} № {form.OrderNumber?.Trim()}";
        var comment = string.IsNullOrWhiteSpace(form.Comment) ? order : $"{order}. {form.Comment.Trim()}";
        return await TransitionAsync(id, RoadmapAction.Approve, form.RowVersion, comment, (roadmap, _) =>
        {
            roadmap.OrderNumber = form.OrderNumber!.Trim();
            roadmap.OrderDate = form.OrderDate;
            return null;
        }, "Дорожная карта утверждена");
    }

    public async Task<IActionResult> OnPostNewVersionAsync(long id, uint rowVersion)
    {
        var (roadmap, refused) = await ActionAsync(id, RoadmapAction.NewVersion, rowVersion);
        if (refused is not null) return refused;
        if (await RoadmapCopies.NewerVersionIdAsync(db, roadmap!) is not null)
        {
            return await RefuseAsync(id, "Новая версия этой дорожной карты уже создана");
        }
        var copy = await RoadmapCopies.AddNewVersionAsync(db, id);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Создана версия {copy.Version} (черновик). Предыдущая версия сохранена со своей историей.";
        return RedirectToPage(new { id = copy.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, uint rowVersion) =>
        await SetTemplateAsync(id, rowVersion, RoadmapAction.Publish, true, "Дорожная карта опубликована как шаблон");

    public async Task<IActionResult> OnPostUnpublishAsync(long id, uint rowVersion) =>
        await SetTemplateAsync(id, rowVersion, RoadmapAction.Unpublish, false, "Шаблон снят с публикации");

    private async Task<IActionResult> SetTemplateAsync(long id, uint rowVersion, RoadmapAction action, bool isTemplate, string message)
    {
        var (roadmap, refused) = await ActionAsync(id, action, rowVersion);
        if (refused is not null) return refused;
        roadmap!.IsTemplate = isTemplate;
        return await SaveAsync(id, message);
    }

    /// <summary>A status change: rights, the status the user saw, the form, then the new status and its history row.</summary>
    private async Task<IActionResult> TransitionAsync(long id, RoadmapAction action, uint rowVersion, string? comment,
        Func<Roadmap, RoadmapStatusChange, string?> apply, string message)
    {
        var (roadmap, refused) = await ActionAsync(id, action, rowVersion, withItems: true);
        if (refused is not null) return refused;
        if (!ModelState.IsValid) return await PageAsync(id);
        var change = new RoadmapStatusChange
        {
            FromStatus = roadmap!.Status, ToStatus = RoadmapWorkflow.Target(action)!.Value, Comment = comment?.Trim() ?? "", UserId = me.Id,
        };
        if (apply(roadmap, change) is { } error) return await RefuseAsync(id, error);
        roadmap.Status = change.ToStatus;
        roadmap.StatusChanges.Add(change);
        return await SaveAsync(id, message);
    }

    /// <summary>
    /// Loads the roadmap for an action: 404 outside the scope, 403 when the user's roles never allow the action on it,
    /// a message when the roadmap changed since the user saw it (another reviewer was faster).
    /// </summary>
    private async Task<(Roadmap? Roadmap, IActionResult? Refused)> ActionAsync(long id, RoadmapAction action, uint rowVersion, bool withItems = false)
    {
        var scope = await me.GetScopeAsync();
        var query = db.Roadmaps.InScope(scope);
        if (withItems) query = query.Include(r => r.Items);
        var roadmap = await query.SingleOrDefaultAsync(r => r.Id == id);
        if (roadmap is null) return (null, NotFound());
        if (!RoadmapWorkflow.Permits(scope, RoadmapCopies.NodeOf(roadmap), action)) return (null, Forbid());
        if (!RoadmapWorkflow.AppliesTo(roadmap.Level, roadmap.Status, roadmap.IsTemplate, action))
        {
            return (null, await RefuseAsync(id, $"Действие уже недоступно: дорожная карта сейчас в статусе «{roadmap.Status.Title()}». Обновите страницу."));
        }
        if (roadmap.RowVersion != rowVersion) return (null, await RefuseAsync(id, StaleSave.Message));
        return (roadmap, null);
    }

    private async Task<IActionResult> SaveAsync(long id, string message)
    {
        try
        {
            // xmin of the row as loaded: a change saved by someone else in between is refused, not overwritten.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(id, StaleSave.Message);
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(long id, string error)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", error);
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var header = await db.Roadmaps.AsNoTracking().InScope(scope).Where(r => r.Id == id)
            .Select(r => new Header(r.Id, r.Title, r.Level, r.RegionId, r.MunicipalityId, r.OrganizationId,
                r.Organization != null ? r.Organization.ShortName : r.Municipality != null ? r.Municipality.Name : r.Region.Name,
                r.Region.Name, r.PeriodStart, r.PeriodEnd, r.Basis, r.OrderNumber, r.OrderDate, r.Status, r.Version, r.IsTemplate,
                r.SourceRoadmapId, r.SourceFileName, r.RowVersion))
            .SingleOrDefaultAsync();
        if (header is null) return NotFound();
        Roadmap = header;
        var node = new RoadmapNode(header.Level, header.RegionId, header.MunicipalityId, header.OrganizationId);
        Actions = RoadmapWorkflow.Allowed(scope, node, header.Status, header.IsTemplate);
        if (header.SourceRoadmapId is { } sourceId)
        {
            Source = await db.Roadmaps.AsNoTracking().InScope(scope).Where(r => r.Id == sourceId)
                .Select(r => new SourceRef(r.Id, r.Title, r.Version, r.Level == header.Level && r.RegionId == header.RegionId
                    && r.MunicipalityId == header.MunicipalityId && r.OrganizationId == header.OrganizationId))
                .SingleOrDefaultAsync();
        }
        NewerVersion = (await db.Roadmaps.AsNoTracking().Where(r => r.SourceRoadmapId == id && r.Level == header.Level
                && r.RegionId == header.RegionId && r.MunicipalityId == header.MunicipalityId && r.OrganizationId == header.OrganizationId)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync()) is { } newer ? (newer.Id, newer.Version) : null;
        await LoadItemsAsync(id, scope);
        await LoadHistoryAsync(id);
        return Page();
    }

    public SourceRef? Source { get; private set; }

    private async Task LoadItemsAsync(long id, Scope scope)
    {
        var sections = await db.RoadmapSections.AsNoTracking().Where(s => s.RoadmapId == id).OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Number, s.Title }).ToListAsync();
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.RoadmapId == id).OrderBy(i => i.Position).ToListAsync();
        var dates = await db.RoadmapOccurrences.AsNoTracking().Where(o => o.RoadmapId == id)
            .Select(o => new { o.ItemId, o.StartDate, o.DueDate }).Distinct().ToListAsync();
        // The execution records the user keeps or follows one by one: an organization's own plan, the node's own
        // records and the user's organizations'. Those of other organizations (a municipal plan fanned out to every
        // school) are shown as counts.
        var own = scope.OrganizationIds.ToArray();
        var single = Roadmap.Level == RoadmapLevel.Organization;
        var records = await db.RoadmapOccurrences.AsNoTracking().InScope(scope)
            .Where(o => o.RoadmapId == id && (single || o.OrganizationId == null || own.Contains(o.OrganizationId.Value)))
            .OrderBy(o => o.DueDate).ThenBy(o => o.Id)
            .Select(o => new Record(o.Id, o.ItemId, o.Organization != null ? o.Organization.ShortName : null, o.StartDate, o.DueDate, o.Status))
            .ToListAsync();
        var others = await db.RoadmapOccurrences.AsNoTracking().InScope(scope)
            .Where(o => o.RoadmapId == id && !single && o.OrganizationId != null && !own.Contains(o.OrganizationId.Value))
            .GroupBy(o => o.ItemId)
            .Select(g => new { ItemId = g.Key, Total = g.Count(), Done = g.Count(o => o.Status == OccurrenceStatus.Done) })
            .ToDictionaryAsync(x => x.ItemId, x => (x.Total, x.Done));
        var lastReturn = Roadmap.Status == RoadmapStatus.Returned
            ? await db.RoadmapStatusChanges.AsNoTracking().Where(c => c.RoadmapId == id && c.ToStatus == RoadmapStatus.Returned)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync()
            : 0;
        var remarks = await db.RoadmapItemComments.AsNoTracking().Where(c => c.StatusChangeId == lastReturn)
            .Select(c => new { c.ItemId, c.Comment }).ToListAsync();

        ItemView View(RoadmapItem i) => new(i.Id, i.Number, i.Title, i.DeadlineText, i.DeadlineKind, i.DeadlineLowPrecision,
            i.DeadlineThenOnDemand, i.StartText, i.EndText,
            dates.Where(d => d.ItemId == i.Id && d.DueDate != null).OrderBy(d => d.DueDate).ThenBy(d => d.StartDate)
                .Select(d => RoadmapSchedules.DatesText(d.StartDate, d.DueDate)).ToList(),
            i.Responsible, i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization, i.Result, i.Stage, i.FanOut,
            records.Where(r => r.ItemId == i.Id).ToList(), others.GetValueOrDefault(i.Id),
            remarks.Where(r => r.ItemId == i.Id).Select(r => r.Comment).ToList());

        var unsectioned = items.Where(i => i.SectionId is null).Select(View).ToList();
        if (unsectioned.Count > 0) Sections.Add(new SectionView("", "", unsectioned));
        foreach (var s in sections) Sections.Add(new SectionView(s.Number, s.Title, items.Where(i => i.SectionId == s.Id).Select(View).ToList()));
    }

    private async Task LoadHistoryAsync(long id)
    {
        var changes = await db.RoadmapStatusChanges.AsNoTracking().Where(c => c.RoadmapId == id)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.At, Who = c.User != null ? c.User.FullName : null, c.FromStatus, c.ToStatus, c.Comment })
            .ToListAsync();
        var ids = changes.Select(c => c.Id).ToArray();
        var itemComments = await db.RoadmapItemComments.AsNoTracking().Where(c => ids.Contains(c.StatusChangeId))
            .Join(db.RoadmapItems, c => c.ItemId, i => i.Id, (c, i) => new { c.StatusChangeId, c.Id, i.Number, i.Title, c.Comment })
            .OrderBy(c => c.Id).ToListAsync();
        History = changes.Select(c => new HistoryEntry(c.At, c.Who ?? "система", c.FromStatus, c.ToStatus, c.Comment,
            itemComments.Where(x => x.StatusChangeId == c.Id).Select(x => new ItemRemark(x.Number, x.Title, x.Comment)).ToList())).ToList();
    }

    public sealed record Header(long Id, string Title, RoadmapLevel Level, long RegionId, long? MunicipalityId, long? OrganizationId,
        string Node, string Region, DateOnly PeriodStart, DateOnly PeriodEnd, string Basis, string OrderNumber, DateOnly? OrderDate,
        RoadmapStatus Status, int Version, bool IsTemplate, long? SourceRoadmapId, string SourceFileName, uint RowVersion);

    public sealed record SourceRef(long Id, string Title, int Version, bool IsPreviousVersion);

    public sealed record SectionView(string Number, string Title, List<ItemView> Items);

    public sealed record ItemView(long Id, string Number, string Title, string DeadlineText, DeadlineKind Kind, bool LowPrecision,
        bool ThenOnDemand, string StartText, string EndText, List<string> Dates, string Responsible, string? ResponsibleRegional,
        string? ResponsibleMunicipal, string? ResponsibleOrganization, string Result, int? Stage, bool FanOut, List<Record> Records,
        (int Total, int Done) Others, List<string> Remarks);

    public sealed record Record(long Id, long ItemId, string? Organization, DateOnly? StartDate, DateOnly? DueDate, OccurrenceStatus Status);

    public sealed record HistoryEntry(DateTimeOffset At, string Who, RoadmapStatus From, RoadmapStatus To, string Comment, List<ItemRemark> ItemComments);

    public sealed record ItemRemark(string Number, string Title, string Comment);

    public class CommentForm
    {
        /// <summary>The row version (xmin) the user saw; not the document's version number.</summary>
        public uint RowVersion { get; set; }
        [StringLength(4000, ErrorMessage = "Комментарий — не длиннее 4000 символов")] public string? Comment { get; set; }
    }

    public sealed class ReturnForm
    {
        public uint RowVersion { get; set; }
        [Required(ErrorMessage = "Укажите, что нужно исправить")]
        [StringLength(4000, ErrorMessage = "Комментарий — не длиннее 4000 символов")]
        public string? Comment { get; set; }
        /// <summary>Remarks per item, by item id.</summary>
        public Dictionary<long, string> ItemComments { get; set; } = [];
    }

    public sealed class ApproveForm
    {
        public uint RowVersion { get; set; }
        [Required(ErrorMessage = "Укажите номер приказа"), StringLength(100, ErrorMessage = "Номер приказа — не длиннее 100 символов")]
        public string? OrderNumber { get; set; }
        [Required(ErrorMessage = "Укажите дату приказа")] public DateOnly? OrderDate { get; set; }
        [StringLength(3000, ErrorMessage = "Комментарий — не длиннее 3000 символов")] public string? Comment { get; set; }
    }
}

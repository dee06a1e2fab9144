using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// A matching run: its progress while queued or running, then the proposal with every pair's score and «почему»,
/// the unmatched with reasons, and the curator's actions — lock, remove, manual pair, swap, re-run around the locks,
/// approve with the order's details, discard. Opening it is an audited read of personal data.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MatchRun)]
public class CardModel(NastavnikDb db, CurrentUser me, MatchRunSignal signal, TimeProvider clock) : PageModel
{
    public RunView Run { get; private set; } = null!;
    // Each action posts its own form; its handler binds only that prefix, so one form's rules do not fail another's.
    public ManualForm Manual { get; private set; } = new();
    public SwapForm Swap { get; private set; } = new();
    public ApproveForm Approve { get; private set; } = new();
    /// <summary>The hard filters a manual pair breaks, shown with the confirmation checkbox.</summary>
    public IReadOnlyList<string> ManualWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var run = await RunView.LoadAsync(db, await me.GetScopeAsync(), id);
        if (run is null) return NotFound();
        Run = run;
        Approve.StartDate ??= Today();
        Approve.OrderDate ??= Today();
        Approve.RowVersion = run.RowVersion;
        // While the worker is busy the card reloads itself every two seconds, without JavaScript.
        if (run.IsWorking) Response.Headers["Refresh"] = "2";
        // A queued run shows no one yet; once there is a proposal (or the pickers of a draft) the card is personal data.
        if (run.Pairs.Count > 0 || run.UnmatchedRows.Count > 0 || run.MenteeOptions.Count > 0)
        {
            await db.AuditAsync(AuditAction.Read, nameof(MatchRun), id.ToString(), run.RegionId,
                $"подбор пар «{run.Program}», {RussianPlural.Format(run.Pairs.Count, "пара", "пары", "пар")}");
        }
        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(long id, long proposalId) => EditProposalAsync(id, proposalId, p =>
    {
        if (p.MentorProfileId is null) return "Закрепить можно только пару";
        p.IsLocked = true;
        return null;
    }, "Пара закреплена: при пересчёте она сохранится");

    public Task<IActionResult> OnPostUnlockAsync(long id, long proposalId) => EditProposalAsync(id, proposalId, p =>
    {
        p.IsLocked = false;
        return null;
    }, "Пара откреплена");

    /// <summary>The mentee becomes unmatched, and that mentor is excluded for them (a re-run will not propose it again).</summary>
    public Task<IActionResult> OnPostRemoveAsync(long id, long proposalId) => EditProposalAsync(id, proposalId, p =>
    {
        if (p.MentorProfileId is not { } mentor) return "Наставляемый и так без пары";
        if (!p.MenteeProfile.ExcludedMentorProfileIds.Contains(mentor))
        {
            p.MenteeProfile.ExcludedMentorProfileIds = [.. p.MenteeProfile.ExcludedMentorProfileIds, mentor];
        }
        p.MentorProfileId = null;
        p.IsLocked = false;
        p.IsManual = false;
        p.Score = 0;
        p.Breakdown = "[]";
        p.Warnings = [];
        p.AlternativeMentorProfileId = null;
        p.AlternativeScore = null;
        p.UnmatchedReason = MatchRunWorker.UnmatchedRemoved;
        return null;
    }, "Пара удалена; при пересчёте этот наставник не будет предложен наставляемому");

    /// <summary>A manual pair: when it breaks a hard filter the warnings are shown and a confirmation is required.</summary>
    public async Task<IActionResult> OnPostManualAsync(long id, [Bind(Prefix = nameof(Manual))] ManualForm form)
    {
        Manual = form;
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status != MatchRunStatus.Draft) return await RefuseAsync(id, NotEditable(run));
        if (!ModelState.IsValid) return await PageAsync(id);
        var input = await InputAsync(run);
        var mentee = input.Mentees.FirstOrDefault(m => m.Id == Manual.MenteeProfileId);
        var mentor = input.Mentors.FirstOrDefault(m => m.Id == Manual.MentorProfileId);
        if (mentor is null) return await RefuseAsync(id, "Выберите наставника из базы наставников программы", "Manual.MentorProfileId");
        if (mentee is null)
        {
            var known = await db.MenteeProfiles.AnyAsync(m => m.Id == Manual.MenteeProfileId && m.ProgramId == run.ProgramId);
            return await RefuseAsync(id, known
                ? $"Наставляемый уже состоит в действующей паре формы «{Domain.People.Forms.NameOf(run.Form)}», выбыл или отозвал согласие"
                : "Выберите наставляемого из базы наставляемых программы", "Manual.MenteeProfileId");
        }
        var proposals = await db.MatchProposals.Where(p => p.RunId == run.Id).ToListAsync();
        var (score, breakdown, warnings) = Evaluate(input, proposals, mentee.Id, mentor.Id);
        if (warnings.Count > 0 && !Manual.Confirm)
        {
            ManualWarnings = warnings;
            return await RefuseAsync(id, "Пара нарушает условия подбора. Проверьте предупреждения и подтвердите пару.", "Manual.Confirm");
        }
        var row = proposals.FirstOrDefault(p => p.MenteeProfileId == mentee.Id);
        if (row is null)
        {
            row = new MatchProposal { RunId = run.Id, MenteeProfileId = mentee.Id };
            db.MatchProposals.Add(row);
        }
        SetPair(row, mentor.Id, score, breakdown, warnings);
        Touch(run);
        await db.SaveChangesAsync();
        TempData["Message"] = warnings.Count > 0 ? "Пара добавлена вручную с предупреждениями и закреплена" : "Пара добавлена вручную и закреплена";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>Exchanges the mentors of two mentees; both pairs become manual and locked, with fresh scores and warnings.</summary>
    public async Task<IActionResult> OnPostSwapAsync(long id, [Bind(Prefix = nameof(Swap))] SwapForm form)
    {
        Swap = form;
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status != MatchRunStatus.Draft) return await RefuseAsync(id, NotEditable(run));
        if (!ModelState.IsValid) return await PageAsync(id);
        var proposals = await db.MatchProposals.Where(p => p.RunId == run.Id).ToListAsync();
        var first = proposals.FirstOrDefault(p => p.Id == Swap.FirstProposalId && p.MentorProfileId is not null);
        var second = proposals.FirstOrDefault(p => p.Id == Swap.SecondProposalId && p.MentorProfileId is not null);
        if (first is null || second is null) return await RefuseAsync(id, "Выберите две пары этого подбора", "Swap.FirstProposalId");
        if (first.Id == second.Id || first.MentorProfileId == second.MentorProfileId)
        {
            return await RefuseAsync(id, "Выберите две пары с разными наставниками", "Swap.SecondProposalId");
        }
        var input = await InputAsync(run);
        var (a, b) = (first.MentorProfileId!.Value, second.MentorProfileId!.Value);
        first.MentorProfileId = b;
        second.MentorProfileId = a;
        foreach (var row in new[] { first, second })
        {
            var mentee = input.Mentees.FirstOrDefault(m => m.Id == row.MenteeProfileId);
            if (mentee is null || input.Mentors.All(m => m.Id != row.MentorProfileId))
            {
                SetPair(row, row.MentorProfileId!.Value, row.Score, Breakdown.Read(row.Breakdown), ["наставляемый или наставник больше не участвует в подборе"]);
                continue;
            }
            var (score, breakdown, warnings) = Evaluate(input, proposals, row.MenteeProfileId, row.MentorProfileId!.Value);
            SetPair(row, row.MentorProfileId!.Value, score, breakdown, warnings);
        }
        Touch(run);
        await db.SaveChangesAsync();
        TempData["Message"] = "Наставники поменяны местами; обе пары закреплены";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>«Пересчитать с учётом закреплённых»: back to the queue; locked pairs are kept, the others are incumbents.</summary>
    public async Task<IActionResult> OnPostRerunAsync(long id)
    {
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status is not (MatchRunStatus.Draft or MatchRunStatus.Failed)) return await RefuseAsync(id, NotEditable(run));
        run.Status = MatchRunStatus.Queued;
        run.Progress = 0;
        run.ProgressNote = "В очереди";
        run.Error = "";
        await db.SaveChangesAsync();
        signal.Wake();
        TempData["Message"] = "Подбор поставлен в очередь на пересчёт с учётом закреплённых пар";
        return RedirectToPage("Card", new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, [Bind(Prefix = nameof(Approve))] ApproveForm form)
    {
        Approve = form;
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status != MatchRunStatus.Draft) return await RefuseAsync(id, NotEditable(run));
        if (Approve.OrderDate is { } od && Approve.StartDate is { } sd && sd < od)
        {
            ModelState.AddModelError("Approve.StartDate", "Дата начала не может быть раньше даты приказа");
        }
        if (!ModelState.IsValid) return await PageAsync(id);
        db.Entry(run).Property(r => r.RowVersion).OriginalValue = Approve.RowVersion;
        string? error;
        await using (var tx = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            // Two approvals in one organization at the same moment would each pass the capacity and the one-pair-per-form
            // checks before either inserts: the organization's approvals take turns (the lock ends with the transaction).
            await db.Database.LockForTransactionAsync(AdvisoryLocks.MatchApprovalIn(run.OrganizationId), HttpContext.RequestAborted);
            error = await RunApproval.ApplyAsync(db, run, new RunApproval.Order(Approve.StartDate!.Value, Approve.OrderNumber!.Trim(), Approve.OrderDate!.Value),
                me.Id, clock.GetUtcNow(), HttpContext.RequestAborted);
            if (error is null)
            {
                try
                {
                    await db.SaveChangesAsync();
                    await tx.CommitAsync(HttpContext.RequestAborted);
                }
                catch (DbUpdateConcurrencyException)
                {
                    error = StaleSave.Message;
                }
            }
        }
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, error);
        }
        TempData["Message"] = "Пары утверждены; участники уведомлены. Приказ можно скачать.";
        return RedirectToPage("Card", new { id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(long id)
    {
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status is MatchRunStatus.Approved or MatchRunStatus.Discarded) return await RefuseAsync(id, NotEditable(run));
        run.Status = MatchRunStatus.Discarded;
        run.FinishedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Message"] = "Подбор отменён";
        return RedirectToPage("Card", new { id });
    }

    private async Task<IActionResult> EditProposalAsync(long id, long proposalId, Func<MatchProposal, string?> change, string done)
    {
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (run.Status != MatchRunStatus.Draft) return await RefuseAsync(id, NotEditable(run));
        var proposal = await db.MatchProposals.Include(p => p.MenteeProfile).SingleOrDefaultAsync(p => p.Id == proposalId && p.RunId == id);
        if (proposal is null) return await RefuseAsync(id, "Строка проекта не найдена: обновите страницу");
        if (change(proposal) is { } error) return await RefuseAsync(id, error);
        Touch(run);
        await db.SaveChangesAsync();
        TempData["Message"] = done;
        return RedirectToPage("Card", new { id });
    }

    private async Task<MatchRun?> EditableRunAsync(long id) =>
        await db.MatchRuns.InScope(await me.GetScopeAsync()).SingleOrDefaultAsync(r => r.Id == id);

    /// <summary>
    /// Any change to the proposal also writes the run row, so its row version moves on and an approval form opened
    /// before the change is refused as stale instead of approving pairs the curator did not see.
    /// </summary>
    private void Touch(MatchRun run) => db.Entry(run).Property(r => r.ProgressNote).IsModified = true;

    private Task<MatchInput> InputAsync(MatchRun run) =>
        MatchInputs.LoadAsync(db, run, [], Today(), HttpContext.RequestAborted, anyKind: true);

    /// <summary>Score and broken filters of a mentee with a mentor, the mentor's load counting this run's other pairs.</summary>
    private static (int Score, IReadOnlyList<ScoreFactor> Breakdown, List<string> Warnings) Evaluate(MatchInput input, List<MatchProposal> proposals,
        long menteeId, long mentorId)
    {
        var mentee = input.Mentees.Single(m => m.Id == menteeId);
        var mentor = input.Mentors.Single(m => m.Id == mentorId);
        var inRun = proposals.Count(p => p.MentorProfileId == mentorId && p.MenteeProfileId != menteeId);
        mentor = mentor with { Load = mentor.Load + inRun };
        var warnings = MatchFilters.Check(mentee, mentor, input.Rules).Select(f => f.Text).ToList();
        var (score, breakdown) = MatchScoring.Score(mentee, mentor, input.Rules);
        return (Math.Clamp(score, 0, 1000), breakdown, warnings);
    }

    private static void SetPair(MatchProposal row, long mentorId, int score, IReadOnlyList<ScoreFactor> breakdown, List<string> warnings)
    {
        row.MentorProfileId = mentorId;
        row.Score = score;
        row.Breakdown = Breakdown.Write(breakdown);
        row.Warnings = warnings;
        row.IsManual = true;
        row.IsLocked = true;
        row.AlternativeMentorProfileId = null;
        row.AlternativeScore = null;
        row.UnmatchedReason = "";
    }

    private static string NotEditable(MatchRun run) => $"Действие недоступно: статус подбора — «{run.Status.Title()}»";

    private async Task<IActionResult> RefuseAsync(long id, string error, string field = "")
    {
        ModelState.AddModelError(field, error);
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(long id)
    {
        var run = await RunView.LoadAsync(db, await me.GetScopeAsync(), id);
        if (run is null) return NotFound();
        Run = run;
        // A refused approval keeps what was typed, but the version is the one the curator now sees.
        Approve.StartDate ??= Today();
        Approve.OrderDate ??= Today();
        return Page();
    }

    private DateOnly Today() => clock.MoscowToday();

    public sealed class ManualForm
    {
        [Required(ErrorMessage = "Выберите наставляемого")] public long? MenteeProfileId { get; set; }
        [Required(ErrorMessage = "Выберите наставника")] public long? MentorProfileId { get; set; }
        public bool Confirm { get; set; }
    }

    public sealed class SwapForm
    {
        [Required(ErrorMessage = "Выберите первую пару")] public long? FirstProposalId { get; set; }
        [Required(ErrorMessage = "Выберите вторую пару")] public long? SecondProposalId { get; set; }
    }

    public sealed class ApproveForm
    {
        [Required(ErrorMessage = "Укажите дату начала работы пар")] public DateOnly? StartDate { get; set; }
        [Required(ErrorMessage = "Укажите номер приказа"), StringLength(50, ErrorMessage = "Номер приказа — не длиннее 50 символов")]
        public string? OrderNumber { get; set; }
        [Required(ErrorMessage = "Укажите дату приказа")] public DateOnly? OrderDate { get; set; }
        public uint RowVersion { get; set; }
    }
}

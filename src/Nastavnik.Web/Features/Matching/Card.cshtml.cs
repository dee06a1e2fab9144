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
        var (line, error) = ProposalRules.Lock(ToLine(p));
        if (error is null) Apply(p, line);
        return error;
    }, "Пара закреплена: при пересчёте она сохранится");

    public Task<IActionResult> OnPostUnlockAsync(long id, long proposalId) => EditProposalAsync(id, proposalId, p =>
    {
        var (line, error) = ProposalRules.Unlock(ToLine(p));
        Apply(p, line);
        return error;
    }, "Пара откреплена");

    /// <summary>The mentee becomes unmatched, and that mentor is excluded for them (a re-run will not propose it again).</summary>
    public Task<IActionResult> OnPostRemoveAsync(long id, long proposalId) => EditProposalAsync(id, proposalId, p =>
    {
        var (line, excluded, error) = ProposalRules.Remove(ToLine(p), p.MenteeProfile.ExcludedMentorProfileIds);
        if (error is not null) return error;
        if (excluded.Count != p.MenteeProfile.ExcludedMentorProfileIds.Length) p.MenteeProfile.ExcludedMentorProfileIds = [.. excluded];
        Apply(p, line);
        return null;
    }, "Пара удалена; при пересчёте этот наставник не будет предложен наставляемому");

    /// <summary>A manual pair: when it breaks a hard filter the warnings are shown and a confirmation is required.</summary>
    public async Task<IActionResult> OnPostManualAsync(long id, [Bind(Prefix = nameof(Manual))] ManualForm form)
    {
        Manual = form;
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (ProposalRules.Refusal(run.Status, RunAction.EditDraft) is { } refusal) return await RefuseAsync(id, refusal);
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
        var evaluation = ProposalRules.Evaluate(input, Assignments(proposals), mentee.Id, mentor.Id)!;
        var (line, error) = ProposalRules.AddManual(mentee.Id, mentor.Id, evaluation, Manual.Confirm);
        if (error is not null)
        {
            ManualWarnings = evaluation.Warnings;
            return await RefuseAsync(id, error.Message, $"{nameof(Manual)}.{error.Field}");
        }
        var row = proposals.FirstOrDefault(p => p.MenteeProfileId == mentee.Id);
        if (row is null)
        {
            row = new MatchProposal { RunId = run.Id, MenteeProfileId = mentee.Id };
            db.MatchProposals.Add(row);
        }
        Apply(row, line);
        Touch(run);
        await db.SaveChangesAsync();
        TempData["Message"] = line.Warnings.Count > 0 ? "Пара добавлена вручную с предупреждениями и закреплена" : "Пара добавлена вручную и закреплена";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>Exchanges the mentors of two mentees; both pairs become manual and locked, with fresh scores and warnings.</summary>
    public async Task<IActionResult> OnPostSwapAsync(long id, [Bind(Prefix = nameof(Swap))] SwapForm form)
    {
        Swap = form;
        var run = await EditableRunAsync(id);
        if (run is null) return NotFound();
        if (ProposalRules.Refusal(run.Status, RunAction.EditDraft) is { } refusal) return await RefuseAsync(id, refusal);
        if (!ModelState.IsValid) return await PageAsync(id);
        var proposals = await db.MatchProposals.Where(p => p.RunId == run.Id).ToListAsync();
        var first = proposals.FirstOrDefault(p => p.Id == Swap.FirstProposalId);
        var second = proposals.FirstOrDefault(p => p.Id == Swap.SecondProposalId);
        var (firstLine, secondLine) = (first is null ? null : ToLine(first), second is null ? null : ToLine(second));
        if (ProposalRules.CheckSwap(firstLine, secondLine) is { } error) return await RefuseAsync(id, error.Message, $"{nameof(Swap)}.{error.Field}");
        var input = await InputAsync(run);
        var (swappedFirst, swappedSecond) = ProposalRules.Swap(firstLine!, secondLine!, input, Assignments(proposals));
        Apply(first!, swappedFirst);
        Apply(second!, swappedSecond);
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
        if (ProposalRules.Refusal(run.Status, RunAction.Rerun) is { } refusal) return await RefuseAsync(id, refusal);
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
        if (ProposalRules.Refusal(run.Status, RunAction.EditDraft) is { } refusal) return await RefuseAsync(id, refusal);
        if (ProposalRules.CheckOrderDates(Approve.OrderDate, Approve.StartDate) is { } dates)
        {
            ModelState.AddModelError($"{nameof(Approve)}.{dates.Field}", dates.Message);
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
        if (ProposalRules.Refusal(run.Status, RunAction.Discard) is { } refusal) return await RefuseAsync(id, refusal);
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
        if (ProposalRules.Refusal(run.Status, RunAction.EditDraft) is { } refusal) return await RefuseAsync(id, refusal);
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

    private static IEnumerable<(long MenteeId, long? MentorId)> Assignments(List<MatchProposal> proposals) =>
        proposals.Select(p => (p.MenteeProfileId, p.MentorProfileId));

    private static ProposalLine ToLine(MatchProposal row) => new(row.MenteeProfileId, row.MentorProfileId, row.Score,
        Breakdown.Read(row.Breakdown), row.Warnings, row.IsLocked, row.IsManual, row.AlternativeMentorProfileId, row.AlternativeScore,
        row.UnmatchedReason);

    private static void Apply(MatchProposal row, ProposalLine line)
    {
        row.MentorProfileId = line.MentorId;
        row.Score = line.Score;
        // Rewritten only when the factors changed: the jsonb text read back is not byte-for-byte what was written.
        if (!line.Breakdown.SequenceEqual(Breakdown.Read(row.Breakdown))) row.Breakdown = Breakdown.Write(line.Breakdown);
        row.Warnings = [.. line.Warnings];
        row.IsLocked = line.IsLocked;
        row.IsManual = line.IsManual;
        row.AlternativeMentorProfileId = line.AlternativeMentorId;
        row.AlternativeScore = line.AlternativeScore;
        row.UnmatchedReason = line.UnmatchedReason;
    }

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

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching.Choice;

/// <summary>
/// Mentee-choice mode, the curator's view of a run: per mentee the offers and what became of them, the counts, and
/// «Закрыть выбор», which withdraws the open offers and writes every mentee without an accepted mentor into the
/// run's proposal as unmatched, with the reason, for the curator's review and approval on the run's card.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MatchRun)]
public class ProgressModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public MatchRun Run { get; private set; } = null!;
    public string Program { get; private set; } = "";
    public string? Explanation { get; private set; }
    public Counts Totals { get; private set; } = new(0, 0, 0, 0);
    public bool IsOpen { get; private set; }
    public PagedList<MenteeRow> List { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    [FromQuery(Name = "q")] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] int page = 1)
    {
        if (!await LoadAsync(id, page)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var run = await db.MatchRuns.InScope(scope).SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return NotFound();
        if (run.Mode != MatchMode.Choice || run.Status != MatchRunStatus.Draft)
        {
            return await RefuseAsync(id, "Закрыть выбор можно только в подборе с выбором наставника, пока он не утверждён.");
        }
        var now = clock.GetUtcNow();
        var choices = await db.MatchChoices.Where(c => c.RunId == id).ToListAsync();
        var proposals = await db.MatchProposals.Where(p => p.RunId == id).ToDictionaryAsync(p => p.MenteeProfileId);
        var unmatched = 0;
        foreach (var mentee in choices.GroupBy(c => c.MenteeProfileId))
        {
            var state = StateOf(mentee.Select(c => c.Status));
            if (state == MenteeState.Accepted) continue;
            foreach (var open in mentee.Where(c => c.Status is ChoiceStatus.Offered or ChoiceStatus.Chosen))
            {
                open.Status = ChoiceStatus.Withdrawn;
                open.DecidedAt = now;
            }
            if (!proposals.TryGetValue(mentee.Key, out var proposal))
            {
                proposal = new MatchProposal { RunId = id, MenteeProfileId = mentee.Key };
                db.MatchProposals.Add(proposal);
            }
            proposal.MentorProfileId = null;
            proposal.Score = 0;
            proposal.Breakdown = "[]";
            proposal.AlternativeMentorProfileId = null;
            proposal.AlternativeScore = null;
            proposal.IsLocked = false;
            proposal.IsManual = false;
            proposal.Warnings = [];
            proposal.UnmatchedReason = state switch
            {
                MenteeState.Waiting => Choices.ReasonNoAnswer,
                MenteeState.Declined => Choices.ReasonDeclined,
                _ => Choices.ReasonNotChosen,
            };
            unmatched++;
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A mentor accepted or a mentee chose while the choice was being closed.
            db.ChangeTracker.Clear();
            return await RefuseAsync(id, "Пока выбор закрывался, наставник или наставляемый изменили заявку. Повторите закрытие.");
        }
        TempData["Message"] = unmatched == 0
            ? "Выбор закрыт: все наставляемые получили наставников."
            : $"Выбор закрыт. Без наставника: {RussianPlural.Format(unmatched, "наставляемый", "наставляемых", "наставляемых")}; они показаны в проекте подбора с причиной.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(long id, string error)
    {
        ModelState.AddModelError("", error);
        if (!await LoadAsync(id, 1)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(long id, int page)
    {
        var scope = await me.GetScopeAsync();
        var run = await db.MatchRuns.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return false;
        Run = run;
        Program = await db.Programs.Where(p => p.Id == run.ProgramId).Select(p => p.Name).SingleAsync();
        if (run.Mode != MatchMode.Choice)
        {
            Explanation = $"Этот подбор выполнен в режиме «{run.Mode.Title()}»: наставляемые в нём наставников не выбирают.";
            return true;
        }
        var choices = db.MatchChoices.AsNoTracking().Where(c => c.RunId == id);
        var states = (await choices.Select(c => new { c.MenteeProfileId, c.Status }).ToListAsync())
            .GroupBy(c => c.MenteeProfileId, c => c.Status).Select(StateOf).ToList();
        Totals = new Counts(states.Count(s => s == MenteeState.Waiting), states.Count(s => s == MenteeState.Accepted),
            states.Count(s => s == MenteeState.Declined), states.Count(s => s == MenteeState.NotChosen));
        IsOpen = run.Status == MatchRunStatus.Draft && await choices.AnyAsync(c => c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Chosen);
        if (states.Count == 0) Explanation = "Списки наставников для выбора ещё не сформированы.";

        var mentees = db.MenteeProfiles.AsNoTracking().Where(m => choices.Any(c => c.MenteeProfileId == m.Id));
        if (!string.IsNullOrWhiteSpace(Q)) mentees = mentees.Where(m => EF.Functions.ILike(m.Person.LastName, PeopleOptions.Prefix(Q)));
        var paged = await mentees.OrderBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Person.MiddleName).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.ClassName })
            .ToPagedAsync(page);
        var ids = paged.Items.Select(m => m.Id).ToArray();
        var offers = (await choices.Where(c => ids.Contains(c.MenteeProfileId)).OrderBy(c => c.Rank).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.MenteeProfileId, c.Rank, c.MentorProfile.Person.LastName, c.MentorProfile.Person.FirstName, c.MentorProfile.Person.MiddleName,
                    c.Score, c.Status,
                })
                .ToListAsync())
            .ToLookup(c => c.MenteeProfileId, c => new OfferRow(c.Rank, PeopleTerms.FullName(c.LastName, c.FirstName, c.MiddleName), c.Score, c.Status));
        var reasons = await db.MatchProposals.AsNoTracking().Where(p => p.RunId == id && ids.Contains(p.MenteeProfileId) && p.MentorProfileId == null)
            .ToDictionaryAsync(p => p.MenteeProfileId, p => p.UnmatchedReason);
        List = new PagedList<MenteeRow>(paged.Items.Select(m => new MenteeRow(m.Id, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName),
                m.ClassName, StateOf(offers[m.Id].Select(o => o.Status)), offers[m.Id].ToList(), reasons.GetValueOrDefault(m.Id) ?? "")).ToList(),
            paged.Page, paged.PageSize, paged.Total);
        await db.AuditAsync(AuditAction.Read, nameof(MatchRun), id.ToString(), run.RegionId, $"ход выбора наставников, страница {paged.Page}");
        return true;
    }

    public enum MenteeState { NotChosen, Waiting, Accepted, Declined }

    /// <summary>Where a mentee stands: accepted beats a pending choice, which beats an earlier refusal.</summary>
    public static MenteeState StateOf(IEnumerable<ChoiceStatus> statuses)
    {
        var list = statuses.ToList();
        if (list.Contains(ChoiceStatus.Accepted)) return MenteeState.Accepted;
        if (list.Contains(ChoiceStatus.Chosen)) return MenteeState.Waiting;
        if (list.Contains(ChoiceStatus.Declined)) return MenteeState.Declined;
        return MenteeState.NotChosen;
    }

    public static string Title(MenteeState state) => state switch
    {
        MenteeState.Accepted => "наставник принял",
        MenteeState.Waiting => "выбрал, ждёт ответа",
        MenteeState.Declined => "наставник отказался",
        _ => "не выбрал",
    };

    public sealed record Counts(int Chosen, int Accepted, int Declined, int NotChosen)
    {
        public int Total => Chosen + Accepted + Declined + NotChosen;
    }

    public sealed record MenteeRow(long Id, string FullName, string ClassName, MenteeState State, List<OfferRow> Offers, string UnmatchedReason);

    public sealed record OfferRow(int Rank, string Mentor, int Score, ChoiceStatus Status);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Web.Features.Matching.Choice;

/// <summary>
/// What the mentee-choice pages share: free places of mentors, the «почему» of an offer, and how a
/// «Выбрать» / «Принять» click saves and ends.
/// </summary>
public static class Choices
{
    public const string NoPlaces = "У наставника не осталось свободных мест.";
    public const string ReasonNotChosen = "наставляемый не выбрал наставника";
    public const string ReasonDeclined = "наставник отказался";
    public const string ReasonNoAnswer = "наставник не ответил на выбор наставляемого";
    public const string NotLinked =
        "Ваша учётная запись не связана с карточкой участника программы наставничества. Обратитесь к куратору программы вашей организации.";

    /// <summary>
    /// Free places of mentors in a run: capacity − mentees of the mentor's active pairs and groups − choices of this
    /// run the mentor accepted (they become pairs only when the curator approves the run; the approval counts the
    /// same active pairs against the capacity).
    /// </summary>
    public static async Task<Dictionary<long, int>> FreePlacesAsync(NastavnikDb db, long runId, IReadOnlyCollection<long> mentorProfileIds)
    {
        var ids = mentorProfileIds.Distinct().ToArray();
        var capacity = await db.MentorProfiles.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Capacity);
        var paired = await (
                from mentor in db.GroupMembers
                where mentor.Role == MemberRole.Mentor && mentor.LeftOn == null && mentor.Group.Status != GroupStatus.Closed
                    && mentor.MentorProfileId != null && ids.Contains(mentor.MentorProfileId.Value)
                from mentee in mentor.Group.Members
                where mentee.Role == MemberRole.Mentee && mentee.LeftOn == null
                group mentee by mentor.MentorProfileId!.Value into g
                select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        var accepted = await db.MatchChoices.Where(c => c.RunId == runId && c.Status == ChoiceStatus.Accepted && ids.Contains(c.MentorProfileId))
            .GroupBy(c => c.MentorProfileId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        return capacity.ToDictionary(c => c.Key, c => c.Value - paired.GetValueOrDefault(c.Key) - accepted.GetValueOrDefault(c.Key));
    }

    /// <summary>The factors that earned the most points, best first (the stored breakdown, JSON).</summary>
    public static IReadOnlyList<ScoreFactor> TopFactors(string breakdown, int count = 3) =>
        Breakdown.Read(breakdown).Where(f => f.Points > 0).OrderByDescending(f => f.Points).ThenBy(f => f.Code).Take(count).ToList();

    /// <summary>The person record the signed-in login belongs to, if any.</summary>
    public static Task<long?> PersonIdAsync(NastavnikDb db, long? userId) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync();

    /// <summary>
    /// Saves the click's changes; a <typeparamref name="TConflict"/> (the other side or the curator changed the choice
    /// between the page load and the click) comes back as the <paramref name="conflict"/> message instead.
    /// </summary>
    public static async Task<string?> SaveAsync<TConflict>(NastavnikDb db, string conflict) where TConflict : DbUpdateException
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (TConflict)
        {
            return conflict;
        }
    }

    /// <summary>
    /// Ends a click on a choice page: an error shows on the page (bound to its ChoiceId) above lists reloaded with
    /// nothing of the failed attempt still tracked; success leaves its message and redirects (PRG).
    /// </summary>
    public static async Task<IActionResult> FinishAsync(PageModel page, NastavnikDb db, (string? Error, string? Done) result, Func<Task> load)
    {
        if (result.Error is { } error)
        {
            db.ChangeTracker.Clear();
            page.ModelState.AddModelError("ChoiceId", error);
            await load();
            return page.Page();
        }
        page.TempData["Message"] = result.Done;
        return page.RedirectToPage();
    }
}

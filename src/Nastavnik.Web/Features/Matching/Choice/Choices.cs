using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Web.Features.Matching.Choice;

/// <summary>What the mentee-choice pages share: free places of mentors, the «почему» of an offer, notifications.</summary>
public static class Choices
{
    public const string NoPlaces = "У наставника не осталось свободных мест.";
    public const string ReasonNotChosen = "наставляемый не выбрал наставника";
    public const string ReasonDeclined = "наставник отказался";
    public const string ReasonNoAnswer = "наставник не ответил на выбор наставляемого";

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
                where mentor.Role == MemberRole.Mentor && mentor.LeftOn == null && mentor.Group.Status == GroupStatus.Active
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

    /// <summary>Queues an in-app notification to every active login of a person (none when they have no login).</summary>
    public static async Task NotifyPersonAsync(NastavnikDb db, long personId, string text, string link, DateTimeOffset now)
    {
        var users = await db.Users.Where(u => u.PersonId == personId && u.IsActive).Select(u => u.Id).ToListAsync();
        foreach (var userId in users)
        {
            db.Notifications.Add(new Notification { UserId = userId, Text = text, Link = link, CreatedAt = now });
        }
    }

    /// <summary>The person record the signed-in login belongs to, if any.</summary>
    public static Task<long?> PersonIdAsync(NastavnikDb db, long? userId) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync();
}

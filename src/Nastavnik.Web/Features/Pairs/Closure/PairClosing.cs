using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>Closing one pair (members must be loaded): its closure fields, the members' leaving date and the results in the bases. Does not save.</summary>
public static class PairClosing
{
    public static async Task CloseAsync(NastavnikDb db, MentoringGroup group, ClosureRequest request, DateOnly closedOn, bool rematch)
    {
        Close(group, request, closedOn);
        await WriteBasesAsync(db, group, ResultsText(request), closedOn, rematch);
    }

    private static void Close(MentoringGroup group, ClosureRequest request, DateOnly closedOn)
    {
        group.Status = GroupStatus.Closed;
        group.ClosedOn = closedOn;
        group.ClosureKind = request.Kind;
        group.ClosureReason = ClosureRules.StoredReason(request);
        group.ClosureComment = request.Comment.Trim();
        group.Reflection = request.Reflection.Trim();
        group.Results = request.Results.Trim();
        foreach (var m in group.Members.Where(m => m.LeftOn is null)) m.LeftOn = closedOn;
    }

    private static string ResultsText(ClosureRequest request)
    {
        var text = request.Results.Trim();
        if (request.Kind == ClosureKind.Early)
        {
            var reason = ClosureRules.StoredReason(request).Title();
            text = $"Досрочное завершение: {reason}" + (request.Comment.Trim().Length > 0 ? $" ({request.Comment.Trim()})" : "")
                + (text.Length > 0 ? ". " + text : "");
        }
        return text;
    }

    /// <summary>«Результаты программы» into the bases: the mentees finish (or go back for re-matching), mentors are free again.</summary>
    private static async Task WriteBasesAsync(NastavnikDb db, MentoringGroup group, string results, DateOnly closedOn, bool rematch)
    {
        var menteeIds = group.Members.Where(m => m.MenteeProfileId != null).Select(m => m.MenteeProfileId!.Value).ToList();
        var mentorIds = group.Members.Where(m => m.MentorProfileId != null).Select(m => m.MentorProfileId!.Value).ToList();
        foreach (var mentee in await db.MenteeProfiles.Where(p => menteeIds.Contains(p.Id)).ToListAsync())
        {
            mentee.Results = Append(mentee.Results, results);
            if (rematch)
            {
                mentee.Status = ParticipationStatus.Admitted;
                mentee.EndDate = null;
            }
            else
            {
                mentee.Status = ParticipationStatus.Finished;
                mentee.EndDate = closedOn;
            }
        }
        // A mentor stays in the base across cycles: free again unless still in another active pair.
        var busy = await db.GroupMembers.Where(m => m.MentorProfileId != null && mentorIds.Contains(m.MentorProfileId.Value)
                && m.GroupId != group.Id && m.LeftOn == null && m.Group.Status == GroupStatus.Active)
            .Select(m => m.MentorProfileId!.Value).ToListAsync();
        foreach (var mentor in await db.MentorProfiles.Where(p => mentorIds.Contains(p.Id)).ToListAsync())
        {
            mentor.Results = Append(mentor.Results, results);
            if (!busy.Contains(mentor.Id) && mentor.Status == ParticipationStatus.InPair) mentor.Status = ParticipationStatus.Admitted;
        }
    }

    private static string Append(string existing, string add)
    {
        if (add.Length == 0) return existing;
        var joined = existing.Trim().Length == 0 ? add : existing.TrimEnd() + "\n" + add;
        return joined.Length <= 4000 ? joined : joined[^4000..];
    }

}

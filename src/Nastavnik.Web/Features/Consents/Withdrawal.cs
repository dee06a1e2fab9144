using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Pairs.Closure;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// Withdrawing a consent, the one code the consent page and the CLI run. A withdrawn processing consent stops processing
/// at once, in the same transaction: the person is blocked, leaves every pair and group with the reason «отзыв согласия»
/// (<see cref="MemberWithdrawal"/> says which close), their base profiles end («выбыл») and the pending matching
/// proposals and choices with them are dropped. The watch store follows by its triggers.
/// </summary>
public static class Withdrawal
{
    /// <summary>
    /// Withdraws the person's consent <paramref name="consentId"/>, or when null their latest unwithdrawn consent for
    /// <paramref name="purpose"/>, as of <paramref name="on"/>, and saves. Returns the broken rules (nothing saved then);
    /// the caller checks that the person is theirs to change.
    /// </summary>
    public static async Task<IReadOnlyList<RuleError>> WithdrawAsync(NastavnikDb db, long personId, DateOnly on, ConsentPurpose purpose,
        DateOnly today, DateTimeOffset now, long? consentId = null, CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var person = await db.People.Include(p => p.Consents).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return [new("", "Человек не найден")];
        var consent = consentId is { } id
            ? person.Consents.SingleOrDefault(c => c.Id == id)
            : person.Consents.Where(c => c.Purpose == purpose && c.WithdrawnOn == null).OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).FirstOrDefault();
        if (consent is null) return [new("", $"Нет действующего согласия: {purpose.Title().ToLowerInvariant()}")];
        var errors = ConsentRecording.CheckWithdrawal(consent.GivenOn, consent.WithdrawnOn, on, today);
        if (errors.Count > 0) return errors;

        consent.WithdrawnOn = on;
        if (ConsentRecording.WithdrawalBlocks(consent.Purpose, person.Status))
        {
            person.Status = PersonStatus.Blocked;
            person.BlockedAt = now;
            await LeaveGroupsAsync(db, personId, on, ct);
            await db.MenteeProfiles.Where(m => m.PersonId == personId).ForEachAsync(m => m.Status = ParticipationStatus.Left, ct);
            await db.MentorProfiles.Where(m => m.PersonId == personId).ForEachAsync(m => m.Status = ParticipationStatus.Left, ct);
            await DropMatchingAsync(db, personId, ct);
        }
        else
        {
            ConsentStatus.Recompute(person, today);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>Ends the person's current memberships; a pair or group left without a mentee or a mentor closes early.</summary>
    private static async Task LeaveGroupsAsync(NastavnikDb db, long personId, DateOnly on, CancellationToken ct)
    {
        var groups = await db.MentoringGroups.Include(g => g.Members)
            .Where(g => g.Members.Any(m => m.PersonId == personId && m.LeftOn == null)).ToListAsync(ct);
        foreach (var group in groups)
        {
            var current = group.Members.Where(m => m.LeftOn == null).Select(m => new MemberWithdrawal.Member(m.PersonId, m.Role)).ToList();
            var closes = MemberWithdrawal.Closes(group.Status, current, personId);
            var member = group.Members.Single(m => m.PersonId == personId && m.LeftOn == null);
            // A withdrawal dated before the pair began still ends it: never before the start or the joining.
            member.LeftOn = Max(on, member.JoinedOn);
            member.LeftReason = LeaveReason.ConsentWithdrawn;
            if (!closes) continue;
            group.PausedOn = null;
            group.PauseReason = "";
            group.ResumeOn = null;
            // The mentees who stay go back to matching when their mentor withdrew.
            var rematch = member.Role == MemberRole.Mentor;
            await PairClosing.CloseAsync(db, group, new ClosureRequest(ClosureKind.Early, ClosureReason.ConsentWithdrawn, "", "", "", null),
                Max(on, group.StartDate), rematch);
        }
    }

    /// <summary>Proposals of runs not yet approved and open choices with the person are dropped: they are not offered again.</summary>
    private static async Task DropMatchingAsync(NastavnikDb db, long personId, CancellationToken ct)
    {
        var pending = new[] { MatchRunStatus.Queued, MatchRunStatus.Running, MatchRunStatus.Draft };
        await db.MatchProposals.Where(p => pending.Contains(p.Run.Status) && p.MenteeProfile.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.MatchProposals.Where(p => pending.Contains(p.Run.Status) && p.MentorProfile!.PersonId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MentorProfileId, (long?)null).SetProperty(p => p.Score, 0)
                .SetProperty(p => p.IsLocked, false).SetProperty(p => p.UnmatchedReason, "Наставник отозвал согласие"), ct);
        await db.MatchProposals.Where(p => pending.Contains(p.Run.Status) && p.AlternativeMentorProfile!.PersonId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AlternativeMentorProfileId, (long?)null).SetProperty(p => p.AlternativeScore, (int?)null), ct);
        var open = new[] { ChoiceStatus.Offered, ChoiceStatus.Chosen };
        await db.MatchChoices.Where(c => open.Contains(c.Status) && (c.MenteeProfile.PersonId == personId || c.MentorProfile.PersonId == personId))
            .ExecuteDeleteAsync(ct);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

namespace Nastavnik.Domain.Pairs;

/// <summary>Why a member left before the pair or group closed.</summary>
public enum LeaveReason { None, ConsentWithdrawn }

/// <summary>
/// What becomes of a pair or group when a member withdraws consent to processing (DOMAIN.md §9): the member leaves at
/// once with the reason «отзыв согласия»; a pair or group left without a mentee or without a mentor is closed early
/// with that reason, a group with mentees and a mentor left continues without the member.
/// </summary>
public static class MemberWithdrawal
{
    public static string Title(this LeaveReason reason) => reason == LeaveReason.ConsentWithdrawn ? "отзыв согласия" : "";

    /// <summary>A current member (not left) of the pair or group.</summary>
    public sealed record Member(long PersonId, MemberRole Role);

    /// <summary>True when the pair or group must close because <paramref name="personId"/> leaves it.</summary>
    public static bool Closes(GroupStatus status, IReadOnlyCollection<Member> current, long personId)
    {
        if (status == GroupStatus.Closed || current.All(m => m.PersonId != personId)) return false;
        var remaining = current.Where(m => m.PersonId != personId).ToList();
        return !remaining.Any(m => m.Role == MemberRole.Mentee) || !remaining.Any(m => m.Role == MemberRole.Mentor);
    }
}

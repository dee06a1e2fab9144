using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Matching;

/// <summary>
/// One line of a run's proposal as the curator's actions see it: the mentee, the proposed mentor (none: unmatched, with
/// the reason), the score and its breakdown, the hard filters the pair breaks, whether it is locked or made by hand, and
/// the runner-up mentor the matcher found.
/// </summary>
public sealed record ProposalLine(
    long MenteeId,
    long? MentorId,
    int Score,
    IReadOnlyList<ScoreFactor> Breakdown,
    IReadOnlyList<string> Warnings,
    bool IsLocked = false,
    bool IsManual = false,
    long? AlternativeMentorId = null,
    int? AlternativeScore = null,
    string UnmatchedReason = "");

/// <summary>A pair's score (clamped to <see cref="ProposalRules.MinScore"/>..<see cref="ProposalRules.MaxScore"/>),
/// its breakdown and the hard filters it breaks (Russian, ready to show).</summary>
public sealed record PairEvaluation(int Score, IReadOnlyList<ScoreFactor> Breakdown, IReadOnlyList<string> Warnings);

/// <summary>What a curator action on a run is: an edit of the draft proposal (and its approval), a re-run, a discard.</summary>
public enum RunAction { EditDraft, Rerun, Discard }

/// <summary>
/// The curator's changes to a matching run's proposal (DOMAIN.md «Matching»): which run statuses allow which action,
/// locking, removing a pair (its mentor is then excluded for the mentee), a manual pair (breaking a hard filter needs a
/// confirmation), swapping two pairs' mentors, the order's dates, and the score range stored with a pair.
/// Every pair the curator makes by hand is manual and locked: a re-run keeps it.
/// </summary>
public static class ProposalRules
{
    /// <summary>The stored score range (the database checks it too).</summary>
    public const int MinScore = 0, MaxScore = 1000;

    public const string RemovedReason = "пара удалена куратором";
    public const string GoneWarning = "наставляемый или наставник больше не участвует в подборе";
    public const string ConfirmWarnings = "Пара нарушает условия подбора. Проверьте предупреждения и подтвердите пару.";

    /// <summary>A score brought into <see cref="MinScore"/>..<see cref="MaxScore"/>.</summary>
    public static int ClampScore(int score) => Math.Clamp(score, MinScore, MaxScore);

    /// <summary>
    /// Why <paramref name="action"/> is not allowed in <paramref name="status"/>; null when it is. The draft is edited
    /// and approved only as a draft; a draft or a failed run is re-run; anything not yet approved or discarded is discarded.
    /// </summary>
    public static string? Refusal(MatchRunStatus status, RunAction action)
    {
        var allowed = action switch
        {
            RunAction.EditDraft => status == MatchRunStatus.Draft,
            RunAction.Rerun => status is MatchRunStatus.Draft or MatchRunStatus.Failed,
            _ => status is not (MatchRunStatus.Approved or MatchRunStatus.Discarded),
        };
        return allowed ? null : $"Действие недоступно: статус подбора — «{status.Title()}»";
    }

    /// <summary>Locks a pair so that a re-run keeps it; an unmatched line has nothing to lock.</summary>
    public static (ProposalLine Line, string? Error) Lock(ProposalLine line) =>
        line.MentorId is null ? (line, "Закрепить можно только пару") : (line with { IsLocked = true }, null);

    public static (ProposalLine Line, string? Error) Unlock(ProposalLine line) => (line with { IsLocked = false }, null);

    /// <summary>
    /// The mentee becomes unmatched and the removed mentor joins <paramref name="excludedMentorIds"/>, so a re-run will
    /// not propose that mentor to them again.
    /// </summary>
    public static (ProposalLine Line, IReadOnlyList<long> ExcludedMentorIds, string? Error) Remove(ProposalLine line, IReadOnlyList<long> excludedMentorIds)
    {
        if (line.MentorId is not { } mentor) return (line, excludedMentorIds, "Наставляемый и так без пары");
        var excluded = excludedMentorIds.Contains(mentor) ? excludedMentorIds : [.. excludedMentorIds, mentor];
        return (new ProposalLine(line.MenteeId, null, 0, [], [], UnmatchedReason: RemovedReason), excluded, null);
    }

    /// <summary>
    /// Score and broken filters of <paramref name="menteeId"/> with <paramref name="mentorId"/>, the mentor's load counting
    /// the run's other pairs (<paramref name="assignments"/>: each mentee's mentor in the run). Null when the mentee or
    /// the mentor is no longer in <paramref name="input"/>.
    /// </summary>
    public static PairEvaluation? Evaluate(MatchInput input, IEnumerable<(long MenteeId, long? MentorId)> assignments, long menteeId, long mentorId)
    {
        var mentee = input.Mentees.FirstOrDefault(m => m.Id == menteeId);
        var mentor = input.Mentors.FirstOrDefault(m => m.Id == mentorId);
        if (mentee is null || mentor is null) return null;
        var inRun = assignments.Count(a => a.MentorId == mentorId && a.MenteeId != menteeId);
        mentor = mentor with { Load = mentor.Load + inRun };
        var warnings = MatchFilters.Check(mentee, mentor, input.Rules).Select(f => f.Text).ToList();
        var (score, breakdown) = MatchScoring.Score(mentee, mentor, input.Rules);
        return new PairEvaluation(ClampScore(score), breakdown, warnings);
    }

    /// <summary>
    /// A pair the curator makes by hand: manual and locked, no runner-up. When it breaks a hard filter it is refused on
    /// the «Confirm» field until <paramref name="confirmed"/>.
    /// </summary>
    public static (ProposalLine Line, RuleError? Error) AddManual(long menteeId, long mentorId, PairEvaluation evaluation, bool confirmed)
    {
        var line = ManualPair(menteeId, mentorId, evaluation);
        return evaluation.Warnings.Count > 0 && !confirmed ? (line, new RuleError("Confirm", ConfirmWarnings)) : (line, null);
    }

    /// <summary>Two lines can swap mentors when both are pairs, distinct, with different mentors.</summary>
    public static RuleError? CheckSwap(ProposalLine? first, ProposalLine? second)
    {
        if (first?.MentorId is null || second?.MentorId is null) return new RuleError("FirstProposalId", "Выберите две пары этого подбора");
        // One line per mentee in a run: the same mentee is the same line.
        if (first.MenteeId == second.MenteeId || first.MentorId == second.MentorId)
            return new RuleError("SecondProposalId", "Выберите две пары с разными наставниками");
        return null;
    }

    /// <summary>
    /// Exchanges the mentors of two lines (checked by <see cref="CheckSwap"/>); both become manual and locked, scored
    /// afresh with the loads after the swap. A pair whose mentee or mentor has left the matching keeps its old score with a warning.
    /// </summary>
    public static (ProposalLine First, ProposalLine Second) Swap(ProposalLine first, ProposalLine second, MatchInput input,
        IEnumerable<(long MenteeId, long? MentorId)> assignments)
    {
        var (firstMentor, secondMentor) = (first.MentorId!.Value, second.MentorId!.Value);
        var swapped = assignments
            .Select(a => a.MenteeId == first.MenteeId ? (a.MenteeId, (long?)secondMentor) : a.MenteeId == second.MenteeId ? (a.MenteeId, firstMentor) : a)
            .ToList();
        ProposalLine Rescored(ProposalLine line, long mentor) =>
            ManualPair(line.MenteeId, mentor, Evaluate(input, swapped, line.MenteeId, mentor) ?? new PairEvaluation(line.Score, line.Breakdown, [GoneWarning]));
        return (Rescored(first, secondMentor), Rescored(second, firstMentor));
    }

    /// <summary>The pairs start working no earlier than the order that forms them.</summary>
    public static RuleError? CheckOrderDates(DateOnly? orderDate, DateOnly? startDate) =>
        orderDate is { } order && startDate is { } start && start < order
            ? new RuleError("StartDate", "Дата начала не может быть раньше даты приказа")
            : null;

    private static ProposalLine ManualPair(long menteeId, long mentorId, PairEvaluation evaluation) =>
        new(menteeId, mentorId, evaluation.Score, evaluation.Breakdown, evaluation.Warnings, IsLocked: true, IsManual: true);
}

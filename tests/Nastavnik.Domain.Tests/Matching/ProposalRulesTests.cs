using Nastavnik.Domain.Matching;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class ProposalRulesTests
{
    private static ProposalLine Pair(long mentee, long mentor, int score = 700) =>
        new(mentee, mentor, score, [new ScoreFactor("topics", "Темы", score, "")], [], AlternativeMentorId: 99, AlternativeScore: 500);

    private static ProposalLine Unmatched(long mentee) => new(mentee, null, 0, [], [], UnmatchedReason: "нет подходящего наставника");

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(640, 640)]
    [InlineData(1000, 1000)]
    [InlineData(1200, 1000)]
    public void ClampScore_AnyScore_KeepsToStoredRange(int score, int expected) => Assert.Equal(expected, ProposalRules.ClampScore(score));

    [Theory]
    [InlineData(MatchRunStatus.Draft, RunAction.EditDraft, true)]
    [InlineData(MatchRunStatus.Queued, RunAction.EditDraft, false)]
    [InlineData(MatchRunStatus.Approved, RunAction.EditDraft, false)]
    [InlineData(MatchRunStatus.Draft, RunAction.Rerun, true)]
    [InlineData(MatchRunStatus.Failed, RunAction.Rerun, true)]
    [InlineData(MatchRunStatus.Running, RunAction.Rerun, false)]
    [InlineData(MatchRunStatus.Queued, RunAction.Discard, true)]
    [InlineData(MatchRunStatus.Failed, RunAction.Discard, true)]
    [InlineData(MatchRunStatus.Approved, RunAction.Discard, false)]
    [InlineData(MatchRunStatus.Discarded, RunAction.Discard, false)]
    public void Refusal_StatusAndAction_AllowedOnlyWhereTheRunPermits(MatchRunStatus status, RunAction action, bool allowed) =>
        Assert.Equal(allowed, ProposalRules.Refusal(status, action) is null);

    [Fact]
    public void Refusal_NotAllowed_NamesTheStatus() =>
        Assert.Equal("Действие недоступно: статус подбора — «Утверждён»", ProposalRules.Refusal(MatchRunStatus.Approved, RunAction.EditDraft));

    [Fact]
    public void Lock_Pair_Locked()
    {
        var (line, error) = ProposalRules.Lock(Pair(1, 10));
        Assert.Null(error);
        Assert.True(line.IsLocked);
    }

    [Fact]
    public void Lock_Unmatched_Refused()
    {
        var (line, error) = ProposalRules.Lock(Unmatched(1));
        Assert.Equal("Закрепить можно только пару", error);
        Assert.False(line.IsLocked);
    }

    [Fact]
    public void Unlock_LockedPair_Unlocked() => Assert.False(ProposalRules.Unlock(Pair(1, 10) with { IsLocked = true }).Line.IsLocked);

    [Fact]
    public void Remove_Pair_UnmatchedAndMentorExcluded()
    {
        var (line, excluded, error) = ProposalRules.Remove(Pair(1, 10) with { IsLocked = true, IsManual = true, Warnings = ["x"] }, [7]);
        Assert.Null(error);
        Assert.Equal(new long[] { 7, 10 }, excluded);
        Assert.Null(line.MentorId);
        Assert.Equal(1, line.MenteeId);
        Assert.Equal(0, line.Score);
        Assert.Empty(line.Breakdown);
        Assert.Empty(line.Warnings);
        Assert.False(line.IsLocked || line.IsManual);
        Assert.Null(line.AlternativeMentorId);
        Assert.Null(line.AlternativeScore);
        Assert.Equal(ProposalRules.RemovedReason, line.UnmatchedReason);
    }

    [Fact]
    public void Remove_MentorAlreadyExcluded_ListUnchanged()
    {
        IReadOnlyList<long> before = [10];
        Assert.Same(before, ProposalRules.Remove(Pair(1, 10), before).ExcludedMentorIds);
    }

    [Fact]
    public void Remove_Unmatched_Refused() =>
        Assert.Equal("Наставляемый и так без пары", ProposalRules.Remove(Unmatched(1), []).Error);

    [Fact]
    public void Evaluate_MentorWithPairElsewhereInRun_CountsThatLoad()
    {
        var input = Input([Mentee(1), Mentee(2)], [Mentor(10)]);
        Assert.Empty(ProposalRules.Evaluate(input, [(1, null), (2, null)], 1, 10)!.Warnings);
        // Capacity 1, already mentoring mentee 2 in this run: the manual pair breaks the capacity filter.
        Assert.NotEmpty(ProposalRules.Evaluate(input, [(1, null), (2, 10)], 1, 10)!.Warnings);
        // The mentee's own line does not count against the mentor.
        Assert.Empty(ProposalRules.Evaluate(input, [(1, 10), (2, null)], 1, 10)!.Warnings);
    }

    [Fact]
    public void Evaluate_MentorNotInMatching_Null() => Assert.Null(ProposalRules.Evaluate(Input([Mentee(1)], [Mentor(10)]), [], 1, 11));

    [Fact]
    public void Evaluate_ValidPair_ScoreInRange()
    {
        var evaluation = ProposalRules.Evaluate(Input([Mentee(1)], [Mentor(10)]), [], 1, 10)!;
        Assert.InRange(evaluation.Score, ProposalRules.MinScore, ProposalRules.MaxScore);
        Assert.NotEmpty(evaluation.Breakdown);
    }

    [Fact]
    public void AddManual_NoWarnings_ManualAndLocked()
    {
        var (line, error) = ProposalRules.AddManual(1, 10, new PairEvaluation(800, [], []), confirmed: false);
        Assert.Null(error);
        Assert.Equal((10L, 800, true, true), (line.MentorId!.Value, line.Score, line.IsManual, line.IsLocked));
        Assert.Equal("", line.UnmatchedReason);
    }

    [Fact]
    public void AddManual_WarningsNotConfirmed_RefusedOnConfirm()
    {
        var (_, error) = ProposalRules.AddManual(1, 10, new PairEvaluation(300, [], ["Наставник другой школы"]), confirmed: false);
        Assert.Equal("Confirm", error!.Field);
        Assert.Equal(ProposalRules.ConfirmWarnings, error.Message);
    }

    [Fact]
    public void AddManual_WarningsConfirmed_KeepsWarnings()
    {
        var (line, error) = ProposalRules.AddManual(1, 10, new PairEvaluation(300, [], ["Наставник другой школы"]), confirmed: true);
        Assert.Null(error);
        Assert.Equal(["Наставник другой школы"], line.Warnings);
    }

    [Fact]
    public void CheckSwap_TwoPairsWithDifferentMentors_NoError() => Assert.Null(ProposalRules.CheckSwap(Pair(1, 10), Pair(2, 11)));

    [Fact]
    public void CheckSwap_MissingOrUnmatched_RefusedOnFirst()
    {
        Assert.Equal("FirstProposalId", ProposalRules.CheckSwap(null, Pair(2, 11))!.Field);
        Assert.Equal("FirstProposalId", ProposalRules.CheckSwap(Pair(1, 10), Unmatched(2))!.Field);
    }

    [Fact]
    public void CheckSwap_SameLineOrSameMentor_RefusedOnSecond()
    {
        Assert.Equal("SecondProposalId", ProposalRules.CheckSwap(Pair(1, 10), Pair(1, 10))!.Field);
        Assert.Equal("SecondProposalId", ProposalRules.CheckSwap(Pair(1, 10), Pair(2, 10))!.Field);
    }

    [Fact]
    public void Swap_TwoPairs_MentorsExchangedManualLockedRescored()
    {
        var input = Input([Mentee(1), Mentee(2)], [Mentor(10), Mentor(11)]);
        var (first, second) = ProposalRules.Swap(Pair(1, 10, 1), Pair(2, 11, 1), input, [(1, 10), (2, 11)]);
        Assert.Equal((1L, 11L), (first.MenteeId, first.MentorId!.Value));
        Assert.Equal((2L, 10L), (second.MenteeId, second.MentorId!.Value));
        Assert.All([first, second], l => Assert.True(l.IsManual && l.IsLocked));
        Assert.All([first, second], l => Assert.Null(l.AlternativeMentorId));
        // Rescored with the loads after the swap: each mentor has only the one pair, so no capacity warning.
        Assert.All([first, second], l => Assert.Empty(l.Warnings));
        Assert.All([first, second], l => Assert.NotEqual(1, l.Score));
    }

    [Fact]
    public void Swap_MentorLeftTheMatching_KeepsOldScoreWithWarning()
    {
        var input = Input([Mentee(1), Mentee(2)], [Mentor(10)]);
        var (first, second) = ProposalRules.Swap(Pair(1, 10, 640), Pair(2, 11, 420), input, [(1, 10), (2, 11)]);
        Assert.Equal([ProposalRules.GoneWarning], first.Warnings);
        Assert.Equal(640, first.Score);
        Assert.Single(first.Breakdown);
        Assert.Empty(second.Warnings);
    }

    [Fact]
    public void CheckOrderDates_StartBeforeOrder_RefusedOnStartDate() =>
        Assert.Equal("StartDate", ProposalRules.CheckOrderDates(new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 1))!.Field);

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 15)]
    public void CheckOrderDates_StartOnOrAfterOrder_NoError(int orderDay, int startDay) =>
        Assert.Null(ProposalRules.CheckOrderDates(new DateOnly(2026, 9, orderDay), new DateOnly(2026, 9, startDay)));

    [Fact]
    public void CheckOrderDates_DateMissing_LeftToRequiredField() => Assert.Null(ProposalRules.CheckOrderDates(null, new DateOnly(2026, 9, 1)));
}

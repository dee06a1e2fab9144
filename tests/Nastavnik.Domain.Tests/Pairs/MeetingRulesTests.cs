using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class MeetingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21), Start = new(2026, 10, 1);

    private static MeetingFacts Facts(MeetingType type = MeetingType.Introduction, DateOnly? on = null, int minutes = 45, string reason = "",
        MeetingOutcome outcome = MeetingOutcome.None) => new(type, on ?? Today, minutes, reason, outcome);

    [Fact]
    public void Check_ValidIntroduction_NoErrors() =>
        Assert.Empty(MeetingRules.Check(Facts(), Today, Start, GroupStatus.Active, []));

    [Fact]
    public void Check_DateAfterToday_Refused() =>
        Assert.Contains(MeetingRules.Check(Facts(on: Today.AddDays(1)), Today, Start, GroupStatus.Active, []), e => e.Field == "HeldOn");

    [Fact]
    public void Check_DateBeforeStart_Refused() =>
        Assert.Contains(MeetingRules.Check(Facts(on: Start.AddDays(-1)), Today, Start, GroupStatus.Active, []), e => e.Field == "HeldOn");

    [Theory]
    [InlineData(4)]
    [InlineData(601)]
    public void Check_DurationOutOfRange_Refused(int minutes) =>
        Assert.Contains(MeetingRules.Check(Facts(minutes: minutes), Today, Start, GroupStatus.Active, []), e => e.Field == "DurationMinutes");

    [Fact]
    public void Check_ClosedPair_RefusedWithRussianMessage() =>
        Assert.Equal(MeetingRules.ClosedMessage, Assert.Single(MeetingRules.Check(Facts(), Today, Start, GroupStatus.Closed, [])).Message);

    [Fact]
    public void Check_PausedPairNewMeeting_RefusedWithRussianMessage() =>
        Assert.Equal(MeetingRules.PausedMessage, Assert.Single(MeetingRules.Check(Facts(), Today, Start, GroupStatus.Paused, [])).Message);

    [Fact]
    public void Check_PausedPairCorrection_Allowed() =>
        Assert.Empty(MeetingRules.Check(Facts(), Today, Start, GroupStatus.Paused, [], adding: false));

    [Fact]
    public void Check_SkipWithoutReason_RefusedNamingTheStep()
    {
        var error = Assert.Single(MeetingRules.Check(Facts(MeetingType.Planning), Today, Start, GroupStatus.Active, [MeetingType.Introduction]));
        Assert.Equal("SkipReason", error.Field);
        Assert.Contains("пробная", error.Message);
    }

    [Fact]
    public void Check_SkipWithReason_Accepted() =>
        Assert.Empty(MeetingRules.Check(Facts(MeetingType.Planning, reason: "пара сформирована по выбору"), Today, Start, GroupStatus.Active,
            [MeetingType.Introduction]));

    [Fact]
    public void Check_TrialWithoutOutcome_Refused() =>
        Assert.Contains(MeetingRules.Check(Facts(MeetingType.Trial), Today, Start, GroupStatus.Active, [MeetingType.Introduction]),
            e => e.Field == "Outcome");

    [Fact]
    public void Next_AfterOpeningSteps_RegularThenNoneAfterFinal()
    {
        Assert.Equal(MeetingType.Introduction, MeetingSequence.Next([]));
        Assert.Equal(MeetingType.Planning, MeetingSequence.Next([MeetingType.Introduction, MeetingType.Trial]));
        Assert.Equal(MeetingType.Regular, MeetingSequence.Next([MeetingType.Introduction, MeetingType.Trial, MeetingType.Planning, MeetingType.Regular]));
        Assert.Null(MeetingSequence.Next([MeetingType.Introduction, MeetingType.Final]));
    }

    [Fact]
    public void Progress_MarksDoneAndNext()
    {
        var line = MeetingSequence.Progress([MeetingType.Introduction]);
        Assert.Equal(5, line.Count);
        Assert.True(line[0].Done);
        Assert.True(line[1].IsNext);
        Assert.False(line[2].Done || line[2].IsNext);
    }
}

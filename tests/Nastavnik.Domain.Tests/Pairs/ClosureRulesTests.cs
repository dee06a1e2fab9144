using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class ClosureRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 30);
    private static readonly ClosureFacts Active = new(GroupStatus.Active, new DateOnly(2025, 10, 1), HasFinalMeeting: true, Today);

    private static ClosureRequest Planned(DateOnly? on = null) => new(ClosureKind.Planned, ClosureReason.None, "", "Рефлексия", "Результаты", on ?? Today);
    private static ClosureRequest Early(ClosureReason reason, string comment = "") => new(ClosureKind.Early, reason, comment, "", "", Today);

    private static IEnumerable<string> Fields(ClosureRequest r, ClosureFacts f) => ClosureRules.Check(r, f).Select(e => e.Field);

    [Fact]
    public void Check_PlannedWithFinalMeetingAndReflection_Passes() => Assert.Empty(ClosureRules.Check(Planned(), Active));

    [Fact]
    public void Check_PlannedWithoutFinalMeeting_Refused() =>
        Assert.Contains("Kind", Fields(Planned(), Active with { HasFinalMeeting = false }));

    [Fact]
    public void Check_PlannedWithoutReflection_Refused() =>
        Assert.Contains("Reflection", Fields(Planned() with { Reflection = " " }, Active));

    [Theory]
    [InlineData(ClosureReason.None)]
    [InlineData(ClosureReason.GoalReached)]
    public void Check_EarlyWithoutListedReason_Refused(ClosureReason reason) => Assert.Contains("Reason", Fields(Early(reason), Active));

    [Fact]
    public void Check_EarlyOtherWithoutComment_Refused() => Assert.Contains("Comment", Fields(Early(ClosureReason.Other), Active));

    [Fact]
    public void Check_EarlyOtherWithComment_Passes() => Assert.Empty(ClosureRules.Check(Early(ClosureReason.Other, "Перевод"), Active));

    [Fact]
    public void Check_FutureDate_Refused() => Assert.Contains("ClosedOn", Fields(Planned(Today.AddDays(1)), Active));

    [Fact]
    public void Check_BeforeStart_Refused() => Assert.Contains("ClosedOn", Fields(Planned(new DateOnly(2025, 9, 30)), Active));

    [Fact]
    public void Check_AlreadyClosed_RefusedAlone() =>
        Assert.Equal([ClosureRules.AlreadyClosed], ClosureRules.Check(Planned(), Active with { Status = GroupStatus.Closed }).Select(e => e.Message));

    [Fact]
    public void StoredReason_Planned_GoalReached() => Assert.Equal(ClosureReason.GoalReached, ClosureRules.StoredReason(Planned()));
}

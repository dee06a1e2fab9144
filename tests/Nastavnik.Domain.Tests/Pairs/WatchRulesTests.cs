using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class WatchRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void IsStalled_NoMeetingAndStart30DaysAgo_True() => Assert.True(WatchRules.IsStalled(Today.AddDays(-30), null, Today));

    [Fact]
    public void IsStalled_NoMeetingAndStart29DaysAgo_False() => Assert.False(WatchRules.IsStalled(Today.AddDays(-29), null, Today));

    [Fact]
    public void IsStalled_RecentMeeting_False() => Assert.False(WatchRules.IsStalled(Today.AddDays(-200), Today.AddDays(-3), Today));

    [Fact]
    public void MissesFeedback_OneSideSilent30Days_True() =>
        Assert.True(WatchRules.MissesFeedback(Today.AddDays(-100), Today.AddDays(-2), Today.AddDays(-30), Today));

    [Fact]
    public void MissesFeedback_BothRecent_False() =>
        Assert.False(WatchRules.MissesFeedback(Today.AddDays(-100), Today.AddDays(-2), Today.AddDays(-29), Today));

    [Fact]
    public void HasLowRatings_AverageComfortBelow5_True() => Assert.True(WatchRules.HasLowRatings([(9, 4), (8, 5)]));

    [Fact]
    public void HasLowRatings_AveragesExactly5_False() => Assert.False(WatchRules.HasLowRatings([(5, 5), (4, 6), (6, 4)]));

    [Fact]
    public void HasLowRatings_NoFeedback_False() => Assert.False(WatchRules.HasLowRatings([]));
}

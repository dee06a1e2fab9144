using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Domain.Tests.Roadmaps;

public class ControlFiguresTests
{
    private static readonly DateOnly ControlDate = new(2021, 12, 31);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Done on or before the due day: on time; after it (but by the control date): late.
    [InlineData("2021-11-15", OccurrenceStatus.Done, "2021-11-15", ControlState.OnTime)]
    [InlineData("2021-11-15", OccurrenceStatus.Done, "2021-11-01", ControlState.OnTime)]
    [InlineData("2021-11-15", OccurrenceStatus.Done, "2021-11-16", ControlState.Late)]
    [InlineData("2021-11-15", OccurrenceStatus.Done, "2021-12-31", ControlState.Late)]
    // Done without a day recorded: nothing shows it was late.
    [InlineData("2021-11-15", OccurrenceStatus.Done, null, ControlState.OnTime)]
    // Due passed and not done, whatever the record says short of done.
    [InlineData("2021-11-15", OccurrenceStatus.NotStarted, null, ControlState.NotDone)]
    [InlineData("2021-11-15", OccurrenceStatus.InProgress, null, ControlState.NotDone)]
    [InlineData("2021-11-15", OccurrenceStatus.NotDone, null, ControlState.NotDone)]
    [InlineData("2021-12-30", OccurrenceStatus.NotStarted, null, ControlState.NotDone)]
    // Done only after the control date: on that date it was not done yet.
    [InlineData("2021-11-15", OccurrenceStatus.Done, "2022-01-10", ControlState.NotDone)]
    // Due on the control date or later: still in time.
    [InlineData("2021-12-31", OccurrenceStatus.NotStarted, null, ControlState.Upcoming)]
    [InlineData("2022-03-01", OccurrenceStatus.InProgress, null, ControlState.Upcoming)]
    [InlineData("2022-03-01", OccurrenceStatus.NotDone, null, ControlState.Upcoming)]
    [InlineData("2022-03-01", OccurrenceStatus.Done, "2022-02-01", ControlState.Upcoming)]
    // Done ahead of a future due: on time already.
    [InlineData("2022-03-01", OccurrenceStatus.Done, "2021-10-01", ControlState.OnTime)]
    [InlineData("2021-11-15", OccurrenceStatus.NotRequired, null, ControlState.NotRequired)]
    [InlineData("2022-11-15", OccurrenceStatus.NotRequired, null, ControlState.NotRequired)]
    // Event-driven: no due date, never overdue.
    [InlineData(null, OccurrenceStatus.NotStarted, null, ControlState.OnDemand)]
    [InlineData(null, OccurrenceStatus.Done, "2021-05-05", ControlState.OnDemand)]
    public void Classify_AtControlDate_GivesState(string? due, OccurrenceStatus status, string? doneOn, ControlState expected)
    {
        var o = new ControlOccurrence(due is null ? null : D(due), status, doneOn is null ? null : D(doneOn));

        Assert.Equal(expected, ControlFigures.Classify(o, ControlDate));
    }

    [Fact]
    public void Classify_ContinuousItemDueAtPeriodEnd_OverdueOnlyAfterThePeriod()
    {
        // «В течение всего периода реализации ЦМН» over 2021–2024: one occurrence due 31.12.2024.
        var continuous = new ControlOccurrence(new DateOnly(2024, 12, 31), OccurrenceStatus.InProgress, null);

        Assert.Equal(ControlState.Upcoming, ControlFigures.Classify(continuous, new DateOnly(2021, 12, 31)));
        Assert.Equal(ControlState.Upcoming, ControlFigures.Classify(continuous, new DateOnly(2024, 12, 31)));
        Assert.Equal(ControlState.NotDone, ControlFigures.Classify(continuous, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Count_MixedOccurrences_SumsEachStateAndExcludesOnDemandFromTotal()
    {
        ControlOccurrence[] list =
        [
            new(D("2021-11-15"), OccurrenceStatus.Done, D("2021-11-10")),
            new(D("2021-11-15"), OccurrenceStatus.Done, D("2021-11-14")),
            new(D("2021-11-15"), OccurrenceStatus.Done, D("2021-12-01")),
            new(D("2021-11-15"), OccurrenceStatus.NotStarted, null),
            new(D("2022-02-01"), OccurrenceStatus.InProgress, null),
            new(D("2021-11-15"), OccurrenceStatus.NotRequired, null),
            new(null, OccurrenceStatus.NotStarted, null),
        ];

        var counts = ControlFigures.Count(list, ControlDate);

        Assert.Equal(new ControlCounts(OnTime: 2, Late: 1, NotDone: 1, Upcoming: 1, NotRequired: 1, OnDemand: 1), counts);
        Assert.Equal(4, counts.Checked);
        Assert.Equal(5, counts.Total);
        Assert.Equal(50.0m, counts.OnTimeShare);
        Assert.Equal(25.0m, counts.LateShare);
        Assert.Equal(25.0m, counts.NotDoneShare);
    }

    [Fact]
    public void Sum_TwoOrganizations_ShareComesFromSummedCountsNotAnAverageOfShares()
    {
        // A school with 1 of 1 done on time (100 %) and a school with 1 of 9 (11.1 %): together 2 of 10.
        var small = new ControlCounts(1, 0, 0, 0, 0, 0);
        var large = new ControlCounts(1, 3, 5, 2, 0, 0);

        var municipality = ControlCounts.Sum([small, large]);

        Assert.Equal(new ControlCounts(2, 3, 5, 2, 0, 0), municipality);
        Assert.Equal(20.0m, municipality.OnTimeShare);
        Assert.NotEqual((small.OnTimeShare!.Value + large.OnTimeShare!.Value) / 2, municipality.OnTimeShare);
    }

    [Fact]
    public void OnTimeShare_NothingCheckedYet_IsNull()
    {
        var counts = new ControlCounts(0, 0, 0, Upcoming: 4, NotRequired: 1, OnDemand: 2);

        Assert.Null(counts.OnTimeShare);
        Assert.Equal("—", ControlFigures.Percent(counts.OnTimeShare));
    }

    [Fact]
    public void OnTimeShare_Thirds_RoundsToOneDecimal()
    {
        var counts = new ControlCounts(2, 1, 0, 0, 0, 0);

        Assert.Equal(66.7m, counts.OnTimeShare);
        Assert.Equal("66,7 %", ControlFigures.Percent(counts.OnTimeShare));
        Assert.Equal("100 %", ControlFigures.Percent(new ControlCounts(3, 0, 0, 0, 0, 0).OnTimeShare));
    }

    [Theory]
    [InlineData("2021-12-31", true)]
    [InlineData("2022-01-30", true)]
    [InlineData("2022-01-31", false)]
    [InlineData("2021-12-30", false)]
    public void IsUpcoming_Within30Days_CountsFromTheDateInclusive(string due, bool expected) =>
        Assert.Equal(expected, ControlFigures.IsUpcoming(new ControlOccurrence(D(due), OccurrenceStatus.NotStarted, null), ControlDate, 30));

    [Fact]
    public void IsUpcoming_DoneOrNotRequired_IsFalse()
    {
        Assert.False(ControlFigures.IsUpcoming(new ControlOccurrence(D("2022-01-05"), OccurrenceStatus.Done, D("2021-12-01")), ControlDate, 30));
        Assert.False(ControlFigures.IsUpcoming(new ControlOccurrence(D("2022-01-05"), OccurrenceStatus.NotRequired, null), ControlDate, 30));
        Assert.False(ControlFigures.IsUpcoming(new ControlOccurrence(null, OccurrenceStatus.NotStarted, null), ControlDate, 30));
    }

    [Fact]
    public void IsOverdue_DuePassedNotDone_IsTrueAndOnDemandNever()
    {
        Assert.True(ControlFigures.IsOverdue(new ControlOccurrence(D("2021-12-30"), OccurrenceStatus.InProgress, null), ControlDate));
        Assert.False(ControlFigures.IsOverdue(new ControlOccurrence(D("2021-12-31"), OccurrenceStatus.InProgress, null), ControlDate));
        Assert.False(ControlFigures.IsOverdue(new ControlOccurrence(D("2020-12-30"), OccurrenceStatus.NotRequired, null), ControlDate));
        Assert.False(ControlFigures.IsOverdue(new ControlOccurrence(null, OccurrenceStatus.NotStarted, null), new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public void ControlPoints_AreTheDecembersOf2020To2024()
    {
        Assert.Equal(
            [new DateOnly(2020, 12, 31), new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31), new DateOnly(2023, 12, 31), new DateOnly(2024, 12, 31)],
            ControlFigures.ControlPoints);
    }
}

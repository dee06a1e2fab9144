using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class ContactCadenceTests
{
    private static CadenceState At(string start, string today, params string[] contacts) =>
        ContactCadence.For(DateOnly.Parse(start), false, contacts.Select(DateOnly.Parse), DateOnly.Parse(today));

    [Fact]
    public void For_NewPairNoContacts_DueAtDay30OnTime()
    {
        var state = At("2026-09-01", "2026-09-05");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2026, 9, 30)), state);
    }

    [Fact]
    public void For_OneContactOnlyAfterFirst30Days_Overdue()
    {
        var state = At("2026-09-01", "2026-10-01", "2026-09-10");
        Assert.Equal(new CadenceState(CadenceStatus.Overdue, new DateOnly(2026, 9, 30)), state);
    }

    [Fact]
    public void For_OneContactOnlyWithin7DaysOfDay30_Soon()
    {
        var state = At("2026-09-01", "2026-09-25", "2026-09-10");
        Assert.Equal(new CadenceState(CadenceStatus.Soon, new DateOnly(2026, 9, 30)), state);
    }

    [Fact]
    public void For_TwoContactsInFirst30Days_NextDueEndOfFollowingMonth()
    {
        // Start 1 September: day 31 is 1 October, so October is the first calendar month that needs a contact.
        var state = At("2026-09-01", "2026-09-20", "2026-09-03", "2026-09-18");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2026, 10, 31)), state);
    }

    [Fact]
    public void For_StartOn31st_FirstPeriodCrossesShortFebruary()
    {
        // 31 January 2027 + 29 days = 1 March (2027 is not a leap year); the first monthly contact is due in March.
        Assert.Equal(new CadenceState(CadenceStatus.Soon, new DateOnly(2027, 3, 1)), At("2027-01-31", "2027-02-25", "2027-02-02"));
        Assert.Equal(new CadenceState(CadenceStatus.Overdue, new DateOnly(2027, 3, 1)), At("2027-01-31", "2027-03-02", "2027-02-02"));
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2027, 3, 31)), At("2027-01-31", "2027-03-02", "2027-02-02", "2027-02-20"));
    }

    [Fact]
    public void For_ContactOnMarch1stOfFirstPeriod_CountsForMarch()
    {
        var state = At("2027-01-31", "2027-03-20", "2027-02-02", "2027-03-01");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2027, 4, 30)), state);
    }

    [Fact]
    public void For_MonthMissed_OverdueFromFirstDayOfNextMonth()
    {
        var state = At("2026-09-01", "2026-11-01", "2026-09-03", "2026-09-18");
        Assert.Equal(new CadenceState(CadenceStatus.Overdue, new DateOnly(2026, 10, 31)), state);
    }

    [Fact]
    public void For_LastDayOfMonthNoContact_SoonNotOverdue()
    {
        var state = At("2026-09-01", "2026-10-31", "2026-09-03", "2026-09-18");
        Assert.Equal(new CadenceState(CadenceStatus.Soon, new DateOnly(2026, 10, 31)), state);
    }

    [Fact]
    public void For_MissedMonthThenLateContact_CaughtUp()
    {
        var state = At("2026-09-01", "2026-11-05", "2026-09-03", "2026-09-18", "2026-11-04");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2026, 12, 31)), state);
    }

    [Fact]
    public void For_ContactBeforeStartOrInFuture_Ignored()
    {
        var state = At("2026-09-01", "2026-10-05", "2026-08-30", "2026-09-10", "2026-10-20");
        Assert.Equal(CadenceStatus.Overdue, state.Status);
    }

    [Fact]
    public void For_ClosedPair_NoObligation()
    {
        var state = ContactCadence.For(new DateOnly(2026, 9, 1), true, [], new DateOnly(2027, 5, 1));
        Assert.Equal(new CadenceState(CadenceStatus.Closed, null), state);
    }

    [Fact]
    public void For_PairStartingInFuture_OnTime()
    {
        var state = At("2026-12-01", "2026-11-01");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2026, 12, 30)), state);
    }

    [Fact]
    public void For_ContactThisMonth_NextDueEndOfNextMonthEvenAcrossYear()
    {
        var state = At("2026-09-01", "2026-12-10", "2026-09-03", "2026-09-18", "2026-10-05", "2026-11-05", "2026-12-02");
        Assert.Equal(new CadenceState(CadenceStatus.OnTime, new DateOnly(2027, 1, 31)), state);
    }
}

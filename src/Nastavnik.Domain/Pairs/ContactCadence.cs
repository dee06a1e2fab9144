namespace Nastavnik.Domain.Pairs;

public enum CadenceStatus { OnTime, Soon, Overdue, Closed }

/// <summary>Where one side of a pair stands against the contact cadence, and the day the next contact is due by.</summary>
public sealed record CadenceState(CadenceStatus Status, DateOnly? DueOn);

/// <summary>
/// The curator's contact cadence (DOMAIN.md §4): from the pair's start the curator contacts the mentor and the mentee,
/// each, at least twice in the first 30 days, then at least once per calendar month until the pair closes.
/// </summary>
/// <remarks>
/// Obligations of one side, in order: «two contacts within [start, start + 29]», then one contact in every calendar
/// month from the month of day 31 on (a contact of the first 30 days falling in that month counts for it).
/// The side is overdue when the latest obligation whose deadline has passed is unmet and no contact has been made since
/// that deadline (a late contact catches up). Otherwise the next contact is due by the earliest deadline of an unmet
/// obligation; «скоро» when that is at most 7 days away. The SQL twin is <c>CadenceSql</c> in the web project; a test
/// checks they agree.
/// </remarks>
public static class ContactCadence
{
    public const int FirstPeriodDays = 30;
    public const int FirstPeriodContacts = 2;
    public const int SoonDays = 7;

    public static CadenceState For(DateOnly start, bool closed, IEnumerable<DateOnly> contacts, DateOnly today)
    {
        if (closed) return new CadenceState(CadenceStatus.Closed, null);
        var dates = contacts.Where(d => d >= start && d <= today).ToList();
        var firstEnd = start.AddDays(FirstPeriodDays - 1);
        var firstMonth = MonthOf(start.AddDays(FirstPeriodDays));
        var thisMonth = MonthOf(today);
        var firstMet = dates.Count(d => d <= firstEnd) >= FirstPeriodContacts;

        // The latest obligation whose deadline has passed: last month's, or else the first period's.
        DateOnly? passedDeadline = null;
        var passedMet = true;
        var lastMonth = thisMonth.AddMonths(-1);
        if (lastMonth >= firstMonth)
        {
            passedDeadline = thisMonth.AddDays(-1);
            passedMet = dates.Any(d => d >= lastMonth && d < thisMonth);
        }
        else if (firstEnd < today)
        {
            passedDeadline = firstEnd;
            passedMet = firstMet;
        }
        if (passedDeadline is { } deadline && !passedMet && !dates.Any(d => d > deadline))
        {
            return new CadenceState(CadenceStatus.Overdue, deadline);
        }

        var month = thisMonth > firstMonth ? thisMonth : firstMonth;
        var due = dates.Any(d => d >= month) ? EndOf(month.AddMonths(1)) : EndOf(month);
        if (!firstMet && firstEnd >= today && firstEnd < due) due = firstEnd;
        var status = due.DayNumber - today.DayNumber <= SoonDays ? CadenceStatus.Soon : CadenceStatus.OnTime;
        return new CadenceState(status, due);
    }

    public static string Title(this CadenceStatus status) => status switch
    {
        CadenceStatus.OnTime => "в срок",
        CadenceStatus.Soon => "скоро",
        CadenceStatus.Overdue => "просрочено",
        CadenceStatus.Closed => "пара завершена",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly EndOf(DateOnly month) => month.AddMonths(1).AddDays(-1);
}

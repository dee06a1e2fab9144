namespace Nastavnik.Domain.Text;

/// <summary>Times are stored in UTC and shown, and typed in as dates, in Moscow time.</summary>
public static class MoscowTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime From(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>The Moscow calendar date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTimeOffset utc) => DateOnly.FromDateTime(From(utc));

    /// <summary>Today in Moscow by the given clock: the date every «сегодня» of the programme means.</summary>
    public static DateOnly MoscowToday(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The UTC instant a Moscow calendar day begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // Moscow has been UTC+3 without daylight saving since 2014; the fixed zone only covers a machine without tzdata.
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("MSK", TimeSpan.FromHours(3), "Москва", "Москва");
        }
    }
}

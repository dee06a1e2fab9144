using Nastavnik.Domain.Text;

namespace Nastavnik.Domain.Tests.Text;

public class MoscowTimeTests
{
    [Fact]
    public void StartOfDay_MoscowDate_IsThreeHoursEarlierInUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 21, 0, 0, TimeSpan.Zero), MoscowTime.StartOfDay(new DateOnly(2026, 11, 21)));

    [Fact]
    public void From_LateUtcEvening_IsNextMoscowDay() =>
        Assert.Equal(new DateTime(2026, 11, 22, 0, 30, 0), MoscowTime.From(new DateTimeOffset(2026, 11, 21, 21, 30, 0, TimeSpan.Zero)));
}

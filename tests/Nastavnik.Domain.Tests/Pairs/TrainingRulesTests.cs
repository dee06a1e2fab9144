using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class TrainingRulesTests
{
    [Fact]
    public void Record_TwoCompleted_SumsHoursAndTakesLatest()
    {
        var record = TrainingRules.Record([
            new CompletedTraining("Школа наставника", "ЦНППМ", 16m, new DateOnly(2026, 10, 1)),
            new CompletedTraining("Наставничество в ДОУ", "ИРО", 2.5m, new DateOnly(2026, 11, 5)),
        ]);

        Assert.Equal(new TrainingRecord("Наставничество в ДОУ", "ИРО", 18.5m, new DateOnly(2026, 11, 5)), record);
    }

    [Fact]
    public void Record_NoneCompleted_ReturnsNull() => Assert.Null(TrainingRules.Record([]));

    [Theory]
    [InlineData(1L, 2L, TrainingLevel.Organization)]
    [InlineData(1L, null, TrainingLevel.Municipality)]
    [InlineData(null, null, TrainingLevel.Region)]
    public void LevelOf_Ids_GivesLevel(long? municipalityId, long? organizationId, TrainingLevel expected) =>
        Assert.Equal(expected, TrainingRules.LevelOf(municipalityId, organizationId));
}

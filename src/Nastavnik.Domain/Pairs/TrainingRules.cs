namespace Nastavnik.Domain.Pairs;

/// <summary>Who runs a mentor training: an organization for its own staff, a municipality or a region for many organizations.</summary>
public enum TrainingLevel { Organization, Municipality, Region }

/// <summary>One completed training of a person, as it counts for the mentor's «обучен».</summary>
public sealed record CompletedTraining(string Title, string Trainer, decimal Hours, DateOnly CompletedOn);

/// <summary>The training record a mentor profile carries after completed trainings (DOMAIN.md §4 stage 4).</summary>
public sealed record TrainingRecord(string Course, string Provider, decimal Hours, DateOnly CompletedOn);

public static class TrainingRules
{
    /// <summary>The screening checklist code a completed training ticks.</summary>
    public const string ScreeningCode = "training";

    /// <summary>A training with an organization is the organization's; without one, the municipality's; without both, the region's.</summary>
    public static TrainingLevel LevelOf(long? municipalityId, long? organizationId) =>
        organizationId is not null ? TrainingLevel.Organization
        : municipalityId is not null ? TrainingLevel.Municipality
        : TrainingLevel.Region;

    public static string Title(this TrainingLevel level) => level switch
    {
        TrainingLevel.Organization => "организация",
        TrainingLevel.Municipality => "муниципалитет",
        TrainingLevel.Region => "регион",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// What the mentor profile records: the hours of all completed trainings summed (the gate counts total hours),
    /// the latest training's course and trainer, and its completion date; null when none is completed.
    /// </summary>
    public static TrainingRecord? Record(IEnumerable<CompletedTraining> completed)
    {
        var all = completed.ToList();
        if (all.Count == 0) return null;
        var latest = all.OrderByDescending(c => c.CompletedOn).ThenBy(c => c.Title, StringComparer.Ordinal).First();
        return new TrainingRecord(Cut(latest.Title), Cut(latest.Trainer), all.Sum(c => c.Hours), latest.CompletedOn);
    }

    // The mentor profile's course and provider columns hold 300 characters.
    private static string Cut(string text) => text.Length <= 300 ? text : text[..300];
}

namespace Nastavnik.Domain.Roadmaps;

/// <summary>How an official's deadline text schedules an item (see DOMAIN.md §8 «Deadline phrase shapes»).</summary>
public enum DeadlineKind { Once, Window, Recurring, Checkpoints, Continuous, OnDemand, Unrecognized }

/// <summary>The roadmap's period, inclusive at both ends.</summary>
public sealed record Period(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static Period Years(int first, int last) => new(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));
}

/// <summary>One dated occurrence: an optional start and the due date (inclusive).</summary>
public sealed record Occurrence(DateOnly? Start, DateOnly Due);

/// <summary>
/// A parsed deadline: the original text (always kept), its kind, and the dated occurrences inside the period.
/// <see cref="LowPrecision"/> marks coarse bounds («до 2021», «до декабря 2022 г.») for the owner to confirm;
/// <see cref="ThenOnDemand"/> marks «…, далее – по мере необходимости»: dated first, event-driven after.
/// Unrecognized and on-demand deadlines have no occurrences.
/// </summary>
public sealed record DeadlineSchedule(
    string Text,
    DeadlineKind Kind,
    IReadOnlyList<Occurrence> Occurrences,
    bool LowPrecision = false,
    bool ThenOnDemand = false)
{
    public static DeadlineSchedule Unrecognized(string text) => new(text, DeadlineKind.Unrecognized, []);

    /// <summary>The snake_case name used in JSON and in the database («on_demand»).</summary>
    public static string KindCode(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Once => "once",
        DeadlineKind.Window => "window",
        DeadlineKind.Recurring => "recurring",
        DeadlineKind.Checkpoints => "checkpoints",
        DeadlineKind.Continuous => "continuous",
        DeadlineKind.OnDemand => "on_demand",
        DeadlineKind.Unrecognized => "unrecognized",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string KindTitle(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Once => "к сроку",
        DeadlineKind.Window => "период",
        DeadlineKind.Recurring => "регулярно",
        DeadlineKind.Checkpoints => "контрольные точки",
        DeadlineKind.Continuous => "в течение периода",
        DeadlineKind.OnDemand => "по событию",
        DeadlineKind.Unrecognized => "срок не распознан",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

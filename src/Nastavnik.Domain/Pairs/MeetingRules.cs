namespace Nastavnik.Domain.Pairs;

/// <summary>What a recorded meeting states, as the rules need it.</summary>
public sealed record MeetingFacts(MeetingType Type, DateOnly HeldOn, int DurationMinutes, string SkipReason, MeetingOutcome Outcome);

/// <summary>A broken rule: the form field it belongs to (a property name of <see cref="MeetingFacts"/>, or "" for the whole form) and a Russian message.</summary>
public sealed record RuleError(string Field, string Message);

/// <summary>The rules a meeting record must keep (DOMAIN.md §4 «Meeting record»).</summary>
public static class MeetingRules
{
    public const int MinDuration = 5, MaxDuration = 600;
    public const string ClosedMessage = "Пара (группа) завершена: встречи завершённой пары нельзя добавлять или изменять.";
    public const string PausedMessage = "Работа пары (группы) приостановлена: новые встречи записываются после возобновления.";

    /// <param name="today">Today in Moscow.</param>
    /// <param name="start">The pair's start date.</param>
    /// <param name="held">The types of the other meetings already recorded.</param>
    /// <param name="adding">A new meeting (a paused pair takes none) rather than a correction of a recorded one (allowed while paused).</param>
    public static IReadOnlyList<RuleError> Check(MeetingFacts m, DateOnly today, DateOnly start, GroupStatus status, IEnumerable<MeetingType> held,
        bool adding = true)
    {
        if (status == GroupStatus.Closed) return [new RuleError("", ClosedMessage)];
        if (status == GroupStatus.Paused && adding) return [new RuleError("", PausedMessage)];
        var errors = new List<RuleError>();
        if (m.HeldOn > today)
        {
            errors.Add(new(nameof(MeetingFacts.HeldOn), $"Дата встречи не может быть позже сегодняшнего дня ({today:dd.MM.yyyy})."));
        }
        if (m.HeldOn < start)
        {
            errors.Add(new(nameof(MeetingFacts.HeldOn), $"Дата встречи не может быть раньше начала работы пары ({start:dd.MM.yyyy})."));
        }
        if (m.DurationMinutes is < MinDuration or > MaxDuration)
        {
            errors.Add(new(nameof(MeetingFacts.DurationMinutes), $"Продолжительность встречи — от {MinDuration} до {MaxDuration} минут."));
        }
        var skipped = MeetingSequence.Skipped(held, m.Type);
        if (skipped.Count > 0 && string.IsNullOrWhiteSpace(m.SkipReason))
        {
            errors.Add(new(nameof(MeetingFacts.SkipReason),
                $"Пропущен этап: {string.Join(", ", skipped.Select(s => s.Title().ToLowerInvariant()))}. Укажите причину пропуска."));
        }
        if (m.Type == MeetingType.Trial && m.Outcome == MeetingOutcome.None)
        {
            errors.Add(new(nameof(MeetingFacts.Outcome), "Укажите итог пробной встречи: пара подтверждена или требуется переформирование."));
        }
        return errors;
    }
}

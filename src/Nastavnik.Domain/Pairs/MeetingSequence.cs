namespace Nastavnik.Domain.Pairs;

/// <summary>One step of the progress line: done, or the next one to hold.</summary>
public sealed record SequenceStep(MeetingType Type, bool Done, bool IsNext);

/// <summary>
/// The meeting sequence of DOMAIN.md §4: встреча-знакомство → пробная → планирование → регулярные → итоговая.
/// The first three are held once each, in order; regular meetings repeat until the final one.
/// </summary>
public static class MeetingSequence
{
    public static readonly IReadOnlyList<MeetingType> Steps =
        [MeetingType.Introduction, MeetingType.Trial, MeetingType.Planning, MeetingType.Regular, MeetingType.Final];

    private static readonly MeetingType[] OnceSteps = [MeetingType.Introduction, MeetingType.Trial, MeetingType.Planning];

    /// <summary>The step to hold next: the first of the opening steps not yet held, then regular meetings; none after the final one.</summary>
    public static MeetingType? Next(IEnumerable<MeetingType> held)
    {
        var set = held.ToHashSet();
        if (set.Contains(MeetingType.Final)) return null;
        foreach (var step in OnceSteps)
        {
            if (!set.Contains(step)) return step;
        }
        return MeetingType.Regular;
    }

    /// <summary>The opening steps a meeting of <paramref name="type"/> would skip (not held and coming before it).</summary>
    public static IReadOnlyList<MeetingType> Skipped(IEnumerable<MeetingType> held, MeetingType type)
    {
        var set = held.ToHashSet();
        return OnceSteps.Where(s => s < type && !set.Contains(s)).ToList();
    }

    /// <summary>The progress line: every step with whether it was held and which one comes next.</summary>
    public static IReadOnlyList<SequenceStep> Progress(IEnumerable<MeetingType> held)
    {
        var list = held.ToList();
        var set = list.ToHashSet();
        var next = Next(list);
        return Steps.Select(s => new SequenceStep(s, set.Contains(s), s == next)).ToList();
    }
}

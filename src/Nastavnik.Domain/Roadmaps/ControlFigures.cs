namespace Nastavnik.Domain.Roadmaps;

/// <summary>Where an occurrence stands at a control date.</summary>
public enum ControlState { OnTime, Late, NotDone, Upcoming, NotRequired, OnDemand }

/// <summary>What the control arithmetic needs of one occurrence: its due date, execution status and the day it was done.</summary>
public sealed record ControlOccurrence(DateOnly? Due, OccurrenceStatus Status, DateOnly? DoneOn);

/// <summary>
/// Counts of occurrences by <see cref="ControlState"/>. Roll-ups add counts and compute the share from the sums, so a
/// municipality's share is never an average of its schools' shares (a school with 2 items would weigh as much as one
/// with 200).
/// </summary>
public sealed record ControlCounts(int OnTime, int Late, int NotDone, int Upcoming, int NotRequired, int OnDemand)
{
    public static readonly ControlCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>Occurrences the control date can judge: due by then, or done already.</summary>
    public int Checked => OnTime + Late + NotDone;

    /// <summary>Everything with a calendar due that is required: checked plus still upcoming.</summary>
    public int Total => Checked + Upcoming;

    /// <summary>Done on time as a percentage of <see cref="Checked"/>, one decimal; null when nothing is checked yet.</summary>
    public decimal? OnTimeShare => Share(OnTime);

    public decimal? LateShare => Share(Late);

    public decimal? NotDoneShare => Share(NotDone);

    public int this[ControlState state] => state switch
    {
        ControlState.OnTime => OnTime,
        ControlState.Late => Late,
        ControlState.NotDone => NotDone,
        ControlState.Upcoming => Upcoming,
        ControlState.NotRequired => NotRequired,
        ControlState.OnDemand => OnDemand,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public ControlCounts Add(ControlState state, int count = 1) => state switch
    {
        ControlState.OnTime => this with { OnTime = OnTime + count },
        ControlState.Late => this with { Late = Late + count },
        ControlState.NotDone => this with { NotDone = NotDone + count },
        ControlState.Upcoming => this with { Upcoming = Upcoming + count },
        ControlState.NotRequired => this with { NotRequired = NotRequired + count },
        ControlState.OnDemand => this with { OnDemand = OnDemand + count },
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static ControlCounts operator +(ControlCounts a, ControlCounts b) => new(
        a.OnTime + b.OnTime, a.Late + b.Late, a.NotDone + b.NotDone, a.Upcoming + b.Upcoming,
        a.NotRequired + b.NotRequired, a.OnDemand + b.OnDemand);

    public static ControlCounts Sum(IEnumerable<ControlCounts> counts) => counts.Aggregate(Zero, (a, b) => a + b);

    private decimal? Share(int part) => Checked == 0 ? null : Math.Round(100m * part / Checked, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The control arithmetic of roadmaps (DOMAIN.md §8): each occurrence is judged as it stood on the control date.
/// Work reported done after the control date did not exist on that date, so a past control point reads the same
/// whenever it is opened. A continuous item («в течение всего периода») has one occurrence due at the period's end,
/// so it becomes overdue only after the period ends; an event-driven one (no due date) is never overdue and stays
/// out of the counts until it is linked to an event.
/// </summary>
public static class ControlFigures
{
    /// <summary>The seeded December control points of the seed roadmaps (2020–2024).</summary>
    public static readonly IReadOnlyList<DateOnly> ControlPoints =
        Enumerable.Range(2020, 5).Select(y => new DateOnly(y, 12, 31)).ToList();

    public static ControlState Classify(ControlOccurrence o, DateOnly date)
    {
        if (o.Status == OccurrenceStatus.NotRequired) return ControlState.NotRequired;
        if (o.Due is not { } due) return ControlState.OnDemand;
        if (IsDoneBy(o, date))
        {
            // Done without a recorded day: the record says done and nothing shows it was late.
            return o.DoneOn is not { } doneOn || doneOn <= due ? ControlState.OnTime : ControlState.Late;
        }
        // The due day itself is still in time.
        return due < date ? ControlState.NotDone : ControlState.Upcoming;
    }

    public static ControlCounts Count(IEnumerable<ControlOccurrence> occurrences, DateOnly date) =>
        occurrences.Aggregate(ControlCounts.Zero, (sum, o) => sum.Add(Classify(o, date)));

    /// <summary>Due before the date, required, and not done by then.</summary>
    public static bool IsOverdue(ControlOccurrence o, DateOnly date) => Classify(o, date) == ControlState.NotDone;

    /// <summary>Due on the date or within <paramref name="days"/> days after it, required, and not done by then.</summary>
    public static bool IsUpcoming(ControlOccurrence o, DateOnly date, int days) =>
        Classify(o, date) == ControlState.Upcoming && o.Due is { } due && due <= date.AddDays(days);

    public static bool IsDoneBy(ControlOccurrence o, DateOnly date) =>
        o.Status == OccurrenceStatus.Done && (o.DoneOn is not { } doneOn || doneOn <= date);

    public static string Title(this ControlState state) => state switch
    {
        ControlState.OnTime => "выполнено в срок",
        ControlState.Late => "выполнено с опозданием",
        ControlState.NotDone => "не выполнено",
        ControlState.Upcoming => "в работе / предстоит",
        ControlState.NotRequired => "не требуется",
        ControlState.OnDemand => "по событию",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>A share for people: «83,3 %», or «—» when nothing is checked yet.</summary>
    public static string Percent(decimal? share) =>
        share is { } s ? s.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + " %" : "—";
}

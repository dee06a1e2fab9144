namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// A deadline phrase as <see cref="DeadlineReader"/> understood it, before any dates are worked out:
/// <paramref name="First"/> and, for «…, далее – …» / «… с последующим …», what follows <paramref name="Then"/>.
/// </summary>
internal sealed record DeadlineExpression(DeadlineClause First, DeadlineClause? Then);

/// <summary>One part of a phrase: its dated items and the words around them that give the cadence or the kind.</summary>
internal sealed class DeadlineClause
{
    public readonly List<DeadlineItem> Items = new(2);
    /// <summary>Months per occurrence of a stated cadence (12 yearly … 1 monthly); 0 = none stated.</summary>
    public int MonthsPerOccurrence;
    /// <summary>«еженедельно», «раз в неделю».</summary>
    public bool Weekly;
    /// <summary>«регулярно», «периодически»: recurring, with no cadence stated.</summary>
    public bool Regular;
    /// <summary>«постоянно», «в течение всего периода»: one span over the period.</summary>
    public bool Continuous;
    /// <summary>«по мере …», «по отдельному графику»: event-driven, no dates.</summary>
    public bool OnDemand;
    /// <summary>«до завершения наставничества»: ends on an event, not a date.</summary>
    public bool UntilEvent;
    /// <summary>A word or shape the reader does not know: the phrase is unrecognised rather than guessed around.</summary>
    public bool Unreadable;

    public bool HasRecurrence => MonthsPerOccurrence > 0 || Weekly || Regular;

    /// <summary>Exactly one plain date, month or the like: one end of a «Дата начала / Дата окончания» pair.</summary>
    public bool IsSingleDate =>
        !Unreadable && !HasRecurrence && !Continuous && !OnDemand && !UntilEvent
        && Items.Count == 1 && Items[0] is { Mode: DeadlineItemMode.Plain, EndPiece: null };
}

/// <summary>How an item's dates are meant: the thing itself, «до …», «не позднее …» / «по …», «до конца …», «с …».</summary>
internal enum DeadlineItemMode : byte { Plain, Until, NotLater, UntilEndOf, From }

/// <summary>One dated item: a piece, or a range from <paramref name="Piece"/> to <paramref name="EndPiece"/>
/// («октябрь-декабрь 2020», «с 01.09.2021 по 31.05.2022»).</summary>
internal sealed record DeadlineItem(DeadlineItemMode Mode, DatedPiece Piece, DatedPiece? EndPiece)
{
    public bool HasYear => Piece.HasYear || EndPiece is { HasYear: true };
}

internal enum DatedPieceKind : byte { Date, DayRange, Month, Quarters, HalfYears, Years, SchoolYear }

/// <summary>
/// One dated thing as written. Date: <paramref name="First"/> = <paramref name="Last"/> = the day.
/// DayRange: days <paramref name="First"/>..<paramref name="Last"/> of <paramref name="Month"/>. Quarters, HalfYears:
/// <paramref name="First"/>..<paramref name="Last"/>. Years: <paramref name="First"/>..<paramref name="Last"/> (0 = «года»
/// without a number: the year it is read in). SchoolYear: <paramref name="First"/> = its first year (0 = unnamed).
/// <paramref name="Year"/> = the year written next to it (0 = none).
/// </summary>
internal readonly record struct DatedPiece(DatedPieceKind Kind, int First, int Last, int Month, int Year)
{
    public bool HasYear => Year != 0;

    /// <summary>A single day: due on it rather than spanning from a start.</summary>
    public bool IsPoint => Kind == DatedPieceKind.Date || (Kind == DatedPieceKind.DayRange && First == Last);

    /// <summary>The first and last day of the piece read in <paramref name="year"/>; false when there is no such date.</summary>
    public bool TryGetBounds(int year, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        switch (Kind)
        {
            case DatedPieceKind.Date:
            case DatedPieceKind.DayRange:
                if (!IsUsableYear(year) || Last > DateTime.DaysInMonth(year, Month) || First > DateTime.DaysInMonth(year, Month)) return false;
                start = new DateOnly(year, Month, First);
                end = new DateOnly(year, Month, Kind == DatedPieceKind.Date ? First : Last);
                return true;
            case DatedPieceKind.Month:
                if (!IsUsableYear(year)) return false;
                start = new DateOnly(year, Month, 1);
                end = new DateOnly(year, Month, DateTime.DaysInMonth(year, Month));
                return true;
            case DatedPieceKind.Quarters:
            case DatedPieceKind.HalfYears:
                if (!IsUsableYear(year)) return false;
                var months = Kind == DatedPieceKind.Quarters ? 3 : 6;
                start = new DateOnly(year, (First - 1) * months + 1, 1);
                end = new DateOnly(year, Last * months, 1).AddMonths(1).AddDays(-1);
                return true;
            case DatedPieceKind.Years:
                var (firstYear, lastYear) = First == 0 ? (year, year) : (First, Last);
                if (!IsUsableYear(firstYear) || !IsUsableYear(lastYear)) return false;
                start = new DateOnly(firstYear, 1, 1);
                end = new DateOnly(lastYear, 12, 31);
                return true;
            default:
                // The school year runs 1 September to 31 August: nothing is overdue over the summer.
                var schoolYear = First == 0 ? year : First;
                if (!IsUsableYear(schoolYear) || !IsUsableYear(schoolYear + 1)) return false;
                start = new DateOnly(schoolYear, 9, 1);
                end = new DateOnly(schoolYear + 1, 8, 31);
                return true;
        }
    }

    private static bool IsUsableYear(int year) => year is >= 1 and <= 9998;
}

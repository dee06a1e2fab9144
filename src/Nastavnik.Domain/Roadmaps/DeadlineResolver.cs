namespace Nastavnik.Domain.Roadmaps;

/// <summary>What a <see cref="DeadlineExpression"/> comes to inside a period, before clipping and sorting.</summary>
internal sealed record ResolvedDeadline(DeadlineKind Kind, List<Occurrence> Occurrences, bool LowPrecision = false, bool ThenOnDemand = false)
{
    public static readonly ResolvedDeadline Unrecognized = new(DeadlineKind.Unrecognized, []);
}

/// <summary>
/// A <see cref="DeadlineExpression"/> and a period → the kind and the occurrences: years taken from the period where the
/// text names none, cadences laid out over the period, «далее – ежегодно» repeated after the first window.
/// </summary>
internal static class DeadlineResolver
{
    public static ResolvedDeadline Resolve(DeadlineExpression expression, Period period) =>
        expression.Then is { } then ? ResolveFirstThen(expression.First, then, period) : ResolveClause(expression.First, period);

    /// <summary>
    /// The schedule handed to callers: occurrences clipped to the period when <paramref name="clipToPeriod"/> and sorted by
    /// due date; none at all when <paramref name="kindOnly"/> (the text gave no year to anchor on) or on demand.
    /// </summary>
    public static DeadlineSchedule Schedule(string text, ResolvedDeadline resolved, Period period, bool clipToPeriod, bool kindOnly)
    {
        if (resolved.Kind == DeadlineKind.Unrecognized) return DeadlineSchedule.Unrecognized(text);
        var list = new List<Occurrence>(resolved.Occurrences.Count);
        if (!kindOnly && resolved.Kind != DeadlineKind.OnDemand)
        {
            foreach (var occurrence in resolved.Occurrences)
            {
                var kept = clipToPeriod ? Clip(occurrence, period.Start, period.End) : occurrence;
                if (kept is not null) list.Add(kept);
            }
            list.Sort(static (a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : (a.Start ?? a.Due).CompareTo(b.Start ?? b.Due));
        }
        return new DeadlineSchedule(text, resolved.Kind, list, resolved.LowPrecision, resolved.ThenOnDemand);
    }

    /// <summary>The part of <paramref name="occurrence"/> between <paramref name="from"/> and <paramref name="to"/>; null when none.</summary>
    private static Occurrence? Clip(Occurrence occurrence, DateOnly from, DateOnly to)
    {
        if (occurrence.Start is not { } start) return occurrence.Due >= from && occurrence.Due <= to ? occurrence : null;
        var clippedStart = start < from ? from : start;
        var clippedDue = occurrence.Due > to ? to : occurrence.Due;
        if (clippedStart > clippedDue) return null;
        return clippedStart == start && clippedDue == occurrence.Due ? occurrence : new Occurrence(clippedStart, clippedDue);
    }

    private static ResolvedDeadline ResolveClause(DeadlineClause clause, Period period)
    {
        if (clause.Unreadable) return ResolvedDeadline.Unrecognized;
        if (clause.HasRecurrence) return ResolveRecurrence(clause, period);
        if (clause.Items.Count == 0)
        {
            if (clause.Continuous) return new ResolvedDeadline(DeadlineKind.Continuous, [new Occurrence(period.Start, period.End)]);
            if (clause.OnDemand || clause.UntilEvent) return new ResolvedDeadline(DeadlineKind.OnDemand, []);
            return ResolvedDeadline.Unrecognized;
        }
        // «до 15.11.2020 (по приказу)»: a date and an event in one breath — which one rules is for a person to say.
        if (clause.OnDemand) return ResolvedDeadline.Unrecognized;
        var list = new List<Occurrence>(clause.Items.Count);
        var lowPrecision = false;
        foreach (var item in clause.Items)
        {
            if (!TryDatesOf(item, 0, period, out var occurrence, out var itemLowPrecision)) return ResolvedDeadline.Unrecognized;
            list.Add(occurrence);
            lowPrecision |= itemLowPrecision;
        }
        if (clause.UntilEvent)
        {
            // «с 01.02.2023 до завершения программы»: open-ended, runs to the period end; the end is the owner's call.
            if (clause.Items.Count != 1 || clause.Items[0].Mode != DeadlineItemMode.From) return ResolvedDeadline.Unrecognized;
            lowPrecision = true;
        }
        var kind = list.Count > 1 ? DeadlineKind.Checkpoints : list[0].Start is null ? DeadlineKind.Once : DeadlineKind.Window;
        return new ResolvedDeadline(kind, list, lowPrecision);
    }

    private static ResolvedDeadline ResolveRecurrence(DeadlineClause clause, Period period)
    {
        var from = period.Start;
        var to = period.End;
        var lowPrecision = false;
        // Items without a year are the month or day each year's occurrence falls on («ежегодно в сентябре»).
        List<DeadlineItem>? yearlyAnchors = null;
        foreach (var item in clause.Items)
        {
            if (!item.HasYear)
            {
                (yearlyAnchors ??= []).Add(item);
                continue;
            }
            if (!TryDatesOf(item, 0, period, out var occurrence, out var itemLowPrecision)) return ResolvedDeadline.Unrecognized;
            lowPrecision |= itemLowPrecision;
            switch (item.Mode)
            {
                case DeadlineItemMode.From when item.EndPiece is null:
                    if (occurrence.Start > from) from = occurrence.Start.Value;
                    // «с сентября 2021 ежегодно»: the named month (or day) is also the yearly anchor.
                    if (clause.MonthsPerOccurrence == 12 && item.EndPiece is null
                        && item.Piece.Kind is DatedPieceKind.Month or DatedPieceKind.DayRange or DatedPieceKind.Date
                        && !clause.Items.Exists(static i => !i.HasYear))
                    {
                        (yearlyAnchors ??= []).Add(new DeadlineItem(DeadlineItemMode.Plain, item.Piece with { Year = 0 }, null));
                    }
                    break;
                case DeadlineItemMode.Until or DeadlineItemMode.NotLater or DeadlineItemMode.UntilEndOf:
                    if (occurrence.Due < to) to = occurrence.Due;
                    break;
                default:
                    // Years named alongside a cadence bound it: «Ежегодно 2021 – 2024 гг.», «ежегодно с 2021 по 2023 год».
                    if (occurrence.Start is null
                        || (item.EndPiece is null && item.Piece.Kind is not (DatedPieceKind.Years or DatedPieceKind.SchoolYear)))
                    {
                        return ResolvedDeadline.Unrecognized;
                    }
                    if (occurrence.Start > from) from = occurrence.Start.Value;
                    if (occurrence.Due < to) to = occurrence.Due;
                    break;
            }
        }
        var list = new List<Occurrence>();
        if (!AddRecurring(clause, yearlyAnchors, from, to, period, list, ref lowPrecision)) return ResolvedDeadline.Unrecognized;
        return new ResolvedDeadline(DeadlineKind.Recurring, list, lowPrecision);
    }

    /// <summary>Occurrences of a cadence between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    private static bool AddRecurring(DeadlineClause clause, List<DeadlineItem>? yearlyAnchors, DateOnly from, DateOnly to, Period period,
        List<Occurrence> list, ref bool lowPrecision)
    {
        if (clause.MonthsPerOccurrence == 0 && !clause.Weekly)
        {
            // «регулярно», «на регулярной основе до завершения наставничества»: no cadence stated — one span, to confirm.
            if (yearlyAnchors is not null) return false;
            if (from <= to) list.Add(new Occurrence(from, to));
            lowPrecision = true;
            return true;
        }
        if (yearlyAnchors is not null)
        {
            // Named months or days recur each year: «ежегодно в сентябре», «2 раза в год (май, декабрь)».
            if (clause.MonthsPerOccurrence < 3) return false;
            for (var year = from.Year; year <= to.Year; year++)
            {
                foreach (var anchor in yearlyAnchors)
                {
                    if (!TryDatesOf(anchor, year, period, out var occurrence, out var anchorLowPrecision)) return false;
                    lowPrecision |= anchorLowPrecision;
                    if (Clip(occurrence, from, to) is { } kept) list.Add(kept);
                }
            }
            return true;
        }
        AddCadenceSteps(clause, from, to, list);
        return true;
    }

    /// <summary>One occurrence per week, or per calendar month / quarter / half-year / year, clipped to from…to.</summary>
    private static void AddCadenceSteps(DeadlineClause clause, DateOnly from, DateOnly to, List<Occurrence> list)
    {
        if (from > to) return;
        if (clause.Weekly)
        {
            var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
            for (var weekStart = monday; weekStart <= to; weekStart = weekStart.AddDays(7))
            {
                if (Clip(new Occurrence(weekStart, weekStart.AddDays(6)), from, to) is { } kept) list.Add(kept);
                if (weekStart.Year >= 9998) break;
            }
            return;
        }
        var months = clause.MonthsPerOccurrence;
        for (var stepStart = new DateOnly(from.Year, (from.Month - 1) / months * months + 1, 1); stepStart <= to; stepStart = stepStart.AddMonths(months))
        {
            if (Clip(new Occurrence(stepStart, stepStart.AddMonths(months).AddDays(-1)), from, to) is { } kept) list.Add(kept);
        }
    }

    /// <summary>«X, далее – ежегодно [месяц]», «X с последующим ежегодным обновлением», «X, далее – по мере …».</summary>
    private static ResolvedDeadline ResolveFirstThen(DeadlineClause first, DeadlineClause then, Period period)
    {
        if (first.Unreadable || then.Unreadable || first.HasRecurrence || first.Continuous || first.OnDemand) return ResolvedDeadline.Unrecognized;
        var firstPart = ResolveClause(first, period);
        if (firstPart.Kind is not (DeadlineKind.Once or DeadlineKind.Window or DeadlineKind.Checkpoints)) return ResolvedDeadline.Unrecognized;
        if (!then.HasRecurrence)
        {
            if ((then.OnDemand || then.UntilEvent) && then.Items.Count == 0 && !then.Continuous) return firstPart with { ThenOnDemand = true };
            return ResolvedDeadline.Unrecognized;
        }
        var lastDue = firstPart.Occurrences[0].Due;
        foreach (var o in firstPart.Occurrences) if (o.Due > lastDue) lastDue = o.Due;
        var from = lastDue.AddDays(1);
        var to = period.End;
        var lowPrecision = firstPart.LowPrecision;
        List<DeadlineItem>? yearlyAnchors = null;
        foreach (var item in then.Items)
        {
            if (!item.HasYear)
            {
                (yearlyAnchors ??= []).Add(item);
                continue;
            }
            if (item.Mode is not (DeadlineItemMode.Until or DeadlineItemMode.NotLater or DeadlineItemMode.UntilEndOf)) return ResolvedDeadline.Unrecognized;
            if (!TryDatesOf(item, 0, period, out var occurrence, out var itemLowPrecision)) return ResolvedDeadline.Unrecognized;
            lowPrecision |= itemLowPrecision;
            if (occurrence.Due < to) to = occurrence.Due;
        }
        var list = new List<Occurrence>(firstPart.Occurrences);
        if (then.MonthsPerOccurrence == 12 && yearlyAnchors is null)
        {
            // «далее – ежегодно» without a month: the first window (or date) again each later year.
            for (var yearsLater = 1; ; yearsLater++)
            {
                var added = false;
                foreach (var o in firstPart.Occurrences)
                {
                    var shifted = new Occurrence(o.Start?.AddYears(yearsLater), o.Due.AddYears(yearsLater));
                    if ((shifted.Start ?? shifted.Due) > to) continue;
                    added = true;
                    if (Clip(shifted, from, to) is { } kept) list.Add(kept);
                }
                if (!added || lastDue.Year + yearsLater >= 9998) break;
            }
        }
        else if (yearlyAnchors is not null)
        {
            var nextYear = new DateOnly(lastDue.Year + 1, 1, 1);
            if (!AddRecurring(then, yearlyAnchors, nextYear > from ? nextYear : from, to, period, list, ref lowPrecision)) return ResolvedDeadline.Unrecognized;
        }
        else if (!AddRecurring(then, null, from, to, period, list, ref lowPrecision))
        {
            return ResolvedDeadline.Unrecognized;
        }
        return new ResolvedDeadline(DeadlineKind.Recurring, list, lowPrecision);
    }

    /// <summary>
    /// The dates of one item; <paramref name="year"/> (non-zero) is the year for pieces that name none, otherwise the
    /// period decides (<see cref="PickYear"/>). <paramref name="lowPrecision"/>: the dates are a reading for the owner to confirm.
    /// </summary>
    public static bool TryDatesOf(DeadlineItem item, int year, Period period, out Occurrence occurrence, out bool lowPrecision)
    {
        occurrence = null!;
        lowPrecision = false;
        var piece = item.Piece;
        if (item.EndPiece is not { } endPiece)
        {
            var y = piece.HasYear ? piece.Year : year != 0 ? year : PickYear(piece, period);
            if (!piece.TryGetBounds(y, out var start, out var end)) return false;
            switch (item.Mode)
            {
                case DeadlineItemMode.Plain:
                    occurrence = piece.IsPoint ? new Occurrence(null, end) : new Occurrence(start, end);
                    break;
                case DeadlineItemMode.Until when !piece.IsPoint:
                    // «до 2021», «до декабря 2022 г.»: due the day before the named period, for the owner to confirm.
                    occurrence = new Occurrence(null, start.AddDays(-1));
                    lowPrecision = true;
                    break;
                case DeadlineItemMode.From:
                    occurrence = new Occurrence(start, period.End >= start ? period.End : end);
                    break;
                default:
                    occurrence = new Occurrence(null, end);
                    break;
            }
            return true;
        }
        int startYear, endYear;
        if (piece.HasYear && endPiece.HasYear)
        {
            startYear = piece.Year;
            endYear = endPiece.Year;
        }
        else if (endPiece.HasYear)
        {
            // «Октябрь-декабрь 2020», «15-30 октября 2020»: the one year applies to both; «ноябрь – январь 2022» crosses.
            endYear = endPiece.Year;
            startYear = endYear;
            if (!piece.TryGetBounds(startYear, out var sameYearStart, out _) || !endPiece.TryGetBounds(endYear, out _, out var sameYearEnd)) return false;
            if (sameYearStart > sameYearEnd) startYear--;
        }
        else
        {
            startYear = piece.HasYear ? piece.Year : year != 0 ? year : PickYear(piece, period);
            endYear = startYear;
            if (!piece.TryGetBounds(startYear, out var sameYearStart, out _) || !endPiece.TryGetBounds(endYear, out _, out var sameYearEnd)) return false;
            if (sameYearEnd < sameYearStart) endYear++;
        }
        if (!piece.TryGetBounds(startYear, out var rangeStart, out _) || !endPiece.TryGetBounds(endYear, out _, out var rangeDue) || rangeStart > rangeDue)
            return false;
        occurrence = new Occurrence(rangeStart, rangeDue);
        return true;
    }

    /// <summary>The first year in which a year-less piece lies inside the period (else overlaps it, else the first year).</summary>
    private static int PickYear(DatedPiece piece, Period period)
    {
        var first = Math.Max(1, period.Start.Year - 1);
        var last = Math.Min(9998, period.End.Year);
        for (var y = first; y <= last; y++)
        {
            if (piece.TryGetBounds(y, out var s, out var e) && (piece.IsPoint ? period.Contains(e) : s >= period.Start && e <= period.End)) return y;
        }
        for (var y = first; y <= last; y++)
        {
            if (piece.TryGetBounds(y, out var s, out var e) && s <= period.End && e >= period.Start) return y;
        }
        return Math.Clamp(period.Start.Year, 1, 9998);
    }
}

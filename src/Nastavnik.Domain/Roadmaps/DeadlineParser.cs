namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Reads an official's free-text Russian deadline («до 15.11.2020», «Октябрь-декабрь 2020», «Ежегодно 2021 – 2024 гг.»,
/// «ноябрь–декабрь 2022 г., далее - ежегодно сентябрь», «по отдельному графику»…) into a <see cref="DeadlineSchedule"/>
/// (DOMAIN.md §8 «Deadline phrase shapes»). Three steps: <see cref="DeadlineLexer"/> (text → tokens),
/// <see cref="DeadlineReader"/> (tokens → a <see cref="DeadlineExpression"/>) and <see cref="DeadlineResolver"/>
/// (expression + period → occurrences): linear in the text, no regular expressions, no clock, no I/O. Anything it cannot read completely comes back
/// <see cref="DeadlineKind.Unrecognized"/> with the text kept: a stray word is never guessed around.
/// <para>Kinds: <c>once</c> — a due date («до DATE», «не позднее …», «до конца 2021 года», a bare date; «до 2021» and
/// «до декабря 2022 г.» are due the day before the named period and flagged <see cref="DeadlineSchedule.LowPrecision"/>);
/// <c>window</c> — a start and a due (a month, a month or day range, «с … по …», years, quarters, half-years, a school year
/// 01.09–31.08, «с 2021 г.» running to the period end); <c>recurring</c> — one occurrence per calendar year / half-year /
/// quarter / month / week of the period (or of the years named), on the named month or day when one is named; a first
/// window followed by «далее – ежегодно [месяц]» or «с последующим ежегодным …»; a cadence-less «регулярно» / «на
/// регулярной основе до завершения …» is one occurrence from its start to the period end, flagged LowPrecision;
/// <c>checkpoints</c> — a list of dates or months; <c>continuous</c> — «постоянно», «в течение (всего) периода …»,
/// «в течение учебного года»: one occurrence spanning the period; <c>on_demand</c> — event-driven («по мере …», «согласно
/// графику», «по отдельному графику», «в соответствии со сроками …»): no occurrences; a dated part followed by «далее –
/// по мере …» keeps its dated occurrences with <see cref="DeadlineSchedule.ThenOnDemand"/>.</para>
/// <para>Occurrences are clipped to the period (never outside it, start ≤ due); text without a year takes it from the
/// period (the first year in which the month or day lies inside it).</para>
/// </summary>
public static class DeadlineParser
{
    /// <summary>
    /// Parses <paramref name="text"/> inside <paramref name="period"/>. Without a period the period is the calendar years
    /// the text names (and its dates are then not clipped); when the text names no year either, this overload has no year
    /// to anchor on and — rather than read the clock — returns the recognised kind with no occurrences. Callers that
    /// want the current year then call <see cref="Parse(string, Period?, DateOnly)"/>.
    /// </summary>
    public static DeadlineSchedule Parse(string text, Period? period) => Run(text, period, null);

    /// <summary>As <see cref="Parse(string, Period?)"/>, but a text without a period and without a year is read inside
    /// the calendar year of <paramref name="today"/>.</summary>
    public static DeadlineSchedule Parse(string text, Period? period, DateOnly today) => Run(text, period, today);

    /// <summary>
    /// Separate «Дата начала» / «Дата окончания» columns (the Дубна plan): dates, or months such as «Ноябрь 2021» /
    /// «Апрель 2024» — the start is the first day of the start column, the due the last day of the end column. A missing
    /// column, or a column that is not a single date («В течение периода»), is read as free text.
    /// </summary>
    public static DeadlineSchedule FromColumns(string startText, string endText, Period? period)
    {
        var start = (startText ?? "").Trim();
        var end = (endText ?? "").Trim();
        var text = start.Length > 0 && end.Length > 0 ? start + " – " + end : start + end;
        if (start.Length == 0 || end.Length == 0) return Run(text, period, null);
        try
        {
            var startTokens = DeadlineLexer.Lex(start);
            var endTokens = DeadlineLexer.Lex(end);
            if (startTokens.HasBadDate || endTokens.HasBadDate) return DeadlineSchedule.Unrecognized(text);
            var startClause = DeadlineReader.ReadClause(startTokens, 0, startTokens.Count);
            var endClause = DeadlineReader.ReadClause(endTokens, 0, endTokens.Count);
            if (!startClause.IsSingleDate || !endClause.IsSingleDate) return Run(text, period, null);
            var frame = Frame(period, Math.Min(startTokens.MinYear, endTokens.MinYear), Math.Max(startTokens.MaxYear, endTokens.MaxYear), null);
            var item = new DeadlineItem(DeadlineItemMode.Plain, startClause.Items[0].Piece, endClause.Items[0].Piece);
            if (!DeadlineResolver.TryDatesOf(item, 0, frame.Period, out var occurrence, out _)) return DeadlineSchedule.Unrecognized(text);
            return DeadlineResolver.Schedule(text, new ResolvedDeadline(DeadlineKind.Window, [occurrence]), frame.Period, frame.ClipToPeriod, frame.KindOnly);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DeadlineSchedule.Unrecognized(text);
        }
    }

    /// <summary>
    /// The roadmap period stated in a document's header: «Период 2021 - 2024 г.г.», «на период реализации 2021-2024 гг.»,
    /// «на период 2020-2024 годы», «Период: 01.09.2020 – 31.05.2021», «на 2021-2024 годы»; null when there is none.
    /// </summary>
    public static Period? PeriodFromText(string text) =>
        string.IsNullOrEmpty(text) ? null : DeadlineReader.ReadPeriod(DeadlineLexer.Lex(text));

    private static DeadlineSchedule Run(string text, Period? period, DateOnly? today)
    {
        text ??= "";
        try
        {
            var tokens = DeadlineLexer.Lex(text);
            if (tokens.HasBadDate) return DeadlineSchedule.Unrecognized(text);
            var frame = Frame(period, tokens.MinYear, tokens.MaxYear, today);
            var resolved = DeadlineResolver.Resolve(DeadlineReader.Read(tokens), frame.Period);
            return DeadlineResolver.Schedule(text, resolved, frame.Period, frame.ClipToPeriod, frame.KindOnly);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Date arithmetic at the edges of DateOnly (a period reaching year 9999): no schedule rather than a crash.
            return DeadlineSchedule.Unrecognized(text);
        }
    }

    /// <summary>
    /// The period the text is read in: the caller's (occurrences clipped to it), else the years the text names, else
    /// <paramref name="today"/>'s year; with none of these, a placeholder year and only the kind is reported.
    /// </summary>
    private static (Period Period, bool ClipToPeriod, bool KindOnly) Frame(Period? period, int minYear, int maxYear, DateOnly? today)
    {
        if (period is not null) return (period, true, false);
        if (minYear <= maxYear) return (Period.Years(minYear, maxYear), false, false);
        if (today is { } t) return (Period.Years(t.Year, t.Year), true, false);
        // No year anywhere: read the shape against a placeholder year and report the kind only.
        return (Period.Years(2000, 2000), false, true);
    }
}

namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Reads an official's free-text Russian deadline («до 15.11.2020», «Октябрь-декабрь 2020», «Ежегодно 2021 – 2024 гг.»,
/// «ноябрь–декабрь 2022 г., далее - ежегодно сентябрь», «по отдельному графику»…) into a <see cref="DeadlineSchedule"/>
/// (DOMAIN.md §8 «Deadline phrase shapes»). A hand-written lexer and a small recursive-descent reader: linear in the
/// text, no regular expressions, no clock, no I/O. Anything it cannot read completely comes back
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
        var st = (startText ?? "").Trim();
        var en = (endText ?? "").Trim();
        var text = st.Length > 0 && en.Length > 0 ? st + " – " + en : st + en;
        if (st.Length == 0 || en.Length == 0) return Run(text, period, null);
        try
        {
            var xs = Lex(st);
            var xe = Lex(en);
            if (xs.BadDate || xe.BadDate) return DeadlineSchedule.Unrecognized(text);
            var cs = ReadClause(xs, 0, xs.Count);
            var ce = ReadClause(xe, 0, xe.Count);
            if (!IsSingleDate(cs) || !IsSingleDate(ce)) return Run(text, period, null);
            var (ctx, clip, kindOnly) = Context(period, Math.Min(xs.MinYear, xe.MinYear), Math.Max(xs.MaxYear, xe.MaxYear), null);
            var item = new Item(Mode.Plain, cs.Items[0].From, ce.Items[0].From);
            if (!Resolve(item, 0, ctx, out var occ, out _)) return DeadlineSchedule.Unrecognized(text);
            return Finish(text, new Outcome(DeadlineKind.Window, [occ]), ctx, clip, kindOnly);
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
    public static Period? PeriodFromText(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var x = Lex(text);
        for (var k = 0; k < x.Count; k++)
        {
            if (!x.Starts(k, "период")) continue;
            var j = k + 1;
            for (var skipped = 0; skipped < 3 && x[j].Kind == Tk.Word && !x.IsAnyOf(j, "с", "со"); skipped++) j++;
            if (x.IsAnyOf(j, "с", "со")) j++;
            if (x.IsYear(j))
            {
                var first = x[j].A;
                if (x[j + 1].Kind == Tk.Dash && x.IsYear(j + 2) && x[j + 2].A >= first) return Period.Years(first, x[j + 2].A);
                if (x.IsAnyOf(j + 1, "по", "до") && x.IsYear(j + 2) && x[j + 2].A >= first) return Period.Years(first, x[j + 2].A);
                return Period.Years(first, first);
            }
            if (x[j].Kind == Tk.Date && x[j].C > 0 && (x[j + 1].Kind == Tk.Dash || x.IsAnyOf(j + 1, "по", "до"))
                && x[j + 2].Kind == Tk.Date && x[j + 2].C > 0)
            {
                var start = new DateOnly(x[j].C, x[j].B, x[j].A);
                var end = new DateOnly(x[j + 2].C, x[j + 2].B, x[j + 2].A);
                if (start <= end) return new Period(start, end);
            }
        }
        for (var k = 0; k + 4 < x.Count; k++)
        {
            if (x.Is(k, "на") && x.IsYear(k + 1) && x[k + 2].Kind == Tk.Dash && x.IsYear(k + 3) && x[k + 3].A >= x[k + 1].A
                && (x.Starts(k + 4, "год") || x.Is(k + 4, "гг")))
            {
                return Period.Years(x[k + 1].A, x[k + 3].A);
            }
        }
        return null;
    }

    // ---- driver -------------------------------------------------------------------------------------------------

    private static DeadlineSchedule Run(string text, Period? period, DateOnly? today)
    {
        text ??= "";
        try
        {
            var x = Lex(text);
            if (x.BadDate) return DeadlineSchedule.Unrecognized(text);
            var (ctx, clip, kindOnly) = Context(period, x.MinYear, x.MaxYear, today);
            return Finish(text, Read(x, ctx), ctx, clip, kindOnly);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Date arithmetic at the edges of DateOnly (a period reaching year 9999): no schedule rather than a crash.
            return DeadlineSchedule.Unrecognized(text);
        }
    }

    private static (Period Ctx, bool Clip, bool KindOnly) Context(Period? period, int minYear, int maxYear, DateOnly? today)
    {
        if (period is not null) return (period, true, false);
        if (minYear <= maxYear) return (Period.Years(minYear, maxYear), false, false);
        if (today is { } t) return (Period.Years(t.Year, t.Year), true, false);
        // No year anywhere: read the shape against a placeholder year and report the kind only.
        return (Period.Years(2000, 2000), false, true);
    }

    private static DeadlineSchedule Finish(string text, Outcome o, Period ctx, bool clip, bool kindOnly)
    {
        if (o.Kind == DeadlineKind.Unrecognized) return DeadlineSchedule.Unrecognized(text);
        var list = new List<Occurrence>(o.Occurrences.Count);
        if (!kindOnly && o.Kind != DeadlineKind.OnDemand)
        {
            foreach (var occ in o.Occurrences)
            {
                var kept = clip ? Clip(occ, ctx.Start, ctx.End) : occ;
                if (kept is not null) list.Add(kept);
            }
            list.Sort(static (a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : (a.Start ?? a.Due).CompareTo(b.Start ?? b.Due));
        }
        return new DeadlineSchedule(text, o.Kind, list, o.LowPrecision, o.ThenOnDemand);
    }

    private static Occurrence? Clip(Occurrence occ, DateOnly from, DateOnly to)
    {
        if (occ.Start is not { } start) return occ.Due >= from && occ.Due <= to ? occ : null;
        var s = start < from ? from : start;
        var d = occ.Due > to ? to : occ.Due;
        if (s > d) return null;
        return s == start && d == occ.Due ? occ : new Occurrence(s, d);
    }

    private sealed record Outcome(DeadlineKind Kind, List<Occurrence> Occurrences, bool LowPrecision = false, bool ThenOnDemand = false);

    private static readonly Outcome Unrec = new(DeadlineKind.Unrecognized, []);

    /// <summary>Splits «…, далее – …» / «… с последующим …» and reads both halves.</summary>
    private static Outcome Read(Lexed x, Period ctx)
    {
        int split = -1, tail = -1;
        for (var k = 0; k < x.Count; k++)
        {
            if (x.IsAnyOf(k, "далее", "затем", "впоследствии"))
            {
                split = k;
                tail = k + 1;
                break;
            }
            if (x.Is(k, "дальнейшем"))
            {
                split = k > 0 && x.Is(k - 1, "в") ? k - 1 : k;
                tail = k + 1;
                break;
            }
            if (x.IsAnyOf(k, "с", "со") && x.Starts(k + 1, "последующ"))
            {
                split = k;
                tail = k + 2;
                break;
            }
        }
        if (split < 0) return Interpret(ReadClause(x, 0, x.Count), ctx);
        var head = ReadClause(x, 0, split);
        var rest = ReadClause(x, tail, x.Count);
        return Compound(head, rest, ctx);
    }

    // ---- interpretation -----------------------------------------------------------------------------------------

    private static Outcome Interpret(Clause c, Period ctx)
    {
        if (c.Unknown) return Unrec;
        if (c.HasRecurrence) return Recurrence(c, ctx);
        if (c.Items.Count == 0)
        {
            if (c.Continuous) return new Outcome(DeadlineKind.Continuous, [new Occurrence(ctx.Start, ctx.End)]);
            if (c.OnDemand || c.UntilEvent) return new Outcome(DeadlineKind.OnDemand, []);
            return Unrec;
        }
        // «до 15.11.2020 (по приказу)»: a date and an event in one breath — which one rules is for a person to say.
        if (c.OnDemand) return Unrec;
        var list = new List<Occurrence>(c.Items.Count);
        var low = false;
        foreach (var item in c.Items)
        {
            if (!Resolve(item, 0, ctx, out var occ, out var l)) return Unrec;
            list.Add(occ);
            low |= l;
        }
        if (c.UntilEvent)
        {
            // «с 01.02.2023 до завершения программы»: open-ended, runs to the period end; the end is the owner's call.
            if (c.Items.Count != 1 || c.Items[0].Mode != Mode.From) return Unrec;
            low = true;
        }
        var kind = list.Count > 1 ? DeadlineKind.Checkpoints : list[0].Start is null ? DeadlineKind.Once : DeadlineKind.Window;
        return new Outcome(kind, list, low);
    }

    private static Outcome Recurrence(Clause c, Period ctx)
    {
        var from = ctx.Start;
        var to = ctx.End;
        var low = false;
        List<Item>? anchors = null;
        foreach (var item in c.Items)
        {
            if (!item.HasYear)
            {
                (anchors ??= []).Add(item);
                continue;
            }
            if (!Resolve(item, 0, ctx, out var occ, out var l)) return Unrec;
            low |= l;
            switch (item.Mode)
            {
                case Mode.From when item.To is null:
                    if (occ.Start > from) from = occ.Start.Value;
                    // «с сентября 2021 ежегодно»: the named month (or day) is also the yearly anchor.
                    if (c.Step == 12 && item.To is null && item.From.Kind is PK.Month or PK.Days or PK.Date
                        && !c.Items.Exists(static i => !i.HasYear))
                    {
                        (anchors ??= []).Add(new Item(Mode.Plain, item.From with { Year = 0 }, null));
                    }
                    break;
                case Mode.Until or Mode.NotLater or Mode.UntilEndOf:
                    if (occ.Due < to) to = occ.Due;
                    break;
                default:
                    // Years named alongside a cadence bound it: «Ежегодно 2021 – 2024 гг.», «ежегодно с 2021 по 2023 год».
                    if (occ.Start is null || (item.To is null && item.From.Kind is not (PK.Years or PK.SchoolYear))) return Unrec;
                    if (occ.Start > from) from = occ.Start.Value;
                    if (occ.Due < to) to = occ.Due;
                    break;
            }
        }
        var list = new List<Occurrence>();
        if (!AddRecurring(c, anchors, from, to, ctx, list, ref low)) return Unrec;
        return new Outcome(DeadlineKind.Recurring, list, low);
    }

    /// <summary>Occurrences of a cadence between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    private static bool AddRecurring(Clause c, List<Item>? anchors, DateOnly from, DateOnly to, Period ctx, List<Occurrence> list, ref bool low)
    {
        if (c.Step == 0 && !c.Weekly)
        {
            // «регулярно», «на регулярной основе до завершения наставничества»: no cadence stated — one span, to confirm.
            if (anchors is not null) return false;
            if (from <= to) list.Add(new Occurrence(from, to));
            low = true;
            return true;
        }
        if (anchors is not null)
        {
            // Named months or days recur each year: «ежегодно в сентябре», «2 раза в год (май, декабрь)».
            if (c.Step < 3) return false;
            for (var y = from.Year; y <= to.Year; y++)
            {
                foreach (var anchor in anchors)
                {
                    if (!Resolve(anchor, y, ctx, out var occ, out var l)) return false;
                    low |= l;
                    if (Clip(occ, from, to) is { } kept) list.Add(kept);
                }
            }
            return true;
        }
        AddSteps(c, from, to, list);
        return true;
    }

    private static void AddSteps(Clause c, DateOnly from, DateOnly to, List<Occurrence> list)
    {
        if (from > to) return;
        if (c.Weekly)
        {
            var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
            for (var s = monday; s <= to; s = s.AddDays(7))
            {
                if (Clip(new Occurrence(s, s.AddDays(6)), from, to) is { } kept) list.Add(kept);
                if (s.Year >= 9998) break;
            }
            return;
        }
        var step = c.Step;
        for (var s = new DateOnly(from.Year, (from.Month - 1) / step * step + 1, 1); s <= to; s = s.AddMonths(step))
        {
            if (Clip(new Occurrence(s, s.AddMonths(step).AddDays(-1)), from, to) is { } kept) list.Add(kept);
        }
    }

    /// <summary>«X, далее – ежегодно [месяц]», «X с последующим ежегодным обновлением», «X, далее – по мере …».</summary>
    private static Outcome Compound(Clause head, Clause tail, Period ctx)
    {
        if (head.Unknown || tail.Unknown || head.HasRecurrence || head.Continuous || head.OnDemand) return Unrec;
        var first = Interpret(head, ctx);
        if (first.Kind is not (DeadlineKind.Once or DeadlineKind.Window or DeadlineKind.Checkpoints)) return Unrec;
        if (!tail.HasRecurrence)
        {
            if ((tail.OnDemand || tail.UntilEvent) && tail.Items.Count == 0 && !tail.Continuous) return first with { ThenOnDemand = true };
            return Unrec;
        }
        var lastDue = first.Occurrences[0].Due;
        foreach (var o in first.Occurrences) if (o.Due > lastDue) lastDue = o.Due;
        var from = lastDue.AddDays(1);
        var to = ctx.End;
        var low = first.LowPrecision;
        List<Item>? anchors = null;
        foreach (var item in tail.Items)
        {
            if (!item.HasYear)
            {
                (anchors ??= []).Add(item);
                continue;
            }
            if (item.Mode is not (Mode.Until or Mode.NotLater or Mode.UntilEndOf)) return Unrec;
            if (!Resolve(item, 0, ctx, out var occ, out var l)) return Unrec;
            low |= l;
            if (occ.Due < to) to = occ.Due;
        }
        var list = new List<Occurrence>(first.Occurrences);
        if (tail.Step == 12 && anchors is null)
        {
            // «далее – ежегодно» without a month: the first window (or date) again each later year.
            for (var k = 1; ; k++)
            {
                var added = false;
                foreach (var o in first.Occurrences)
                {
                    var shifted = new Occurrence(o.Start?.AddYears(k), o.Due.AddYears(k));
                    if ((shifted.Start ?? shifted.Due) > to) continue;
                    added = true;
                    if (Clip(shifted, from, to) is { } kept) list.Add(kept);
                }
                if (!added || lastDue.Year + k >= 9998) break;
            }
        }
        else if (anchors is not null)
        {
            var later = new DateOnly(lastDue.Year + 1, 1, 1);
            if (!AddRecurring(tail, anchors, later > from ? later : from, to, ctx, list, ref low)) return Unrec;
        }
        else if (!AddRecurring(tail, null, from, to, ctx, list, ref low))
        {
            return Unrec;
        }
        return new Outcome(DeadlineKind.Recurring, list, low);
    }

    /// <summary>Dates of one item; <paramref name="year"/> (non-zero) is the year for pieces that name none.</summary>
    private static bool Resolve(Item item, int year, Period ctx, out Occurrence occ, out bool low)
    {
        occ = null!;
        low = false;
        var a = item.From;
        if (item.To is not { } b)
        {
            var y = a.HasYear ? a.Year : year != 0 ? year : PickYear(a, ctx);
            if (!a.Bounds(y, out var s, out var e)) return false;
            switch (item.Mode)
            {
                case Mode.Plain:
                    occ = a.IsPoint ? new Occurrence(null, e) : new Occurrence(s, e);
                    break;
                case Mode.Until when !a.IsPoint:
                    // «до 2021», «до декабря 2022 г.»: due the day before the named period, for the owner to confirm.
                    occ = new Occurrence(null, s.AddDays(-1));
                    low = true;
                    break;
                case Mode.From:
                    occ = new Occurrence(s, ctx.End >= s ? ctx.End : e);
                    break;
                default:
                    occ = new Occurrence(null, e);
                    break;
            }
            return true;
        }
        int ya, yb;
        if (a.HasYear && b.HasYear)
        {
            ya = a.Year;
            yb = b.Year;
        }
        else if (b.HasYear)
        {
            // «Октябрь-декабрь 2020», «15-30 октября 2020»: the one year applies to both; «ноябрь – январь 2022» crosses.
            yb = b.Year;
            ya = yb;
            if (!a.Bounds(ya, out var s0, out _) || !b.Bounds(yb, out _, out var e0)) return false;
            if (s0 > e0) ya--;
        }
        else
        {
            ya = a.HasYear ? a.Year : year != 0 ? year : PickYear(a, ctx);
            yb = ya;
            if (!a.Bounds(ya, out var s0, out _) || !b.Bounds(yb, out _, out var e0)) return false;
            if (e0 < s0) yb++;
        }
        if (!a.Bounds(ya, out var start, out _) || !b.Bounds(yb, out _, out var due) || start > due) return false;
        occ = new Occurrence(start, due);
        return true;
    }

    /// <summary>The first year in which a year-less piece lies inside the period (else overlaps it, else the first year).</summary>
    private static int PickYear(Piece p, Period ctx)
    {
        var first = Math.Max(1, ctx.Start.Year - 1);
        var last = Math.Min(9998, ctx.End.Year);
        for (var y = first; y <= last; y++)
        {
            if (p.Bounds(y, out var s, out var e) && (p.IsPoint ? ctx.Contains(e) : s >= ctx.Start && e <= ctx.End)) return y;
        }
        for (var y = first; y <= last; y++)
        {
            if (p.Bounds(y, out var s, out var e) && s <= ctx.End && e >= ctx.Start) return y;
        }
        return Math.Clamp(ctx.Start.Year, 1, 9998);
    }

    // ---- clause reader ------------------------------------------------------------------------------------------

    private enum Mode : byte { Plain, Until, NotLater, UntilEndOf, From }

    private enum PK : byte { Date, Days, Month, Quarters, Halves, Years, SchoolYear }

    /// <summary>
    /// One dated thing. Date: A = day. Days: A..B days of Month. Quarters/Halves: A..B. Years: A..B (0 = «года» without
    /// a number). SchoolYear: A = first year (0 = unnamed). Year = the year written (0 = none).
    /// </summary>
    private readonly record struct Piece(PK Kind, int A, int B, int Month, int Year)
    {
        public bool HasYear => Year != 0;

        public bool IsPoint => Kind == PK.Date || (Kind == PK.Days && A == B);

        public bool Bounds(int year, out DateOnly start, out DateOnly end)
        {
            start = end = default;
            switch (Kind)
            {
                case PK.Date:
                case PK.Days:
                    if (!Valid(year) || B > DateTime.DaysInMonth(year, Month) || A > DateTime.DaysInMonth(year, Month)) return false;
                    start = new DateOnly(year, Month, A);
                    end = new DateOnly(year, Month, Kind == PK.Date ? A : B);
                    return true;
                case PK.Month:
                    if (!Valid(year)) return false;
                    start = new DateOnly(year, Month, 1);
                    end = new DateOnly(year, Month, DateTime.DaysInMonth(year, Month));
                    return true;
                case PK.Quarters:
                case PK.Halves:
                    if (!Valid(year)) return false;
                    var months = Kind == PK.Quarters ? 3 : 6;
                    start = new DateOnly(year, (A - 1) * months + 1, 1);
                    end = new DateOnly(year, B * months, 1).AddMonths(1).AddDays(-1);
                    return true;
                case PK.Years:
                    var (first, last) = A == 0 ? (year, year) : (A, B);
                    if (!Valid(first) || !Valid(last)) return false;
                    start = new DateOnly(first, 1, 1);
                    end = new DateOnly(last, 12, 31);
                    return true;
                default:
                    // The school year runs 1 September to 31 August: nothing is overdue over the summer.
                    var y = A == 0 ? year : A;
                    if (!Valid(y) || !Valid(y + 1)) return false;
                    start = new DateOnly(y, 9, 1);
                    end = new DateOnly(y + 1, 8, 31);
                    return true;
            }
        }

        private static bool Valid(int year) => year is >= 1 and <= 9998;
    }

    private sealed record Item(Mode Mode, Piece From, Piece? To)
    {
        public bool HasYear => From.HasYear || To is { HasYear: true };
    }

    private sealed class Clause
    {
        public readonly List<Item> Items = new(2);
        public int Step;          // months per occurrence of a stated cadence (12 yearly … 1 monthly); 0 = none stated
        public bool Weekly, Regular, Continuous, OnDemand, UntilEvent, Unknown;

        public bool HasRecurrence => Step > 0 || Weekly || Regular;
    }

    private static bool IsSingleDate(Clause c) =>
        !c.Unknown && !c.HasRecurrence && !c.Continuous && !c.OnDemand && !c.UntilEvent
        && c.Items.Count == 1 && c.Items[0] is { Mode: Mode.Plain, To: null };

    private static Clause ReadClause(Lexed x, int i, int end)
    {
        var c = new Clause();
        var mode = Mode.Plain;
        while (i < end && !c.Unknown)
        {
            var t = x[i];
            switch (t.Kind)
            {
                case Tk.Comma:
                    mode = Mode.Plain;
                    i++;
                    break;
                case Tk.Dash:
                    i++;
                    break;
                case Tk.Num when x.IsAnyOf(i + 1, "раз", "раза"):
                    i = ReadCadence(x, i + 2, t.A, c);
                    break;
                case Tk.Word when !IsPieceStart(x, i):
                    i = ReadWord(x, i, end, c, ref mode);
                    break;
                default:
                    if (ReadItem(x, ref i, end, mode, c)) mode = Mode.Plain;
                    else c.Unknown = true;
                    break;
            }
        }
        if (mode != Mode.Plain) c.Unknown = true;
        return c;
    }

    private static bool IsPieceStart(Lexed x, int i) => x[i].Kind switch
    {
        Tk.Num or Tk.Date or Tk.Month or Tk.Roman => true,
        Tk.Word => Ordinal(x.W(i)) > 0 && (x.Starts(i + 1, "квартал") || x.Starts(i + 1, "полугод")),
        _ => false,
    };

    private static bool ReadItem(Lexed x, ref int i, int end, Mode mode, Clause c)
    {
        var j = i;
        if (!ReadPiece(x, ref j, end, out var a)) return false;
        var k = SkipYearWords(x, j, end);
        if (k < end && (x[k].Kind == Tk.Dash || x.IsAnyOf(k, "по", "до")))
        {
            var m = k + 1;
            if (ReadPiece(x, ref m, end, out var b))
            {
                c.Items.Add(new Item(mode, a, b));
                i = m;
                return true;
            }
        }
        c.Items.Add(new Item(mode, a, null));
        i = j;
        return true;
    }

    private static int SkipYearWords(Lexed x, int j, int end)
    {
        while (j < end && x.IsAnyOf(j, "г", "гг", "год", "года", "году", "годы")) j++;
        return j;
    }

    private static bool ReadPiece(Lexed x, ref int i, int end, out Piece p)
    {
        p = default;
        if (i >= end) return false;
        var t = x[i];
        switch (t.Kind)
        {
            case Tk.Date:
                p = new Piece(PK.Date, t.A, t.A, t.B, t.C);
                i++;
                return true;
            case Tk.Month:
            {
                var j = i + 1;
                var year = TakeYear(x, ref j, end, allowDash: true);
                p = new Piece(PK.Month, 0, 0, t.A, year);
                i = j;
                return true;
            }
            case Tk.Roman:
                return ReadPart(x, ref i, end, t.A, out p);
            case Tk.Word:
                return Ordinal(x.W(i)) is var n and > 0 && ReadPart(x, ref i, end, n, out p);
            case Tk.Num when x.IsYear(i):
            {
                var j = i + 1;
                var first = t.A;
                if (j + 1 < end && x[j].Kind == Tk.Dash && x[j + 1].Kind == Tk.Num && !x[j + 1].Ordinal)
                {
                    var second = x.IsYear(j + 1) ? x[j + 1].A : x[j + 1].B == 2 ? first / 100 * 100 + x[j + 1].A : 0;
                    if (second >= first)
                    {
                        j += 2;
                        var k = j;
                        while (k < end && x.IsAnyOf(k, "г", "гг")) k++;
                        if (k < end && x.Starts(k, "уч"))
                        {
                            if (second != first + 1) return false;
                            k++;
                            if (k < end && x.Starts(k, "год")) k++;
                            p = new Piece(PK.SchoolYear, first, 0, 0, first);
                            i = k;
                            return true;
                        }
                        p = new Piece(PK.Years, first, second, 0, first);
                        i = j;
                        return true;
                    }
                }
                p = new Piece(PK.Years, first, first, 0, first);
                i = j;
                return true;
            }
            case Tk.Num:
            {
                // «1 квартал», «2-е полугодие», «1-2 квартал» before days: «1-30 октября» falls through to the day range.
                if (t.A is >= 1 and <= 4 && t.B == 1 && ReadPart(x, ref i, end, t.A, out p)) return true;
                if (!x.IsDay(i)) return false;
                if (i + 1 < end && x[i + 1].Kind == Tk.Month)
                {
                    var j = i + 2;
                    var year = TakeYear(x, ref j, end, allowDash: false);
                    p = new Piece(PK.Days, t.A, t.A, x[i + 1].A, year);
                    i = j;
                    return true;
                }
                if (i + 3 < end && x[i + 1].Kind == Tk.Dash && x.IsDay(i + 2) && x[i + 3].Kind == Tk.Month && x[i + 2].A >= t.A)
                {
                    var j = i + 4;
                    var year = TakeYear(x, ref j, end, allowDash: false);
                    p = new Piece(PK.Days, t.A, x[i + 2].A, x[i + 3].A, year);
                    i = j;
                    return true;
                }
                return false;
            }
            default:
                return false;
        }
    }

    /// <summary>«I квартал», «II полугодие», «1-й квартал», «первое полугодие», «I-II квартал».</summary>
    private static bool ReadPart(Lexed x, ref int i, int end, int first, out Piece p)
    {
        p = default;
        var j = i + 1;
        var last = first;
        if (j + 1 < end && x[j].Kind == Tk.Dash)
        {
            var n = x[j + 1].Kind switch
            {
                Tk.Roman => x[j + 1].A,
                Tk.Num when x[j + 1].B == 1 => x[j + 1].A,
                Tk.Word => Ordinal(x.W(j + 1)),
                _ => 0,
            };
            if (n == 0) return false;
            last = n;
            j += 2;
        }
        PK kind;
        if (x.Starts(j, "квартал")) kind = PK.Quarters;
        else if (x.Starts(j, "полугод")) kind = PK.Halves;
        else return false;
        var max = kind == PK.Quarters ? 4 : 2;
        if (first < 1 || last > max || first > last || j >= end) return false;
        j++;
        var year = TakeYear(x, ref j, end, allowDash: false);
        p = new Piece(kind, first, last, 0, year);
        i = j;
        return true;
    }

    /// <summary>The year after a month or day («октябрь 2020», «декабрь - 2022 г.»); 0 when none follows.</summary>
    private static int TakeYear(Lexed x, ref int j, int end, bool allowDash)
    {
        if (j < end && x.IsYear(j))
        {
            // «2020-2021 учебный год» after a month is a school year, not this month's year; leave it to the caller.
            if (x[j + 1].Kind == Tk.Dash && x.IsYear(j + 2)) return 0;
            return x[j++].A;
        }
        if (allowDash && j + 1 < end && x[j].Kind == Tk.Dash && x.IsYear(j + 1) && x[j + 2].Kind is not (Tk.Dash or Tk.Month))
        {
            j += 2;
            return x[j - 1].A;
        }
        return 0;
    }

    private static int Ordinal(ReadOnlySpan<char> w) =>
        w.StartsWith("перв") ? 1 : w.StartsWith("втор") ? 2 : w.StartsWith("трет") ? 3 : w.StartsWith("четверт") ? 4 : 0;

    /// <summary>«раз в месяц», «1 раз в полугодие», «2 раза в год», «каждый квартал».</summary>
    private static int ReadCadence(Lexed x, int j, int times, Clause c)
    {
        while (x.IsAnyOf(j, "в", "во", "за")) j++;
        var unit = x.Starts(j, "месяц") ? 1
            : x.Starts(j, "квартал") ? 3
            : x.Starts(j, "полугод") ? 6
            : x.IsAnyOf(j, "год", "года", "году") ? 12
            : x.Starts(j, "недел") ? -1
            : 0;
        if (unit == -1 && times == 1) c.Weekly = true;
        else if (unit > 0 && times > 0 && unit % times == 0) c.Step = unit / times;
        else c.Unknown = true;
        return j + 1;
    }

    private static int ReadWord(Lexed x, int i, int end, Clause c, ref Mode mode)
    {
        var w = x.W(i);
        switch (w)
        {
            case "не":
                if (x.IsAnyOf(i + 1, "позднее", "позже"))
                {
                    mode = Mode.NotLater;
                    return x.Is(i + 2, "чем") ? i + 3 : i + 2;
                }
                if (x.IsAnyOf(i + 1, "реже", "менее")) return i + 2;
                break;
            case "до":
                if (x.IsAnyOf(i + 1, "конца", "окончания"))
                {
                    if (x.Is(i + 2, "года") || (x.Is(i + 2, "календарного") && x.Is(i + 3, "года")))
                    {
                        c.Items.Add(new Item(Mode.UntilEndOf, new Piece(PK.Years, 0, 0, 0, 0), null));
                        return x.Is(i + 2, "года") ? i + 3 : i + 4;
                    }
                    if (x.Starts(i + 2, "учебн") && x.Is(i + 3, "года"))
                    {
                        c.Items.Add(new Item(Mode.UntilEndOf, new Piece(PK.SchoolYear, 0, 0, 0, 0), null));
                        return i + 4;
                    }
                    if (IsPieceStart(x, i + 2))
                    {
                        mode = Mode.UntilEndOf;
                        return i + 2;
                    }
                }
                if (x.Starts(i + 1, "завершени") || x.Starts(i + 1, "окончани") || x.Is(i + 1, "конца"))
                {
                    // «до завершения наставничества»: ends on an event, not a date.
                    c.UntilEvent = true;
                    return end;
                }
                mode = Mode.Until;
                return i + 1;
            case "к":
                mode = Mode.Until;
                return i + 1;
            case "по":
                if (IsPieceStart(x, i + 1))
                {
                    mode = Mode.NotLater;
                    return i + 1;
                }
                if (IsOnDemand(x.W(i + 1)))
                {
                    c.OnDemand = true;
                    return end;
                }
                break;
            case "при":
                if (IsOnDemand(x.W(i + 1)))
                {
                    c.OnDemand = true;
                    return end;
                }
                break;
            case "с" or "со":
                if (IsPieceStart(x, i + 1))
                {
                    mode = Mode.From;
                    return i + 1;
                }
                break;
            case "течение" or "протяжении":
            {
                var j = i + 1;
                while (x.IsAnyOf(j, "всего", "всей", "всех")) j++;
                if (IsPieceStart(x, j)) return j;
                if (x.Starts(j, "период") || x.Starts(j, "срок") || x.Starts(j, "реализац") || x.Starts(j, "внедрен")
                    || x.Starts(j, "учебн") || x.IsAnyOf(j, "года", "год"))
                {
                    c.Continuous = true;
                    while (j < end && x[j].Kind == Tk.Word) j++;
                    return j;
                }
                break;
            }
            case "весь" or "всего" or "всей":
                if (x.Starts(i + 1, "период") || x.Starts(i + 1, "срок"))
                {
                    c.Continuous = true;
                    var j = i + 1;
                    while (j < end && x[j].Kind == Tk.Word) j++;
                    return j;
                }
                break;
            case "раз" or "раза":
                return ReadCadence(x, i + 1, 1, c);
            default:
                if (w.StartsWith("кажд")) return ReadCadence(x, i + 1, 1, c);
                if (IsFiller(w)) return i + 1;
                if (w.StartsWith("ежегодн") || w.StartsWith("ежемесячн") || w.StartsWith("ежеквартальн")
                    || w.StartsWith("ежеполугодн") || w.StartsWith("еженедельн"))
                {
                    if (w[3] == 'г') c.Step = 12;
                    else if (w[3] == 'м') c.Step = 1;
                    else if (w[3] == 'к') c.Step = 3;
                    else if (w[3] == 'п') c.Step = 6;
                    else c.Weekly = true;
                    // «ежегодным обновлением», «ежегодной корректировкой»: the adjective's noun says nothing about dates.
                    if (w[^1] != 'о' && x[i + 1].Kind == Tk.Word && !IsFiller(x.W(i + 1)) && !IsPieceStart(x, i + 1)) return i + 2;
                    return i + 1;
                }
                if (w.StartsWith("регулярн") || w.StartsWith("систематическ") || w.StartsWith("периодическ"))
                {
                    c.Regular = true;
                    return i + 1;
                }
                if (w.StartsWith("постоянн") || w.StartsWith("ежедневн") || w.StartsWith("непрерывн"))
                {
                    c.Continuous = true;
                    return i + 1;
                }
                if (IsOnDemand(w))
                {
                    c.OnDemand = true;
                    return end;
                }
                break;
        }
        c.Unknown = true;
        return end;
    }

    private static bool IsFiller(ReadOnlySpan<char> w) => w switch
    {
        "в" or "во" or "на" or "и" or "г" or "гг" or "год" or "года" or "году" or "годы" or "годов" or "годах" or "уч"
            or "учебный" or "учебного" or "учебном" or "календарного" or "календарный" or "включительно"
            or "числа" or "число" or "основе" or "срок" or "сроки" or "чем" or "начиная" or "период" or "периода"
            or "сразу" => true,
        _ => false,
    };

    private static bool IsOnDemand(ReadOnlySpan<char> w) =>
        w.StartsWith("мере") || w.StartsWith("график") || w.StartsWith("соответстви") || w.StartsWith("зависимост")
        || w.StartsWith("необходимост") || w.StartsWith("поступлени") || w.StartsWith("запрос") || w.StartsWith("требовани")
        || w.StartsWith("согласно") || w.StartsWith("итог") || w.StartsWith("после") || w.StartsWith("факт")
        || w.StartsWith("потребност") || w.StartsWith("завершени") || w.StartsWith("окончани") || w.StartsWith("отдельн")
        || w.StartsWith("событ") || w.StartsWith("готовност") || w.SequenceEqual("время") || w.SequenceEqual("ходе")
        || w.StartsWith("рамках") || w.StartsWith("план") || w.StartsWith("приказ") || w.StartsWith("согласовани")
        || w.StartsWith("распоряжени");

    // ---- lexer --------------------------------------------------------------------------------------------------

    private enum Tk : byte { None, Num, Date, BadDate, Month, Roman, Word, Dash, Comma }

    /// <summary>Num: A value, B digit count. Date: A day, B month, C year (0 = none). Month: A. Roman: A.</summary>
    private readonly record struct Token(Tk Kind, int Start, int Length, int A = 0, int B = 0, int C = 0, bool Ordinal = false);

    private sealed class Lexed(string s)
    {
        public readonly string S = s;
        public readonly List<Token> T = new(12);
        public int MinYear = int.MaxValue, MaxYear = int.MinValue;
        public bool BadDate;

        public int Count => T.Count;

        public Token this[int i] => (uint)i < (uint)T.Count ? T[i] : default;

        public ReadOnlySpan<char> W(int i) => (uint)i < (uint)T.Count && T[i].Kind == Tk.Word ? S.AsSpan(T[i].Start, T[i].Length) : default;

        public bool Is(int i, string w) => this[i].Kind == Tk.Word && W(i).SequenceEqual(w);

        public bool IsAnyOf(int i, string a, string b) => this[i].Kind == Tk.Word && (W(i).SequenceEqual(a) || W(i).SequenceEqual(b));

        public bool IsAnyOf(int i, string a, string b, string c) => IsAnyOf(i, a, b) || Is(i, c);

        public bool IsAnyOf(int i, string a, string b, string c, string d, string e, string f) => IsAnyOf(i, a, b, c) || IsAnyOf(i, d, e, f);

        public bool Starts(int i, string prefix) => this[i].Kind == Tk.Word && W(i).StartsWith(prefix);

        public bool IsYear(int i) => this[i] is { Kind: Tk.Num, B: 4, Ordinal: false, A: >= 1900 and <= 2100 };

        public bool IsDay(int i) => this[i] is { Kind: Tk.Num, B: <= 2, Ordinal: false, A: >= 1 and <= 31 };

        public void Year(int y)
        {
            if (y < MinYear) MinYear = y;
            if (y > MaxYear) MaxYear = y;
        }
    }

    private static readonly Dictionary<string, int> Words = BuildWords();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month forms in every case (value 1..12) and Roman numerals I–IV (value 101..104).</summary>
    private static Dictionary<string, int> BuildWords()
    {
        var d = new Dictionary<string, int>();
        string[] soft = ["январ", "феврал", "", "апрел", "", "июн", "июл", "", "сентябр", "октябр", "ноябр", "декабр"];
        for (var m = 0; m < 12; m++)
        {
            if (soft[m].Length == 0) continue;
            foreach (var ending in new[] { "ь", "я", "е", "ю", "ем" }) d[soft[m] + ending] = m + 1;
        }
        foreach (var ending in new[] { "", "а", "е", "у", "ом" })
        {
            d["март" + ending] = 3;
            d["август" + ending] = 8;
        }
        foreach (var form in new[] { "май", "мая", "мае", "маю", "маем" }) d[form] = 5;
        (string, int)[] abbreviations =
        [
            ("янв", 1), ("фев", 2), ("февр", 2), ("мар", 3), ("апр", 4), ("июн", 6), ("июл", 7), ("авг", 8),
            ("сен", 9), ("сент", 9), ("окт", 10), ("ноя", 11), ("нояб", 11), ("дек", 12),
        ];
        foreach (var (form, m) in abbreviations) d[form] = m;
        d["i"] = 101;
        d["ii"] = 102;
        d["iii"] = 103;
        d["iv"] = 104;
        return d;
    }

    private static Lexed Lex(string text)
    {
        var s = string.Create(text.Length, text, static (span, src) =>
        {
            for (var k = 0; k < src.Length; k++)
            {
                var ch = char.ToLowerInvariant(src[k]);
                span[k] = ch == 'ё' ? 'е' : ch;
            }
        });
        var x = new Lexed(s);
        var n = s.Length;
        var i = 0;
        while (i < n)
        {
            var ch = s[i];
            if (IsDigit(ch))
            {
                i = LexNumber(x, i);
            }
            else if (char.IsLetter(ch))
            {
                var j = i + 1;
                while (j < n && char.IsLetter(s[j])) j++;
                if (WordLookup.TryGetValue(s.AsSpan(i, j - i), out var v))
                {
                    x.T.Add(v > 100 ? new Token(Tk.Roman, i, j - i, v - 100) : new Token(Tk.Month, i, j - i, v));
                }
                else
                {
                    x.T.Add(new Token(Tk.Word, i, j - i));
                }
                i = j;
            }
            else if ((ch == '<' || ch == '&') && SkipMarkup(s, i) is var after && after > i)
            {
                // HTML left over from the extraction: «<b>2021-2024 гг.</b>», «&nbsp;».
                i = after;
            }
            else
            {
                if (ch is '-' or '–' or '—' or '‑' or '‒' or '−' or '/') x.T.Add(new Token(Tk.Dash, i, 1));
                else if (ch is ',' or ';') x.T.Add(new Token(Tk.Comma, i, 1));
                i++;
            }
        }
        return x;
    }

    private static int SkipMarkup(string s, int i)
    {
        var limit = Math.Min(s.Length, i + 80);
        if (s[i] == '<')
        {
            if (i + 1 >= s.Length || !(char.IsAsciiLetter(s[i + 1]) || s[i + 1] == '/')) return i;
            for (var k = i + 1; k < limit; k++)
            {
                if (s[k] == '>') return k + 1;
                if (s[k] == '<') return i;
            }
            return i;
        }
        var j = i + 1;
        while (j < limit && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '#')) j++;
        return j > i + 1 && j < s.Length && s[j] == ';' ? j + 1 : i;
    }

    private static bool IsDigit(char ch) => ch is >= '0' and <= '9';

    private static int LexNumber(Lexed x, int i)
    {
        var s = x.S;
        var n = s.Length;
        var j = Digits(s, i, out var value);
        var digits = j - i;
        if (digits <= 2 && j + 1 < n && s[j] == '.' && IsDigit(s[j + 1]))
        {
            var k = Digits(s, j + 1, out var month);
            if (k - j - 1 <= 2)
            {
                int year = 0, yearDigits = 0, end = k;
                if (k + 1 < n && s[k] == '.' && IsDigit(s[k + 1]))
                {
                    end = Digits(s, k + 1, out year);
                    yearDigits = end - k - 1;
                }
                if (yearDigits == 2) year += 2000;
                var ok = yearDigits is 0 or 2 or 4 && year is 0 or (>= 1900 and <= 2100) && month is >= 1 and <= 12
                         && value >= 1 && value <= DateTime.DaysInMonth(year == 0 ? 2000 : year, month);
                x.T.Add(new Token(ok ? Tk.Date : Tk.BadDate, i, end - i, value, month, year));
                if (!ok) x.BadDate = true;
                else if (year != 0) x.Year(year);
                return end;
            }
        }
        if (j + 1 < n && s[j] == '-' && char.IsLetter(s[j + 1]))
        {
            // «1-й квартал», «2-е полугодие».
            var k = j + 1;
            while (k < n && char.IsLetter(s[k])) k++;
            if (s.AsSpan(j + 1, k - j - 1) is "й" or "я" or "е" or "го" or "ое" or "ый" or "ий" or "ой" or "ом" or "ого")
            {
                x.T.Add(new Token(Tk.Num, i, k - i, value, digits, 0, Ordinal: true));
                return k;
            }
        }
        x.T.Add(new Token(Tk.Num, i, j - i, value, digits));
        if (digits == 4 && value is >= 1900 and <= 2100) x.Year(value);
        return j;
    }

    private static int Digits(string s, int i, out int value)
    {
        value = 0;
        while (i < s.Length && IsDigit(s[i]))
        {
            if (value < 100_000) value = value * 10 + (s[i] - '0');
            i++;
        }
        return i;
    }
}

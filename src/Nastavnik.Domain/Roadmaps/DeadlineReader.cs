namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Tokens → a <see cref="DeadlineExpression"/>: a small recursive-descent reader over <see cref="DeadlineTokens"/>. It only
/// says what the words mean («до», «с … по …», «ежегодно», «I квартал 2021»); which dates they give is
/// <see cref="DeadlineResolver"/>'s business. A word it does not know marks the clause <see cref="DeadlineClause.Unreadable"/>.
/// </summary>
internal static class DeadlineReader
{
    /// <summary>Splits «…, далее – …» / «… с последующим …» and reads both halves.</summary>
    public static DeadlineExpression Read(DeadlineTokens tokens)
    {
        int firstEnd = -1, thenStart = -1;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.IsAnyWord(k, "далее", "затем", "впоследствии"))
            {
                firstEnd = k;
                thenStart = k + 1;
                break;
            }
            if (tokens.IsWord(k, "дальнейшем"))
            {
                firstEnd = k > 0 && tokens.IsWord(k - 1, "в") ? k - 1 : k;
                thenStart = k + 1;
                break;
            }
            if (tokens.IsAnyWord(k, "с", "со") && tokens.WordStartsWith(k + 1, "последующ"))
            {
                firstEnd = k;
                thenStart = k + 2;
                break;
            }
        }
        if (firstEnd < 0) return new DeadlineExpression(ReadClause(tokens, 0, tokens.Count), null);
        return new DeadlineExpression(ReadClause(tokens, 0, firstEnd), ReadClause(tokens, thenStart, tokens.Count));
    }

    /// <summary>
    /// The roadmap period stated in a document's header: «Период 2021 - 2024 г.г.», «на период реализации 2021-2024 гг.»,
    /// «на период 2020-2024 годы», «Период: 01.09.2020 – 31.05.2021», «на 2021-2024 годы»; null when there is none.
    /// </summary>
    public static Period? ReadPeriod(DeadlineTokens tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!tokens.WordStartsWith(k, "период")) continue;
            var j = k + 1;
            for (var skipped = 0; skipped < 3 && tokens[j].Kind == DeadlineTokenKind.Word && !tokens.IsAnyWord(j, "с", "со"); skipped++) j++;
            if (tokens.IsAnyWord(j, "с", "со")) j++;
            if (tokens.IsYear(j))
            {
                var first = tokens[j].Value;
                if (tokens[j + 1].Kind == DeadlineTokenKind.Dash && tokens.IsYear(j + 2) && tokens[j + 2].Value >= first)
                    return Period.Years(first, tokens[j + 2].Value);
                if (tokens.IsAnyWord(j + 1, "по", "до") && tokens.IsYear(j + 2) && tokens[j + 2].Value >= first)
                    return Period.Years(first, tokens[j + 2].Value);
                return Period.Years(first, first);
            }
            if (tokens[j].Kind == DeadlineTokenKind.Date && tokens[j].Year > 0
                && (tokens[j + 1].Kind == DeadlineTokenKind.Dash || tokens.IsAnyWord(j + 1, "по", "до"))
                && tokens[j + 2].Kind == DeadlineTokenKind.Date && tokens[j + 2].Year > 0)
            {
                var start = new DateOnly(tokens[j].Year, tokens[j].Month, tokens[j].Value);
                var end = new DateOnly(tokens[j + 2].Year, tokens[j + 2].Month, tokens[j + 2].Value);
                if (start <= end) return new Period(start, end);
            }
        }
        for (var k = 0; k + 4 < tokens.Count; k++)
        {
            if (tokens.IsWord(k, "на") && tokens.IsYear(k + 1) && tokens[k + 2].Kind == DeadlineTokenKind.Dash && tokens.IsYear(k + 3)
                && tokens[k + 3].Value >= tokens[k + 1].Value
                && (tokens.WordStartsWith(k + 4, "год") || tokens.IsWord(k + 4, "гг")))
            {
                return Period.Years(tokens[k + 1].Value, tokens[k + 3].Value);
            }
        }
        return null;
    }

    /// <summary>Reads the tokens from <paramref name="i"/> up to (not including) <paramref name="end"/> as one clause.</summary>
    public static DeadlineClause ReadClause(DeadlineTokens tokens, int i, int end)
    {
        var clause = new DeadlineClause();
        var mode = DeadlineItemMode.Plain;
        while (i < end && !clause.Unreadable)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case DeadlineTokenKind.Comma:
                    mode = DeadlineItemMode.Plain;
                    i++;
                    break;
                case DeadlineTokenKind.Dash:
                    i++;
                    break;
                case DeadlineTokenKind.Number when tokens.IsAnyWord(i + 1, "раз", "раза"):
                    i = ReadCadence(tokens, i + 2, token.Value, clause);
                    break;
                case DeadlineTokenKind.Word when !StartsPiece(tokens, i):
                    i = ReadWord(tokens, i, end, clause, ref mode);
                    break;
                default:
                    if (ReadItem(tokens, ref i, end, mode, clause)) mode = DeadlineItemMode.Plain;
                    else clause.Unreadable = true;
                    break;
            }
        }
        // A preposition with nothing after it («до», «с»): the phrase stops half-way.
        if (mode != DeadlineItemMode.Plain) clause.Unreadable = true;
        return clause;
    }

    private static bool StartsPiece(DeadlineTokens tokens, int i) => tokens[i].Kind switch
    {
        DeadlineTokenKind.Number or DeadlineTokenKind.Date or DeadlineTokenKind.Month or DeadlineTokenKind.RomanNumeral => true,
        DeadlineTokenKind.Word => OrdinalWordValue(tokens.WordAt(i)) > 0
            && (tokens.WordStartsWith(i + 1, "квартал") || tokens.WordStartsWith(i + 1, "полугод")),
        _ => false,
    };

    /// <summary>A piece, or a range of two pieces joined by a dash, «по» or «до».</summary>
    private static bool ReadItem(DeadlineTokens tokens, ref int i, int end, DeadlineItemMode mode, DeadlineClause clause)
    {
        var j = i;
        if (!ReadPiece(tokens, ref j, end, out var piece)) return false;
        var k = SkipYearWords(tokens, j, end);
        if (k < end && (tokens[k].Kind == DeadlineTokenKind.Dash || tokens.IsAnyWord(k, "по", "до")))
        {
            var m = k + 1;
            if (ReadPiece(tokens, ref m, end, out var endPiece))
            {
                clause.Items.Add(new DeadlineItem(mode, piece, endPiece));
                i = m;
                return true;
            }
        }
        clause.Items.Add(new DeadlineItem(mode, piece, null));
        i = j;
        return true;
    }

    private static int SkipYearWords(DeadlineTokens tokens, int j, int end)
    {
        while (j < end && tokens.IsAnyWord(j, "г", "гг", "год", "года", "году", "годы")) j++;
        return j;
    }

    private static bool ReadPiece(DeadlineTokens tokens, ref int i, int end, out DatedPiece piece)
    {
        piece = default;
        if (i >= end) return false;
        var token = tokens[i];
        switch (token.Kind)
        {
            case DeadlineTokenKind.Date:
                piece = new DatedPiece(DatedPieceKind.Date, token.Value, token.Value, token.Month, token.Year);
                i++;
                return true;
            case DeadlineTokenKind.Month:
            {
                var j = i + 1;
                var year = ReadYearAfter(tokens, ref j, end, allowDash: true);
                piece = new DatedPiece(DatedPieceKind.Month, 0, 0, token.Month, year);
                i = j;
                return true;
            }
            case DeadlineTokenKind.RomanNumeral:
                return ReadQuartersOrHalves(tokens, ref i, end, token.Value, out piece);
            case DeadlineTokenKind.Word:
                return OrdinalWordValue(tokens.WordAt(i)) is var n and > 0 && ReadQuartersOrHalves(tokens, ref i, end, n, out piece);
            case DeadlineTokenKind.Number when tokens.IsYear(i):
            {
                var j = i + 1;
                var first = token.Value;
                if (j + 1 < end && tokens[j].Kind == DeadlineTokenKind.Dash && tokens[j + 1].Kind == DeadlineTokenKind.Number && !tokens[j + 1].IsOrdinal)
                {
                    // «2021-2024», and «2021-24» with the century taken from the first year.
                    var second = tokens.IsYear(j + 1) ? tokens[j + 1].Value
                        : tokens[j + 1].Digits == 2 ? first / 100 * 100 + tokens[j + 1].Value
                        : 0;
                    if (second >= first)
                    {
                        j += 2;
                        var k = j;
                        while (k < end && tokens.IsAnyWord(k, "г", "гг")) k++;
                        if (k < end && tokens.WordStartsWith(k, "уч"))
                        {
                            if (second != first + 1) return false;
                            k++;
                            if (k < end && tokens.WordStartsWith(k, "год")) k++;
                            piece = new DatedPiece(DatedPieceKind.SchoolYear, first, 0, 0, first);
                            i = k;
                            return true;
                        }
                        piece = new DatedPiece(DatedPieceKind.Years, first, second, 0, first);
                        i = j;
                        return true;
                    }
                }
                piece = new DatedPiece(DatedPieceKind.Years, first, first, 0, first);
                i = j;
                return true;
            }
            case DeadlineTokenKind.Number:
            {
                // «1 квартал», «2-е полугодие», «1-2 квартал» before days: «1-30 октября» falls through to the day range.
                if (token.Value is >= 1 and <= 4 && token.Digits == 1 && ReadQuartersOrHalves(tokens, ref i, end, token.Value, out piece)) return true;
                if (!tokens.IsDayOfMonth(i)) return false;
                if (i + 1 < end && tokens[i + 1].Kind == DeadlineTokenKind.Month)
                {
                    var j = i + 2;
                    var year = ReadYearAfter(tokens, ref j, end, allowDash: false);
                    piece = new DatedPiece(DatedPieceKind.DayRange, token.Value, token.Value, tokens[i + 1].Month, year);
                    i = j;
                    return true;
                }
                if (i + 3 < end && tokens[i + 1].Kind == DeadlineTokenKind.Dash && tokens.IsDayOfMonth(i + 2)
                    && tokens[i + 3].Kind == DeadlineTokenKind.Month && tokens[i + 2].Value >= token.Value)
                {
                    var j = i + 4;
                    var year = ReadYearAfter(tokens, ref j, end, allowDash: false);
                    piece = new DatedPiece(DatedPieceKind.DayRange, token.Value, tokens[i + 2].Value, tokens[i + 3].Month, year);
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
    private static bool ReadQuartersOrHalves(DeadlineTokens tokens, ref int i, int end, int first, out DatedPiece piece)
    {
        piece = default;
        var j = i + 1;
        var last = first;
        if (j + 1 < end && tokens[j].Kind == DeadlineTokenKind.Dash)
        {
            var n = tokens[j + 1].Kind switch
            {
                DeadlineTokenKind.RomanNumeral => tokens[j + 1].Value,
                DeadlineTokenKind.Number when tokens[j + 1].Digits == 1 => tokens[j + 1].Value,
                DeadlineTokenKind.Word => OrdinalWordValue(tokens.WordAt(j + 1)),
                _ => 0,
            };
            if (n == 0) return false;
            last = n;
            j += 2;
        }
        DatedPieceKind kind;
        if (tokens.WordStartsWith(j, "квартал")) kind = DatedPieceKind.Quarters;
        else if (tokens.WordStartsWith(j, "полугод")) kind = DatedPieceKind.HalfYears;
        else return false;
        var max = kind == DatedPieceKind.Quarters ? 4 : 2;
        if (first < 1 || last > max || first > last || j >= end) return false;
        j++;
        var year = ReadYearAfter(tokens, ref j, end, allowDash: false);
        piece = new DatedPiece(kind, first, last, 0, year);
        i = j;
        return true;
    }

    /// <summary>The year after a month or day («октябрь 2020», «декабрь - 2022 г.»); 0 when none follows.</summary>
    private static int ReadYearAfter(DeadlineTokens tokens, ref int j, int end, bool allowDash)
    {
        if (j < end && tokens.IsYear(j))
        {
            // «2020-2021 учебный год» after a month is a school year, not this month's year; leave it to the caller.
            if (tokens[j + 1].Kind == DeadlineTokenKind.Dash && tokens.IsYear(j + 2)) return 0;
            return tokens[j++].Value;
        }
        if (allowDash && j + 1 < end && tokens[j].Kind == DeadlineTokenKind.Dash && tokens.IsYear(j + 1)
            && tokens[j + 2].Kind is not (DeadlineTokenKind.Dash or DeadlineTokenKind.Month))
        {
            j += 2;
            return tokens[j - 1].Value;
        }
        return 0;
    }

    /// <summary>«первый» … «четвертый» in any form as 1..4; 0 for any other word.</summary>
    private static int OrdinalWordValue(ReadOnlySpan<char> word) =>
        word.StartsWith("перв") ? 1 : word.StartsWith("втор") ? 2 : word.StartsWith("трет") ? 3 : word.StartsWith("четверт") ? 4 : 0;

    /// <summary>«раз в месяц», «1 раз в полугодие», «2 раза в год», «каждый квартал».</summary>
    private static int ReadCadence(DeadlineTokens tokens, int j, int times, DeadlineClause clause)
    {
        const int week = -1;
        while (tokens.IsAnyWord(j, "в", "во", "за")) j++;
        var unitMonths = tokens.WordStartsWith(j, "месяц") ? 1
            : tokens.WordStartsWith(j, "квартал") ? 3
            : tokens.WordStartsWith(j, "полугод") ? 6
            : tokens.IsAnyWord(j, "год", "года", "году") ? 12
            : tokens.WordStartsWith(j, "недел") ? week
            : 0;
        if (unitMonths == week && times == 1) clause.Weekly = true;
        else if (unitMonths > 0 && times > 0 && unitMonths % times == 0) clause.MonthsPerOccurrence = unitMonths / times;
        else clause.Unreadable = true;
        return j + 1;
    }

    /// <summary>A word that is not the start of a dated piece: a preposition, a cadence, a kind, a filler — or unknown.</summary>
    private static int ReadWord(DeadlineTokens tokens, int i, int end, DeadlineClause clause, ref DeadlineItemMode mode)
    {
        var word = tokens.WordAt(i);
        switch (word)
        {
            case "не":
                if (tokens.IsAnyWord(i + 1, "позднее", "позже"))
                {
                    mode = DeadlineItemMode.NotLater;
                    return tokens.IsWord(i + 2, "чем") ? i + 3 : i + 2;
                }
                if (tokens.IsAnyWord(i + 1, "реже", "менее")) return i + 2;
                break;
            case "до":
                if (tokens.IsAnyWord(i + 1, "конца", "окончания"))
                {
                    if (tokens.IsWord(i + 2, "года") || (tokens.IsWord(i + 2, "календарного") && tokens.IsWord(i + 3, "года")))
                    {
                        clause.Items.Add(new DeadlineItem(DeadlineItemMode.UntilEndOf, new DatedPiece(DatedPieceKind.Years, 0, 0, 0, 0), null));
                        return tokens.IsWord(i + 2, "года") ? i + 3 : i + 4;
                    }
                    if (tokens.WordStartsWith(i + 2, "учебн") && tokens.IsWord(i + 3, "года"))
                    {
                        clause.Items.Add(new DeadlineItem(DeadlineItemMode.UntilEndOf, new DatedPiece(DatedPieceKind.SchoolYear, 0, 0, 0, 0), null));
                        return i + 4;
                    }
                    if (StartsPiece(tokens, i + 2))
                    {
                        mode = DeadlineItemMode.UntilEndOf;
                        return i + 2;
                    }
                }
                if (tokens.WordStartsWith(i + 1, "завершени") || tokens.WordStartsWith(i + 1, "окончани") || tokens.IsWord(i + 1, "конца"))
                {
                    // «до завершения наставничества»: ends on an event, not a date.
                    clause.UntilEvent = true;
                    return end;
                }
                mode = DeadlineItemMode.Until;
                return i + 1;
            case "к":
                mode = DeadlineItemMode.Until;
                return i + 1;
            case "по":
                if (StartsPiece(tokens, i + 1))
                {
                    mode = DeadlineItemMode.NotLater;
                    return i + 1;
                }
                if (IsOnDemandWord(tokens.WordAt(i + 1)))
                {
                    clause.OnDemand = true;
                    return end;
                }
                break;
            case "при":
                if (IsOnDemandWord(tokens.WordAt(i + 1)))
                {
                    clause.OnDemand = true;
                    return end;
                }
                break;
            case "с" or "со":
                if (StartsPiece(tokens, i + 1))
                {
                    mode = DeadlineItemMode.From;
                    return i + 1;
                }
                break;
            case "течение" or "протяжении":
            {
                var j = i + 1;
                while (tokens.IsAnyWord(j, "всего", "всей", "всех")) j++;
                if (StartsPiece(tokens, j)) return j;
                if (tokens.WordStartsWith(j, "период") || tokens.WordStartsWith(j, "срок") || tokens.WordStartsWith(j, "реализац")
                    || tokens.WordStartsWith(j, "внедрен") || tokens.WordStartsWith(j, "учебн") || tokens.IsAnyWord(j, "года", "год"))
                {
                    clause.Continuous = true;
                    while (j < end && tokens[j].Kind == DeadlineTokenKind.Word) j++;
                    return j;
                }
                break;
            }
            case "весь" or "всего" or "всей":
                if (tokens.WordStartsWith(i + 1, "период") || tokens.WordStartsWith(i + 1, "срок"))
                {
                    clause.Continuous = true;
                    var j = i + 1;
                    while (j < end && tokens[j].Kind == DeadlineTokenKind.Word) j++;
                    return j;
                }
                break;
            case "раз" or "раза":
                return ReadCadence(tokens, i + 1, 1, clause);
            default:
                if (word.StartsWith("кажд")) return ReadCadence(tokens, i + 1, 1, clause);
                if (IsFiller(word)) return i + 1;
                if (word.StartsWith("ежегодн") || word.StartsWith("ежемесячн") || word.StartsWith("ежеквартальн")
                    || word.StartsWith("ежеполугодн") || word.StartsWith("еженедельн"))
                {
                    // The fourth letter tells them apart: еже[г]одно, еже[м]есячно, еже[к]вартально, еже[п]олугодно, еже[н]едельно.
                    if (word[3] == 'г') clause.MonthsPerOccurrence = 12;
                    else if (word[3] == 'м') clause.MonthsPerOccurrence = 1;
                    else if (word[3] == 'к') clause.MonthsPerOccurrence = 3;
                    else if (word[3] == 'п') clause.MonthsPerOccurrence = 6;
                    else clause.Weekly = true;
                    // «ежегодным обновлением», «ежегодной корректировкой»: the adjective's noun says nothing about dates.
                    if (word[^1] != 'о' && tokens[i + 1].Kind == DeadlineTokenKind.Word && !IsFiller(tokens.WordAt(i + 1))
                        && !StartsPiece(tokens, i + 1))
                    {
                        return i + 2;
                    }
                    return i + 1;
                }
                if (word.StartsWith("регулярн") || word.StartsWith("систематическ") || word.StartsWith("периодическ"))
                {
                    clause.Regular = true;
                    return i + 1;
                }
                if (word.StartsWith("постоянн") || word.StartsWith("ежедневн") || word.StartsWith("непрерывн"))
                {
                    clause.Continuous = true;
                    return i + 1;
                }
                if (IsOnDemandWord(word))
                {
                    clause.OnDemand = true;
                    return end;
                }
                break;
        }
        clause.Unreadable = true;
        return end;
    }

    /// <summary>Words that add nothing to the dates around them.</summary>
    private static bool IsFiller(ReadOnlySpan<char> word) => word switch
    {
        "в" or "во" or "на" or "и" or "г" or "гг" or "год" or "года" or "году" or "годы" or "годов" or "годах" or "уч"
            or "учебный" or "учебного" or "учебном" or "календарного" or "календарный" or "включительно"
            or "числа" or "число" or "основе" or "срок" or "сроки" or "чем" or "начиная" or "период" or "периода"
            or "сразу" => true,
        _ => false,
    };

    /// <summary>Words of an event-driven deadline: «по мере …», «согласно графику», «по отдельному плану»…</summary>
    private static bool IsOnDemandWord(ReadOnlySpan<char> word) =>
        word.StartsWith("мере") || word.StartsWith("график") || word.StartsWith("соответстви") || word.StartsWith("зависимост")
        || word.StartsWith("необходимост") || word.StartsWith("поступлени") || word.StartsWith("запрос") || word.StartsWith("требовани")
        || word.StartsWith("согласно") || word.StartsWith("итог") || word.StartsWith("после") || word.StartsWith("факт")
        || word.StartsWith("потребност") || word.StartsWith("завершени") || word.StartsWith("окончани") || word.StartsWith("отдельн")
        || word.StartsWith("событ") || word.StartsWith("готовност") || word.SequenceEqual("время") || word.SequenceEqual("ходе")
        || word.StartsWith("рамках") || word.StartsWith("план") || word.StartsWith("приказ") || word.StartsWith("согласовани")
        || word.StartsWith("распоряжени");
}

namespace Nastavnik.Domain.Roadmaps;

internal enum DeadlineTokenKind : byte { None, Number, Date, BadDate, Month, RomanNumeral, Word, Dash, Comma }

/// <summary>
/// One token of a deadline phrase, at <paramref name="Start"/> for <paramref name="Length"/> characters of the
/// lower-cased text. <paramref name="Value"/>: a number's value, a date's day, a Roman numeral's value.
/// <paramref name="Digits"/>: how many digits a number was written with (4 for a year, 1 for «1 квартал»).
/// <paramref name="Month"/>: a date's or a month name's month (1..12). <paramref name="Year"/>: a date's year (0 = none
/// written). <paramref name="IsOrdinal"/>: a number written as an ordinal («1-й», «2-е»).
/// </summary>
internal readonly record struct DeadlineToken(
    DeadlineTokenKind Kind, int Start, int Length, int Value = 0, int Digits = 0, int Month = 0, int Year = 0, bool IsOrdinal = false);

/// <summary>A lexed deadline phrase: its tokens, the range of years it names and whether a date in it is impossible.</summary>
internal sealed class DeadlineTokens(string text)
{
    /// <summary>The phrase lower-cased, «ё» read as «е»; tokens point into it.</summary>
    public readonly string Text = text;
    public readonly List<DeadlineToken> Tokens = new(12);
    public int MinYear = int.MaxValue, MaxYear = int.MinValue;
    /// <summary>A date such as «31.02.2021» or «15.13.2020»: the whole phrase is unrecognised rather than guessed.</summary>
    public bool HasBadDate;

    public int Count => Tokens.Count;

    /// <summary>The token at <paramref name="i"/>, or a <see cref="DeadlineTokenKind.None"/> token past either end.</summary>
    public DeadlineToken this[int i] => (uint)i < (uint)Tokens.Count ? Tokens[i] : default;

    /// <summary>The word at <paramref name="i"/>; empty when the token there is not a word.</summary>
    public ReadOnlySpan<char> WordAt(int i) =>
        (uint)i < (uint)Tokens.Count && Tokens[i].Kind == DeadlineTokenKind.Word ? Text.AsSpan(Tokens[i].Start, Tokens[i].Length) : default;

    public bool IsWord(int i, string word) => this[i].Kind == DeadlineTokenKind.Word && WordAt(i).SequenceEqual(word);

    public bool IsAnyWord(int i, string a, string b) =>
        this[i].Kind == DeadlineTokenKind.Word && (WordAt(i).SequenceEqual(a) || WordAt(i).SequenceEqual(b));

    public bool IsAnyWord(int i, string a, string b, string c) => IsAnyWord(i, a, b) || IsWord(i, c);

    public bool IsAnyWord(int i, string a, string b, string c, string d, string e, string f) => IsAnyWord(i, a, b, c) || IsAnyWord(i, d, e, f);

    public bool WordStartsWith(int i, string prefix) => this[i].Kind == DeadlineTokenKind.Word && WordAt(i).StartsWith(prefix);

    public bool IsYear(int i) => this[i] is { Kind: DeadlineTokenKind.Number, Digits: 4, IsOrdinal: false, Value: >= 1900 and <= 2100 };

    public bool IsDayOfMonth(int i) => this[i] is { Kind: DeadlineTokenKind.Number, Digits: <= 2, IsOrdinal: false, Value: >= 1 and <= 31 };

    public void NoteYear(int year)
    {
        if (year < MinYear) MinYear = year;
        if (year > MaxYear) MaxYear = year;
    }
}

/// <summary>
/// Text → tokens: numbers, dates (dd.mm[.yy[yy]]), month names in every case and their abbreviations, Roman numerals I–IV,
/// other words, dashes and commas; everything else (spaces, dots, brackets, leftover HTML) is dropped.
/// </summary>
internal static class DeadlineLexer
{
    private const int RomanNumeralOffset = 100;

    private static readonly Dictionary<string, int> MonthsAndNumerals = BuildMonthsAndNumerals();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthOrNumeralLookup =
        MonthsAndNumerals.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month forms in every case (value 1..12) and Roman numerals I–IV (value 101..104).</summary>
    private static Dictionary<string, int> BuildMonthsAndNumerals()
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
        d["i"] = RomanNumeralOffset + 1;
        d["ii"] = RomanNumeralOffset + 2;
        d["iii"] = RomanNumeralOffset + 3;
        d["iv"] = RomanNumeralOffset + 4;
        return d;
    }

    public static DeadlineTokens Lex(string text)
    {
        var s = string.Create(text.Length, text, static (span, src) =>
        {
            for (var k = 0; k < src.Length; k++)
            {
                var ch = char.ToLowerInvariant(src[k]);
                span[k] = ch == 'ё' ? 'е' : ch;
            }
        });
        var tokens = new DeadlineTokens(s);
        var n = s.Length;
        var i = 0;
        while (i < n)
        {
            var ch = s[i];
            if (IsDigit(ch))
            {
                i = LexNumber(tokens, i);
            }
            else if (char.IsLetter(ch))
            {
                var j = i + 1;
                while (j < n && char.IsLetter(s[j])) j++;
                if (MonthOrNumeralLookup.TryGetValue(s.AsSpan(i, j - i), out var v))
                {
                    tokens.Tokens.Add(v > RomanNumeralOffset
                        ? new DeadlineToken(DeadlineTokenKind.RomanNumeral, i, j - i, Value: v - RomanNumeralOffset)
                        : new DeadlineToken(DeadlineTokenKind.Month, i, j - i, Month: v));
                }
                else
                {
                    tokens.Tokens.Add(new DeadlineToken(DeadlineTokenKind.Word, i, j - i));
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
                if (ch is '-' or '–' or '—' or '‑' or '‒' or '−' or '/') tokens.Tokens.Add(new DeadlineToken(DeadlineTokenKind.Dash, i, 1));
                else if (ch is ',' or ';') tokens.Tokens.Add(new DeadlineToken(DeadlineTokenKind.Comma, i, 1));
                i++;
            }
        }
        return tokens;
    }

    /// <summary>The index after an HTML tag or entity starting at <paramref name="i"/>; <paramref name="i"/> when there is none.</summary>
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

    /// <summary>A date «dd.mm[.yy[yy]]», an ordinal «1-й», or a plain number; returns the index after it.</summary>
    private static int LexNumber(DeadlineTokens tokens, int i)
    {
        var s = tokens.Text;
        var n = s.Length;
        var j = ReadDigits(s, i, out var value);
        var digits = j - i;
        if (digits <= 2 && j + 1 < n && s[j] == '.' && IsDigit(s[j + 1]))
        {
            var k = ReadDigits(s, j + 1, out var month);
            if (k - j - 1 <= 2)
            {
                int year = 0, yearDigits = 0, end = k;
                if (k + 1 < n && s[k] == '.' && IsDigit(s[k + 1]))
                {
                    end = ReadDigits(s, k + 1, out year);
                    yearDigits = end - k - 1;
                }
                if (yearDigits == 2) year += 2000;
                var ok = yearDigits is 0 or 2 or 4 && year is 0 or (>= 1900 and <= 2100) && month is >= 1 and <= 12
                         && value >= 1 && value <= DateTime.DaysInMonth(year == 0 ? 2000 : year, month);
                tokens.Tokens.Add(new DeadlineToken(ok ? DeadlineTokenKind.Date : DeadlineTokenKind.BadDate, i, end - i,
                    Value: value, Month: month, Year: year));
                if (!ok) tokens.HasBadDate = true;
                else if (year != 0) tokens.NoteYear(year);
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
                tokens.Tokens.Add(new DeadlineToken(DeadlineTokenKind.Number, i, k - i, Value: value, Digits: digits, IsOrdinal: true));
                return k;
            }
        }
        tokens.Tokens.Add(new DeadlineToken(DeadlineTokenKind.Number, i, j - i, Value: value, Digits: digits));
        if (digits == 4 && value is >= 1900 and <= 2100) tokens.NoteYear(value);
        return j;
    }

    private static int ReadDigits(string s, int i, out int value)
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

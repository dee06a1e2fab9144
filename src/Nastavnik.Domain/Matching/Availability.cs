using System.Numerics;
using System.Text;

namespace Nastavnik.Domain.Matching;

/// <summary>
/// Weekly one-hour slots from 08:00 to 21:00 (13 a day, Monday first) as a bitmask. No slot at all means
/// «не указано»: the text was empty or said nothing we understand.
/// </summary>
public readonly record struct WeeklySlots(UInt128 Bits)
{
    public const int FirstHour = 8;
    public const int EndHour = 21;
    public const int SlotsPerDay = EndHour - FirstHour;

    public static WeeklySlots Unknown => default;
    public static WeeklySlots Always => Of(0b111_1111, FirstHour, EndHour);

    public bool IsUnknown => Bits == UInt128.Zero;
    public int Count => (int)UInt128.PopCount(Bits);

    /// <summary>Whether the hour starting at <paramref name="hour"/> of day <paramref name="day"/> (0 = Monday) is free.</summary>
    public bool Has(int day, int hour) =>
        hour >= FirstHour && hour < EndHour && (Bits & (UInt128.One << (day * SlotsPerDay + hour - FirstHour))) != UInt128.Zero;

    /// <summary>The hours [from, to) of the days in <paramref name="dayMask"/> (bit 0 = Monday), clipped to 08–21.</summary>
    public static WeeklySlots Of(int dayMask, int from, int to)
    {
        from = Math.Max(from, FirstHour);
        to = Math.Min(to, EndHour);
        var bits = UInt128.Zero;
        for (var day = 0; day < 7; day++)
        {
            if ((dayMask & (1 << day)) == 0) continue;
            for (var hour = from; hour < to; hour++) bits |= UInt128.One << (day * SlotsPerDay + hour - FirstHour);
        }
        return new WeeklySlots(bits);
    }

    public WeeklySlots Union(WeeklySlots other) => new(Bits | other.Bits);

    private static readonly string[] DayNames = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

    /// <summary>Compact Russian form, e.g. «пн 15–21, ср 15–21»; «не указано» when unknown.</summary>
    public override string ToString()
    {
        if (IsUnknown) return "не указано";
        var text = new StringBuilder();
        for (var day = 0; day < 7; day++)
        {
            var hour = FirstHour;
            while (hour < EndHour)
            {
                if (!Has(day, hour)) { hour++; continue; }
                var end = hour;
                while (end < EndHour && Has(day, end)) end++;
                if (text.Length > 0) text.Append(", ");
                text.Append($"{DayNames[day]} {hour}–{end}");
                hour = end;
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// Reads «Время, когда удобно выходить на связь» as people write it: «пн, ср после 15:00», «вт–чт 14:00–16:00»,
/// «по будням после уроков», «суббота утром», «в любое время», «ежедневно с 16 до 18». A hand-written tokenizer:
/// days and day groups collect into the current clause, times («утром», «после 15», «с 16 до 18», «14–16») too; a day
/// that comes after a clause already holding days and times starts the next clause. A clause without days means every
/// day, without times the whole day. Hours 1–7 are read as afternoon («после 3» = after 15:00).
/// </summary>
public static class Availability
{
    private const int AllDays = 0b111_1111;
    private const int Weekdays = 0b001_1111;
    private const int Weekend = 0b110_0000;

    public static WeeklySlots Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return WeeklySlots.Unknown;
        return new Parser(Tokenize(text)).Run();
    }

    /// <summary>The share (0..1) of the mentee's slots the mentor also has; 0.5 when either side is unknown.</summary>
    public static double Overlap(WeeklySlots mentee, WeeklySlots mentor)
    {
        if (mentee.IsUnknown || mentor.IsUnknown) return 0.5;
        return (double)UInt128.PopCount(mentee.Bits & mentor.Bits) / mentee.Count;
    }

    private enum Kind { Word, Number, Dash, Separator }

    private readonly record struct Token(Kind Kind, string Text = "", int Hour = 0, int Minute = 0, bool Exact = false);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                tokens.Add(new Token(Kind.Word, text[start..i].ToLowerInvariant().Replace('ё', 'е')));
            }
            else if (char.IsDigit(c))
            {
                var hour = 0;
                while (i < text.Length && char.IsDigit(text[i])) hour = Math.Min(hour * 10 + (text[i++] - '0'), 99);
                var minute = 0;
                if (i + 2 < text.Length && (text[i] == ':' || text[i] == '.') && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]))
                {
                    minute = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
                    i += 3;
                }
                tokens.Add(new Token(Kind.Number, Hour: hour, Minute: minute));
            }
            else
            {
                if (c is '-' or '–' or '—' or '‐' or '−') tokens.Add(new Token(Kind.Dash));
                else if (c is ',' or ';' or '/' or '+' or '\n') tokens.Add(new Token(Kind.Separator));
                i++;
            }
        }
        return tokens;
    }

    /// <summary>0 = Monday … 6 = Sunday, or -1 when the word is not a day.</summary>
    private static int DayOf(string word)
    {
        if (word is "пн" or "пон" || word.StartsWith("понед")) return 0;
        if (word is "вт" or "вто" or "втр" || word.StartsWith("вторн")) return 1;
        if (word is "ср" or "срд" || (word.StartsWith("сред") && word != "среди")) return 2;
        if (word is "чт" or "чтв" or "чет" || word.StartsWith("четв")) return 3;
        if (word is "пт" or "птн" or "пят" || word.StartsWith("пятн")) return 4;
        if (word is "сб" or "суб" || word.StartsWith("субб")) return 5;
        if (word is "вс" or "вск" or "вос" || word.StartsWith("воскр")) return 6;
        return -1;
    }

    private static int DayGroupOf(string word)
    {
        if (word.StartsWith("будн") || word is "рабочие" or "рабочим" or "рабочих") return Weekdays;
        if (word.StartsWith("выходн")) return Weekend;
        if (word.StartsWith("ежедн")) return AllDays;
        return 0;
    }

    /// <summary>Hour a phrase «после …» starts at: «после уроков» = 14:00.</summary>
    private static int AfterWordHour(string word) => word switch
    {
        _ when word.StartsWith("урок") || word.StartsWith("занят") || word.StartsWith("школ") || word.StartsWith("учеб") => 14,
        _ when word.StartsWith("обед") => 13,
        _ when word.StartsWith("пар") => 15,
        _ when word.StartsWith("работ") || word.StartsWith("смен") => 18,
        _ => -1,
    };

    private sealed class Parser(List<Token> tokens)
    {
        private int _pos;
        private UInt128 _result;
        private int _days, _excluded, _hours;
        private bool _hasDays, _hasTime, _excluding;
        private int _lastDay = -1, _rangeFrom = -1;

        public WeeklySlots Run()
        {
            while (_pos < tokens.Count)
            {
                var token = tokens[_pos++];
                switch (token.Kind)
                {
                    case Kind.Word: Word(token.Text); break;
                    case Kind.Number: Number(token); break;
                    case Kind.Dash:
                        if (_lastDay >= 0 && Previous(2).Kind == Kind.Word && DayOf(Previous(2).Text) >= 0 && NextIsDay()) _rangeFrom = _lastDay;
                        break;
                    case Kind.Separator:
                        break;
                }
            }
            Flush();
            return new WeeklySlots(_result);
        }

        private Token Previous(int back) => _pos - back >= 0 ? tokens[_pos - back] : new Token(Kind.Separator);

        private bool NextIsDay() => _pos < tokens.Count && tokens[_pos].Kind == Kind.Word && DayOf(tokens[_pos].Text) >= 0;

        private Token? Peek(int ahead = 0) => _pos + ahead < tokens.Count ? tokens[_pos + ahead] : null;

        private void Word(string word)
        {
            var day = DayOf(word);
            if (day >= 0)
            {
                if (_hasDays && _hasTime && _rangeFrom < 0 && !_excluding) Flush();
                if (_rangeFrom >= 0)
                {
                    for (var d = _rangeFrom; ; d = (d + 1) % 7)
                    {
                        AddDays(1 << d);
                        if (d == day) break;
                    }
                    _rangeFrom = -1;
                }
                else
                {
                    AddDays(1 << day);
                }
                _lastDay = day;
                return;
            }
            var group = DayGroupOf(word);
            if (group != 0)
            {
                if (_hasDays && _hasTime) Flush();
                AddDays(group);
                return;
            }
            switch (word)
            {
                case "по" when _lastDay >= 0 && NextIsDay():
                    _rangeFrom = _lastDay;
                    return;
                case "кроме":
                    _excluding = true;
                    return;
                // «каждый день», «все дни», «всю неделю» — but «каждый вторник», «все выходные» name their days.
                case "каждый" or "каждого" or "каждые" or "все" or "всю" or "всей" when Peek() is { Kind: Kind.Word } next
                    && (next.Text.StartsWith("ден") || next.Text.StartsWith("дн") || next.Text.StartsWith("недел")):
                    _pos++;
                    if (_hasDays && _hasTime) Flush();
                    AddDays(AllDays);
                    return;
                case "первой" or "первая" or "первую" when Peek() is { Kind: Kind.Word } next && next.Text.StartsWith("половин"):
                    _pos++;
                    AddHours(WeeklySlots.FirstHour, 13);
                    return;
                case "второй" or "вторая" or "вторую" when Peek() is { Kind: Kind.Word } next && next.Text.StartsWith("половин"):
                    _pos++;
                    AddHours(13, WeeklySlots.EndHour);
                    return;
                case "не" when Peek() is { Kind: Kind.Word, Text: "раньше" or "ранее" }:
                    _pos++;
                    After();
                    return;
                case "не" when Peek() is { Kind: Kind.Word, Text: "позже" or "позднее" }:
                    _pos++;
                    Until();
                    return;
                case "любое" or "любой" or "всегда" or "круглосуточно" or "неважно":
                    AddDays(AllDays);
                    AddHours(WeeklySlots.FirstHour, WeeklySlots.EndHour);
                    return;
                case "после":
                    After();
                    return;
                case "до":
                    Until();
                    return;
                case "с" or "со" or "от":
                    if (Peek() is { Kind: Kind.Number } from)
                    {
                        _pos++;
                        Range(Qualified(from), true);
                    }
                    return;
            }
            if (word.StartsWith("утр")) AddHours(8, 12);
            else if (word is "днем" or "днями" || word.StartsWith("дневн")) AddHours(12, 17);
            else if (word.StartsWith("вечер")) AddHours(17, WeeklySlots.EndHour);
            else if (word is "обед" or "обеда" or "обедом") AddHours(12, 14);
        }

        private void After()
        {
            if (Peek() is { Kind: Kind.Number } from)
            {
                _pos++;
                AddHours(StartOf(Qualified(from)), WeeklySlots.EndHour);
            }
            else if (Peek() is { Kind: Kind.Word } word && AfterWordHour(word.Text) is var hour and >= 0)
            {
                _pos++;
                AddHours(hour, WeeklySlots.EndHour);
            }
        }

        private void Until()
        {
            if (Peek() is { Kind: Kind.Number } until)
            {
                _pos++;
                AddHours(WeeklySlots.FirstHour, EndOf(Qualified(until)));
            }
            else if (Peek() is { Kind: Kind.Word } word && word.Text.StartsWith("обед"))
            {
                _pos++;
                AddHours(WeeklySlots.FirstHour, 13);
            }
        }

        private void Number(Token number) => Range(Qualified(number), false);

        /// <summary>Reads the word after an hour: «9 утра», «6 вечера», «3 дня», «16 ч».</summary>
        private Token Qualified(Token number)
        {
            if (Peek() is not { Kind: Kind.Word } word) return number;
            switch (word.Text)
            {
                case "утра":
                    _pos++;
                    return number with { Exact = true };
                case "вечера" or "дня":
                    _pos++;
                    return number with { Hour = number.Hour < 12 ? number.Hour + 12 : number.Hour, Exact = true };
                case "ч" or "час" or "часа" or "часов":
                    _pos++;
                    return number;
                default:
                    return number;
            }
        }

        /// <summary>«14–16», «14:00 до 16:00», or a lone «16» (the hour starting then; «с 16» — until the evening).</summary>
        private void Range(Token from, bool untilEvening)
        {
            var start = StartOf(from);
            if (Peek() is { Kind: Kind.Dash } or { Kind: Kind.Word, Text: "до" } && Peek(1) is { Kind: Kind.Number } to)
            {
                _pos += 2;
                var end = EndOf(Qualified(to));
                if (end <= start && end + 12 <= 24) end += 12;
                AddHours(start, end);
                return;
            }
            AddHours(start, untilEvening ? WeeklySlots.EndHour : start + 1);
        }

        private static int StartOf(Token t) => !t.Exact && t.Hour is >= 1 and <= 7 ? t.Hour + 12 : t.Hour;

        private static int EndOf(Token t)
        {
            var hour = !t.Exact && t.Hour is >= 1 and <= 7 ? t.Hour + 12 : t.Hour is 0 or 24 ? WeeklySlots.EndHour : t.Hour;
            return t.Minute > 0 ? hour + 1 : hour;
        }

        private void AddDays(int mask)
        {
            if (_excluding)
            {
                _excluded |= mask;
            }
            else
            {
                _days |= mask;
                _hasDays = true;
            }
        }

        private void AddHours(int from, int to)
        {
            _excluding = false;
            from = Math.Max(from, WeeklySlots.FirstHour);
            to = Math.Min(to, WeeklySlots.EndHour);
            for (var h = from; h < to; h++) _hours |= 1 << (h - WeeklySlots.FirstHour);
            _hasTime = true;
        }

        private void Flush()
        {
            if (_hasDays || _hasTime || _excluded != 0)
            {
                var days = (_hasDays ? _days : AllDays) & ~_excluded;
                var slots = new WeeklySlots(UInt128.Zero);
                for (var h = 0; h < WeeklySlots.SlotsPerDay; h++)
                {
                    if (!_hasTime || (_hours & (1 << h)) != 0) slots = slots.Union(WeeklySlots.Of(days, WeeklySlots.FirstHour + h, WeeklySlots.FirstHour + h + 1));
                }
                _result |= slots.Bits;
            }
            _days = _excluded = _hours = 0;
            _hasDays = _hasTime = _excluding = false;
            _lastDay = _rangeFrom = -1;
        }
    }
}

using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Finds where a deadline phrase sits in text whose table columns were flattened into lines (PDF extraction:
/// «…доступности до 01.12.2020 Руководители ОО Распорядительные акты»). It only marks the extent of the phrase;
/// what the phrase means is <see cref="DeadlineParser"/>'s business. The shapes are those of DOMAIN.md §8.
/// </summary>
internal static class DeadlineSpans
{
    public sealed record Span(int Start, int End, IReadOnlyList<(int Start, int End, bool Point)> Segments);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Month =
        @"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|март[ае]?|ма[йяе]|август[ае]?)(?![а-яё])";
    private const string YearNumber = @"(?:19|20)\d{2}(?!\d)";
    private const string YearSuffix = @"(?:\s*(?:г\.?\s*г\.?|гг\.?|г\.?|года|годах|годы|год)(?![а-яё]))?";
    private const string Year = YearNumber + YearSuffix + @"(?:\s+\.(?!\S))?";
    private const string Date = @"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)(?:\s*г\.?(?![а-яё]))?";
    private const string Dash = @"\s*[-–—]\s*";

    /// <summary>A date or a month with its year: one end of a «Дата начала / Дата окончания» pair.</summary>
    private static readonly Regex Point = new($@"\G(?:{Date}|{Month}\s*{Year})", Options);

    private static readonly Regex[] Phrases =
    [
        new($@"\G(?:до|не\s+позднее|не\s+позже|к)\s+(?:{Date}|\d{{1,2}}\s+{Month}(?:\s+{Year})?|{Month}(?:\s+{Year})?|конца\s+(?:{Year}|(?:учебного\s+)?года|{Month}(?:\s+{Year})?)|{Year})", Options),
        new($@"\Gс\s+(?:{Date}|\d{{1,2}}\s+(?:{Month}\s+)?(?:{Year}\s+)?)\s*(?:по|до)\s+(?:{Date}|\d{{1,2}}\s+{Month}(?:\s+{Year})?)", Options),
        new($@"\G\d{{1,2}}{Dash}\d{{1,2}}\s+{Month}(?:\s+{Year})?", Options),
        new($@"\G{Month}\s+{Year}{Dash}{Month}\s+{Year}", Options),
        new($@"\G{Month}(?:{Dash}{Month})?(?:{Dash}|\s+)?{Year}", Options),
        new($@"\G(?:I{{1,3}}|IV|[1-4])\s*(?:-?[йео]\s+)?(?:квартал[а]?|полугоди[ея])\s+{Year}", Options),
        new($@"\G{YearNumber}\s*[-–—/]\s*{YearNumber}\s*(?:(?:гг?\.?|г\.\s*г\.|годы|годов)(?![а-яё])|учебн[а-яё]*\s+год[а-яё]*)", Options),
        new($@"\G{YearNumber}\s*(?:г\.|гг\.|год(?![а-яё]))", Options),
        new($@"\G(?:с\s+(?:{Month}\s+)?{Year}\s+)?ежегодно(?:\s+(?:в\s+)?{Month})?(?:\s+{YearNumber}\s*(?:[-–—]\s*{YearNumber})?{YearSuffix})?", Options),
        new(@"\G(?:ежемесячно|ежеквартально|еженедельно)", Options),
        new($@"\Gс\s+{Month}\s+{Year}\s+на\s+регулярной\s+основе(?:\s+до\s+завершения\s+[а-яё]+)?", Options),
        new(@"\Gв\s+течение\s+(?:всего\s+)?(?:периода|срока|учебного\s+года|года)(?:\s+(?:реализации|внедрения))?(?:\s+(?:ЦМН|МЦМН|проекта|программы?|целевой\s+модели(?:\s+наставничества)?))?(?![а-яё])", Options),
        new(@"\G(?:постоянно|регулярно(?:,?\s*не\s+реже\s+(?:одного\s+)?раз[аи]?\s+в\s+(?:месяц|квартал|полугодие|год|неделю))?)(?![а-яё])", Options),
        new(@"\G(?:\d|один|два)\s+раз[а]?\s+в\s+(?:месяц|квартал|полугодие|год)(?![а-яё])", Options),
        new(@"\Gпо\s+мере\s+(?:поступления(?:\s+из\s+\S+(?:\s+образования)?(?:\s+(?:и\s+науки\s+)?\S+\s+(?:области|края|республики))?)?|необходимости|завершения\s+программ[а-яё]*)", Options),
        new(@"\Gв\s+соответствии\s+со?\s+сроками\s+реализации(?:\s+программ[а-яё]*(?:\s+наставничества)?)?", Options),
        new(@"\G(?:согласно|по)\s+(?:отдельному\s+)?графику(?:\s+(?:ОО|ОУ|ДОУ|образовательн[а-яё]*\s+организаци[а-яё]*))?", Options),
        new(@"\Gв\s+зависимости\s+от\s+продолжительности(?:\s+программ[а-яё]*(?:\s+наставничества)?)?", Options),
        new(@"\Gпо\s+завершении\s+(?:заключительной\s+)?(?:групповой\s+)?(?:встречи|программ[а-яё]*)", Options),
        new(@"\Gво\s+время\s+итогового\s+мероприятия(?:\s+для\s+подведения\s+итогов)?", Options),
        new($@"\G{Date}", Options),
    ];

    /// <summary>«…, далее - ежегодно сентябрь», «… с последующим ежегодным обновлением»: the phrase goes on.</summary>
    private static readonly Regex Tail = new(
        $@"\G\s*,?\s*(?:далее\s*[-–—]?\s*(?:ежегодно(?:\s+(?:в\s+)?{Month})?|по\s+мере\s+(?:необходимости|завершения\s+программ[а-яё]*))|с\s+последующим\s+ежегодным\s+обновлением)",
        Options);

    private static readonly Regex Separator = new(@"\G[\s,;]+", Options);

    /// <summary>
    /// The first deadline phrase in <paramref name="text"/> that starts a cell: not the text's first word and not
    /// after a preposition («…в 2020-2021 учебном году 15.11.2020…» finds 15.11.2020). Consecutive phrases
    /// («Декабрь 2020, Декабрь 2021…», «04.10.2021 09.10.2021») make one span.
    /// </summary>
    public static Span? Find(string text)
    {
        string? previousWord = null;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            if (previousWord is not null && !RoadmapCellText.IsFunctionWord(previousWord))
            {
                var span = Extend(text, i);
                if (span is not null) return span;
            }
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            previousWord = text[i..end];
            i = end;
        }
        return null;
    }

    private static Span? Extend(string text, int at)
    {
        var segments = new List<(int, int, bool)>();
        var position = at;
        while (true)
        {
            var length = LongestPhrase(text, position);
            if (length == 0) break;
            var end = position + length;
            var tail = Tail.Match(text, end);
            var point = tail.Success ? false : IsPoint(text, position, length);
            if (tail.Success) end = tail.Index + tail.Length;
            segments.Add((position, end, point));
            var gap = Separator.Match(text, end);
            if (!gap.Success) break;
            position = gap.Index + gap.Length;
        }
        return segments.Count == 0 ? null : new Span(at, segments[^1].Item2, segments);
    }

    private static int LongestPhrase(string text, int at)
    {
        var best = 0;
        foreach (var phrase in Phrases)
        {
            var m = phrase.Match(text, at);
            if (m.Success && m.Length > best && (at + m.Length == text.Length || !char.IsLetterOrDigit(text[at + m.Length]))) best = m.Length;
        }
        return best;
    }

    private static bool IsPoint(string text, int at, int length)
    {
        var m = Point.Match(text, at);
        return m.Success && m.Length >= length - 1;
    }
}

using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Roadmaps;

internal enum ColumnKind
{
    None, Number, Title, Deadline, Start, End, Responsible, Regional, Municipal, Organization, Result, Stage,
    /// <summary>«Наименование целевого направления плана» spanning «Мероприятие» and «Результат» (Дубна).</summary>
    TitleGroup,
}

/// <summary>
/// Recognises a roadmap table's header, in its variants: «Наименование мероприятия/мероприятий», «Мероприятие»,
/// «Срок(и) реализации/исполнения», «Дата начала / Дата окончания», «Ответственный исполнитель», «Ответственные» over
/// Региональные / Муниципальные / Образовательные организации, «Результат. Вид документа», «Ожидаемые результаты»,
/// «Наименование этапа». A two-row header puts the sub-columns in place of the heading that spans them.
/// </summary>
internal static partial class RoadmapColumns
{
    // Most specific first: «Наименование этапа» before «Наименование…», «Ответственный за исполнение мероприятия»
    // before «Мероприятие».
    private static readonly (Regex Pattern, ColumnKind Kind)[] Keywords =
    [
        (new(@"\G(?:№\s*(?:п\s*/\s*п)?|N\s*п\s*/\s*п|п\s*/\s*п)", Options), ColumnKind.Number),
        (new(@"\Gнаименование\s+(?:целевого\s+)?направлени[яй](?:\s+плана)?", Options), ColumnKind.TitleGroup),
        (new(@"\G(?:наименование\s+этап[аов]*|этап[ыа]?(?:\s+реализации)?(?![а-яё]))", Options), ColumnKind.Stage),
        (new(@"\G(?:наименование|содержание|перечень)(?:\s+(?:мероприяти[йяе]|работ[ы]?|действий))?", Options), ColumnKind.Title),
        (new(@"\Gмероприяти[еяй]", Options), ColumnKind.Title),
        (new(@"\G(?:дата\s+начала|начало(?:\s+реализации)?)(?![а-яё])", Options), ColumnKind.Start),
        (new(@"\G(?:дата\s+(?:окончания|завершения)|окончание(?:\s+реализации)?)(?![а-яё])", Options), ColumnKind.End),
        (new(@"\G(?:срок[иа]?(?:\s*\(?\s*(?:реализации|исполнения|выполнения|проведения)\s*\)?)?|дата\s+(?:проведения|исполнения))(?![а-яё])", Options), ColumnKind.Deadline),
        (new(@"\G(?:ответственн[а-яё]*(?:\s+(?:исполнител[а-яё]*|лиц[а-яё]*|за\s+(?:исполнение|выполнение|реализацию)(?:\s+мероприяти[йяе])?))?|исполнител[иья])", Options), ColumnKind.Responsible),
        (new(@"\Gрегиональн[а-яё]*(?:\s+уровень)?", Options), ColumnKind.Regional),
        (new(@"\Gмуниципальн[а-яё]*(?:\s+уровень)?", Options), ColumnKind.Municipal),
        (new(@"\G(?:образовательн[а-яё]*\s+(?:организаци[а-яё]*|учреждени[а-яё]*)|уровень\s+оо|оо(?![а-яё]))", Options), ColumnKind.Organization),
        (new(@"\G(?:(?:ожидаем[а-яё]*|планируем[а-яё]*)\s+)?результат[а-яё]*(?:\s*[.,/]?\s*(?:вид|форма)\s+(?:документа|отч[её]тности))?|\Gвид\s+документа|\Gформа\s+отч[её]тности|\Gитогов[а-яё]*\s+документ", Options), ColumnKind.Result),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The kind a header cell names, or None when the cell is not a header word.</summary>
    public static ColumnKind OfCell(string cell)
    {
        var text = cell.Trim().TrimEnd('.', ':', '*');
        if (text.Length == 0 || text.Length > 90) return ColumnKind.None;
        var (kind, length) = MatchAt(text, 0);
        return length > 0 ? kind : ColumnKind.None;
    }

    /// <summary>
    /// Columns of a header row (and an optional second row naming sub-columns), by cell index. Null when the row is
    /// not a roadmap header: it needs an activity column and a deadline column.
    /// </summary>
    public static ColumnKind[]? FromCells(IReadOnlyList<string> header, IReadOnlyList<string>? subHeader)
    {
        var count = Math.Max(header.Count, subHeader?.Count ?? 0);
        var kinds = new ColumnKind[count];
        for (var i = 0; i < count; i++)
        {
            var top = i < header.Count ? OfCell(header[i]) : ColumnKind.None;
            var sub = subHeader is not null && i < subHeader.Count ? OfCell(subHeader[i]) : ColumnKind.None;
            kinds[i] = sub != ColumnKind.None && sub != ColumnKind.Number ? sub : top;
            if (kinds[i] == ColumnKind.TitleGroup) kinds[i] = ColumnKind.Title;
        }
        return IsRoadmap(kinds) ? kinds : null;
    }

    /// <summary>
    /// Columns named in flattened header text, in order. «Наименование целевого направления плана Срок реализации
    /// Ответственный … Мероприятие Результат Дата начала Дата окончания» (a two-row header read row by row) becomes
    /// № · Мероприятие · Результат · Дата начала · Дата окончания · Ответственный.
    /// </summary>
    public static ColumnKind[]? FromText(string headerText)
    {
        var found = new List<ColumnKind>();
        var text = headerText;
        var i = 0;
        while (i < text.Length)
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                var (kind, length) = MatchAt(text, i);
                if (length > 0)
                {
                    found.Add(kind);
                    i += length;
                    continue;
                }
            }
            i++;
        }
        var kinds = Expand(found);
        return IsRoadmap(kinds) ? kinds.ToArray() : null;
    }

    /// <summary>True when a row's non-empty cells are all header words: a second header row.</summary>
    public static bool IsSubHeader(IReadOnlyList<string> row)
    {
        var any = false;
        foreach (var cell in row)
        {
            if (cell.Trim().Length == 0) continue;
            var kind = OfCell(cell);
            if (kind == ColumnKind.None) return false;
            any = true;
        }
        return any;
    }

    /// <summary>True when a row's non-empty cells are 1, 2, 3, … — the column-number row under many headers.</summary>
    public static bool IsColumnNumbers(IEnumerable<string> cells)
    {
        var expected = 1;
        foreach (var cell in cells)
        {
            var text = cell.Trim().TrimEnd('.');
            if (text.Length == 0) continue;
            if (text != expected.ToString(System.Globalization.CultureInfo.InvariantCulture)) return false;
            expected++;
        }
        return expected > 3;
    }

    private static (ColumnKind Kind, int Length) MatchAt(string text, int at)
    {
        foreach (var (pattern, kind) in Keywords)
        {
            var m = pattern.Match(text, at);
            if (m.Success && m.Length > 0 && (m.Index + m.Length == text.Length || !char.IsLetter(text[m.Index + m.Length])))
            {
                return (kind, m.Length);
            }
        }
        return (ColumnKind.None, 0);
    }

    /// <summary>Puts sub-columns in place of the column heading that spans them.</summary>
    private static List<ColumnKind> Expand(List<ColumnKind> found)
    {
        var kinds = new List<ColumnKind>(found);
        Replace(kinds, ColumnKind.TitleGroup, [ColumnKind.Title, ColumnKind.Result], fallback: ColumnKind.Title);
        Replace(kinds, ColumnKind.Deadline, [ColumnKind.Start, ColumnKind.End], fallback: ColumnKind.Deadline);
        Replace(kinds, ColumnKind.Responsible, [ColumnKind.Regional, ColumnKind.Municipal, ColumnKind.Organization], fallback: ColumnKind.Responsible);
        // A word repeated by a page-break header copy counts once.
        return kinds.Distinct().ToList();
    }

    private static void Replace(List<ColumnKind> kinds, ColumnKind group, ColumnKind[] members, ColumnKind fallback)
    {
        var at = kinds.IndexOf(group);
        if (at < 0) return;
        var subs = new List<ColumnKind>();
        for (var i = at + 1; i < kinds.Count; i++)
        {
            if (members.Contains(kinds[i]) && !subs.Contains(kinds[i])) subs.Add(kinds[i]);
        }
        // «Мероприятие» alone under «Наименование направления» is the title; its «Результат» sibling must follow it.
        if (group == ColumnKind.TitleGroup && !subs.Contains(ColumnKind.Title)) subs.Clear();
        if (subs.Count == 0)
        {
            kinds[at] = fallback;
            return;
        }
        foreach (var s in subs) kinds.Remove(s);
        at = kinds.IndexOf(group);
        kinds.RemoveAt(at);
        kinds.InsertRange(at, subs);
    }

    private static bool IsRoadmap(IReadOnlyList<ColumnKind> kinds) =>
        kinds.Contains(ColumnKind.Title)
        && (kinds.Contains(ColumnKind.Deadline) || kinds.Contains(ColumnKind.Start) || kinds.Contains(ColumnKind.End));
}

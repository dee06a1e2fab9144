using System.Globalization;
using System.Text.RegularExpressions;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Recognises the structure of a roadmap document: title, basis («Приложение к приказу … от … №»), period, sections
/// and numbered items with their deadline, responsible and result texts. Pure: text or table cells in, a
/// <see cref="RoadmapDocument"/> out; nothing is thrown for odd input — an unrecognisable document comes back empty.
/// </summary>
public static partial class RoadmapDocumentParser
{
    /// <summary>
    /// Plain text as extracted from Word or PDF. Three layouts are told apart: one table row per line with
    /// tab-separated cells; one cell per tab-led line; and columns flattened into lines (PDF), which are rebuilt.
    /// </summary>
    public static RoadmapDocument Parse(string text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        var multiCell = lines.Count(l => l.Split('\t').Count(c => c.Trim().Length > 0) >= 2);
        var tabLed = lines.Count(l => l.StartsWith('\t') && l.Trim().Length > 0);
        if (multiCell >= 3) return TabbedRows(lines);
        if (tabLed >= 3) return CellPerLine(lines);
        return Flattened(lines);
    }

    /// <summary>
    /// A table read from .docx or .xlsx: rows of cell texts (a cell's paragraphs joined with '\n') and the text
    /// before the table. Rows above the header count as preamble (spreadsheets keep the title there).
    /// </summary>
    public static RoadmapDocument ParseTable(IReadOnlyList<IReadOnlyList<string>> rows, string preamble)
    {
        var cleaned = rows.Select(r => (IReadOnlyList<string>)r.Select(RoadmapCellText.Clean).ToList()).ToList();
        var preambleLines = PreambleLines(preamble);
        var warnings = new List<string>();

        var header = -1;
        ColumnKind[]? columns = null;
        var hasSubHeader = false;
        for (var i = 0; i < cleaned.Count && columns is null; i++)
        {
            if (RoadmapColumns.FromCells(cleaned[i], null) is null) continue;
            var sub = i + 1 < cleaned.Count && RoadmapColumns.IsSubHeader(cleaned[i + 1]) ? cleaned[i + 1] : null;
            columns = RoadmapColumns.FromCells(cleaned[i], sub);
            header = i;
            hasSubHeader = sub is not null;
        }
        if (columns is null) return Empty(preambleLines.Concat(cleaned.Select(JoinCells)).ToList());

        preambleLines.AddRange(cleaned.Take(header).Select(JoinCells));
        var raw = new List<RawRow>();
        for (var i = header + (hasSubHeader ? 2 : 1); i < cleaned.Count; i++)
        {
            var cells = cleaned[i];
            if (cells.All(c => c.Length == 0) || RoadmapColumns.IsColumnNumbers(cells)) continue;
            // A header repeated on every page of the original.
            if (RoadmapColumns.FromCells(cells, null) is not null) continue;
            var row = RowOf(cells, columns);
            if (raw.Count > 0 && IsContinuation(row))
            {
                raw[^1].Absorb(row);
                continue;
            }
            if (row.Number.Length == 0 && !row.IsHeading && row.Title.Length == 0 && !row.HasData) continue;
            raw.Add(row);
        }
        return Assemble(raw, preambleLines, columns, warnings);
    }

    private static string JoinCells(IReadOnlyList<string> cells) => string.Join(" ", cells.Where(c => c.Length > 0));

    private static List<string> PreambleLines(string preamble) =>
        (preamble ?? "").Replace("\r\n", "\n").Split('\n').Select(RoadmapCellText.Clean).ToList();

    private static RoadmapDocument Empty(List<string> preamble)
    {
        var (title, basis) = ReadPreamble(preamble);
        return new RoadmapDocument(title, basis, null, [], [], false, false,
            ["В документе не найдена таблица мероприятий: нужна строка заголовка с наименованием мероприятия и сроком"]);
    }

    /// <summary>Волгодонской, Ставрополь: one row per line, cells separated by tabs, page-broken rows continued by a tab-led line.</summary>
    private static RoadmapDocument TabbedRows(string[] lines)
    {
        var preamble = new List<string>();
        var rows = new List<List<string>>();
        var lastTabLine = Array.FindLastIndex(lines, l => l.Contains('\t') && l.Trim().Length > 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains('\t'))
            {
                if (line.Trim().Length > 0) rows.Add(line.Split('\t').ToList());
                continue;
            }
            if (rows.Count == 0)
            {
                preamble.Add(line);
            }
            else if (i < lastTabLine && line.Trim().Length > 0)
            {
                // A cell's line break inside the table: it goes on in the row's last filled cell.
                var row = rows[^1];
                var last = row.FindLastIndex(c => c.Trim().Length > 0);
                if (last >= 0) row[last] += "\n" + line;
            }
        }
        return ParseTable(rows.Select(r => (IReadOnlyList<string>)r).ToList(), string.Join("\n", preamble));
    }

    /// <summary>Ессентуки: each cell on its own tab-led line, wrapped cell text on untabbed lines, rows not delimited.</summary>
    private static RoadmapDocument CellPerLine(string[] lines)
    {
        var preamble = new List<string>();
        var cells = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith('\t')) cells.Add(line.TrimStart('\t'));
            else if (cells.Count == 0) preamble.Add(line);
            else if (line.Trim().Length > 0) cells[^1] += "\n" + line;
        }
        var cleaned = cells.Select(RoadmapCellText.Clean).ToList();
        // The column-number row «1 2 3 4» under the header would otherwise read as four numbered rows.
        for (var i = 0; i + 2 < cleaned.Count; i++)
        {
            if (cleaned[i] != "1") continue;
            var n = 1;
            while (i + n < cleaned.Count && cleaned[i + n] == (n + 1).ToString(CultureInfo.InvariantCulture)) n++;
            if (n < 3) continue;
            cleaned.RemoveRange(i, n);
            break;
        }
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        foreach (var cell in cleaned)
        {
            if (cell.Length == 0) continue;
            if (row.Count > 0 && StartsRow(cell))
            {
                rows.Add(row);
                row = [];
            }
            row.Add(cell);
        }
        if (row.Count > 0) rows.Add(row);
        return ParseTable(rows, string.Join("\n", preamble));
    }

    private static bool StartsRow(string cell) =>
        RoadmapNumbering.Heading(cell) is not null
        || RoadmapNumbering.Leading(cell) is { } n && (n.Rest.Length == 0 || n.Dotted)
        || RoadmapColumns.OfCell(cell) == ColumnKind.Number;

    /// <summary>Азов, Дубна: a PDF's table flattened into lines; the header names the columns, rows are rebuilt from text.</summary>
    private static RoadmapDocument Flattened(string[] rawLines)
    {
        var lines = rawLines.Select(RoadmapCellText.Clean).ToList();
        for (var header = 0; header < lines.Count; header++)
        {
            if (!IsHeaderLine(lines[header])) continue;
            var body = header + 1;
            while (body < lines.Count && !StartsFirstRow(lines[body])) body++;
            if (body >= lines.Count) break;
            var headerLines = lines.Skip(header).Take(body - header).Where(l => l.Length > 0 && !RoadmapColumns.IsColumnNumbers(l.Split(' '))).ToList();
            // A «№ …» line of the order's text is not the table's header: look further.
            if (RoadmapColumns.FromText(string.Join(" ", headerLines)) is not { } columns) continue;

            var repeated = headerLines.ToHashSet();
            var bodyLines = lines.Skip(body)
                .Where(l => l.Length > 0 && !repeated.Contains(l) && !RoadmapColumns.IsColumnNumbers(l.Split(' ')))
                .ToList();
            var warnings = new List<string>
            {
                "Таблица восстановлена из текста без разметки столбцов: проверьте, где кончается наименование и начинаются срок, ответственные и результат",
            };
            return Assemble(FlatTextTable.Split(bodyLines, columns), lines.Take(header).ToList(), columns, warnings);
        }
        return Empty(lines);
    }

    private static bool IsHeaderLine(string line) =>
        line.StartsWith('№') && !char.IsDigit(line.TrimStart('№', ' ').FirstOrDefault()) || RoadmapColumns.FromText(line) is not null;

    private static bool StartsFirstRow(string line) =>
        RoadmapNumbering.Heading(line) is { } h && h.Text.StartsWith('I')
        || RoadmapNumbering.Leading(line) is { Parts: [1, ..], Dotted: true };

    private static RawRow RowOf(IReadOnlyList<string> cells, ColumnKind[] columns)
    {
        string Get(ColumnKind kind)
        {
            var i = Array.IndexOf(columns, kind);
            return i >= 0 && i < cells.Count ? cells[i] : "";
        }
        var row = new RawRow
        {
            Deadline = Get(ColumnKind.Deadline), Start = Get(ColumnKind.Start), End = Get(ColumnKind.End),
            Responsible = Get(ColumnKind.Responsible), Regional = Get(ColumnKind.Regional), Municipal = Get(ColumnKind.Municipal),
            Organization = Get(ColumnKind.Organization), Result = Get(ColumnKind.Result), Stage = Get(ColumnKind.Stage),
        };
        var number = Get(ColumnKind.Number);
        var title = Get(ColumnKind.Title);
        // A merged heading row leaves its text in the first cell, whatever column that is.
        if (number.Length == 0 && title.Length == 0 && !row.HasData) number = cells.FirstOrDefault(c => c.Length > 0) ?? "";
        if (number.Length > 0)
        {
            if (RoadmapNumbering.Heading(number) is { } heading)
            {
                SetHeading(row, heading, title);
            }
            else if (RoadmapNumbering.Leading(number) is { } n)
            {
                row.Number = n.Text;
                row.Title = RoadmapCellText.Join(n.Rest, title);
            }
            else
            {
                row.Title = RoadmapCellText.Join(number, title == number ? "" : title);
            }
        }
        else if (RoadmapNumbering.Heading(title) is { } heading)
        {
            SetHeading(row, heading, "");
        }
        else if (RoadmapNumbering.Leading(title) is { Dotted: true } n)
        {
            row.Number = n.Text;
            row.Title = n.Rest;
        }
        else
        {
            row.Title = title;
        }

        return row;
    }

    private static void SetHeading(RawRow row, RoadmapNumbering.Number heading, string title)
    {
        row.Number = heading.Text;
        row.IsHeading = true;
        row.Title = RoadmapCellText.Join(heading.Rest.TrimStart('.', ' '), title);
    }

    /// <summary>
    /// An unnumbered row without a deadline whose text starts in lower case (or that has no title at all) continues
    /// the row above: a cell broken across a page. A capitalised unnumbered row is a heading of its own.
    /// </summary>
    private static bool IsContinuation(RawRow row) =>
        row.Number.Length == 0 && !row.IsHeading && row.Deadline.Length == 0 && row.Start.Length == 0 && row.End.Length == 0
        && (row.Title.Length == 0 ? row.HasData : !char.IsUpper(row.Title[0]));

    /// <summary>Headings become sections, numbered rows items; a numbered row with children is a heading too.</summary>
    private static RoadmapDocument Assemble(List<RawRow> rows, List<string> preamble, IReadOnlyList<ColumnKind> columns,
        List<string> warnings)
    {
        var byLevel = columns.Contains(ColumnKind.Regional) || columns.Contains(ColumnKind.Municipal) || columns.Contains(ColumnKind.Organization);
        var startEnd = columns.Contains(ColumnKind.Start) && columns.Contains(ColumnKind.End);
        var parts = rows.Select(r => r.IsHeading ? null : RoadmapNumbering.Leading(r.Number)?.Parts).ToList();

        var sections = new List<RoadmapDocumentSection>();
        var items = new List<RoadmapDocumentItem>();
        RoadmapDocumentSection? section = null;
        int? sectionStage = null;
        var seen = new HashSet<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var next = parts.Skip(i + 1).FirstOrDefault(p => p is not null);
            var parent = parts[i] is { } own && next is not null && RoadmapNumbering.IsChild(next, own);
            var heading = row.IsHeading || parent || (row.Number.Length == 0 && !row.HasData);
            if (heading)
            {
                var level = parts[i]?.Length ?? 1;
                section = new RoadmapDocumentSection(sections.Count + 1, row.Number, Limit(row.Title, 2000), level);
                sections.Add(section);
                // «I этап. Подготовка условий…»: the items under it belong to that programme stage.
                var stage = row.Title.Contains("этап", StringComparison.OrdinalIgnoreCase) || row.Number.Contains("этап")
                    ? Stages.Of(row.Title, anywhere: true)
                    : Stages.Of(row.Title, anywhere: false);
                if (level == 1 || stage is not null) sectionStage = stage;
                if (!row.HasData) continue;
            }

            var number = row.Number;
            if (number.Length > 0 && !seen.Add(number)) warnings.Add($"Номер пункта {number} встречается в таблице несколько раз");
            var title = row.Title;
            if (title.Length == 0)
            {
                warnings.Add($"Пункт {Label(number, items.Count + 1)}: нет наименования мероприятия");
                title = "(без наименования)";
            }

            var (deadline, start, end) = (row.Deadline, row.Start, row.End);
            if (deadline.Length == 0)
            {
                // One filled date column is a merged cell («В течение периода» across both), read as a single deadline.
                if (start.Length > 0 && end.Length > 0) deadline = $"{start} – {end}";
                else (deadline, start, end) = (start.Length > 0 ? start : end, "", "");
            }
            if (deadline.Length == 0) warnings.Add($"Пункт {Label(number, items.Count + 1)}: срок не указан");

            string? Party(string text) => text.Length == 0 || text.Trim('-', '–', '—', ' ').Length == 0 ? null : Limit(text, 2000);
            var (regional, municipal, organization) = byLevel ? (Party(row.Regional), Party(row.Municipal), Party(row.Organization)) : (null, null, null);
            var responsible = byLevel
                ? string.Join("; ", new[] { Party(row.Responsible), regional, municipal, organization }.Where(p => p is not null))
                : row.Responsible;

            items.Add(new RoadmapDocumentItem(
                items.Count + 1, section?.Position, section?.Number, Limit(number, 30), Limit(title, 4000),
                Limit(deadline, 1000), Limit(start, 100), Limit(end, 100), Limit(responsible, 2000), regional, municipal, organization,
                Limit(row.Result, 2000),
                Stages.Of(title, anywhere: false) ?? Stages.Of(row.Stage, anywhere: true) ?? sectionStage));
        }

        var (docTitle, basis) = ReadPreamble(preamble);
        if (docTitle.Length == 0)
        {
            docTitle = "Дорожная карта";
            warnings.Add("Название дорожной карты не найдено в тексте перед таблицей: укажите его");
        }
        // «Период 2021 - 2024 г.г.» sits above the table; Волгодонской names it in a section heading instead.
        var period = DeadlineParser.PeriodFromText(string.Join("\n", preamble.Where(l => l.Length > 0)))
            ?? DeadlineParser.PeriodFromText(string.Join("\n", sections.Select(s => s.Title)));
        return new RoadmapDocument(docTitle, basis, period, sections, items, byLevel, startEnd, warnings);
    }

    private static string Label(string number, int position) => number.Length > 0 ? number : $"№ {position} по порядку";

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Title and basis from the text above the table.</summary>
    private static (string Title, RoadmapBasis Basis) ReadPreamble(IReadOnlyList<string> lines)
    {
        var used = new HashSet<int>();
        var basis = AppendixBasis(lines, used) ?? OrderBasis(lines, used) ?? RoadmapBasis.None;

        var start = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!used.Contains(i) && TitleStart().IsMatch(lines[i].Trim().TrimStart('«', '"', '*', ' ')))
            {
                start = i;
                break;
            }
        }
        if (start < 0) return ("", basis);
        var title = RoadmapCellText.JoinLines(lines.Skip(start).Where((l, k) => !used.Contains(start + k) && !PeriodLine().IsMatch(l)));
        return (Limit(title, 1000), basis);
    }

    /// <summary>«Приложение / к приказу Управления образования г. Азова от 15.09.2020 № 423», and a quoted order title after it.</summary>
    private static RoadmapBasis? AppendixBasis(IReadOnlyList<string> lines, HashSet<int> used)
    {
        var at = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!AppendixStart().IsMatch(lines[i])) continue;
            at = i;
            break;
        }
        if (at < 0) return null;
        var taken = new List<string>();
        var i2 = at;
        for (; i2 < lines.Count && taken.Count < 6; i2++)
        {
            if (lines[i2].Length == 0) continue;
            taken.Add(lines[i2]);
            used.Add(i2);
            if (lines[i2].Contains('№')) break;
        }
        // «О реализации системы мероприятий…» — the order's own title, in quotes.
        var j = i2 + 1;
        while (j < lines.Count && lines[j].Length == 0) j++;
        if (j < lines.Count && lines[j].StartsWith('«'))
        {
            for (var k = j; k < lines.Count && k < j + 6; k++)
            {
                if (lines[k].Length == 0) continue;
                taken.Add(lines[k]);
                used.Add(k);
                if (!RoadmapCellText.HasOpenBracket(string.Join(" ", taken.SkipWhile(t => !t.StartsWith('«'))))) break;
            }
        }
        var text = RoadmapCellText.JoinLines(taken);
        return new RoadmapBasis(Limit(text, 1000), OrderNumber(text), OrderDate(text));
    }

    /// <summary>A document that is the order itself: «ПРИКАЗ … 30.09.2020 … № 310 … Об утверждении…».</summary>
    private static RoadmapBasis? OrderBasis(IReadOnlyList<string> lines, HashSet<int> used)
    {
        var at = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Replace(" ", "").Equals("ПРИКАЗ", StringComparison.OrdinalIgnoreCase))
            {
                at = i;
                break;
            }
        }
        if (at < 0) return null;
        used.Add(at);
        DateOnly? date = null;
        var number = "";
        string? subject = null;
        for (var i = at + 1; i < lines.Count && i < at + 40; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (date is null && DateValue().Match(line) is { Success: true } d && ParseDate(d.Value) is { } parsed)
            {
                date = parsed;
                used.Add(i);
            }
            if (number.Length == 0 && line.StartsWith('№'))
            {
                number = line.TrimStart('№', ' ').Trim();
                used.Add(i);
            }
            if (subject is null && SubjectStart().IsMatch(line))
            {
                var taken = new List<string>();
                // The order's title runs to the paragraph's end: a blank line, the preamble «В соответствии с…»,
                // or the plan's own title.
                for (var k = i; k < lines.Count && lines[k].Length > 0 && taken.Count < 8; k++)
                {
                    if (k > i && (SubjectEnd().IsMatch(lines[k]) || TitleStart().IsMatch(lines[k].TrimStart('«', '"', '*', ' ')) || taken[^1].EndsWith('.'))) break;
                    taken.Add(lines[k]);
                    used.Add(k);
                }
                subject = RoadmapCellText.JoinLines(taken);
                break;
            }
        }
        var text = "Приказ"
            + (date is { } day ? $" от {day:dd.MM.yyyy}" : "")
            + (number.Length > 0 ? $" № {number}" : "")
            + (subject is not null ? $" «{subject}»" : "");
        return new RoadmapBasis(Limit(text, 1000), Limit(number, 100), date);
    }

    private static string OrderNumber(string basis)
    {
        var m = OrderNumberValue().Match(basis);
        return m.Success ? Limit(RoadmapCellText.Squeeze(m.Groups["n"].Value), 100) : "";
    }

    private static DateOnly? OrderDate(string basis)
    {
        var m = OrderDateValue().Match(basis);
        return m.Success ? ParseDate(m.Groups["d"].Value) : null;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The programme stages of DOMAIN.md §4, as roadmaps name them.</summary>
    private static class Stages
    {
        private static readonly (int Stage, string[] Phrases)[] Names =
        [
            (1, ["подготовка условий"]),
            (2, ["формирование базы наставляемых", "формирование банка наставляемых"]),
            (3, ["формирование базы наставников", "формирование банка наставников"]),
            (4, ["отбор и обучение", "обучение наставников"]),
            (5, ["формирование наставнических пар"]),
            (6, ["организация работы наставнических пар", "организация и осуществление работы наставнических пар"]),
            (7, ["завершение наставничества", "завершение персонализированных программ", "завершение программ наставничества"]),
        ];

        /// <param name="anywhere">False: the text must begin with the stage's name (an item «Обучение наставников»).</param>
        public static int? Of(string text, bool anywhere)
        {
            if (text.Length == 0) return null;
            var t = text.ToLowerInvariant().Replace('ё', 'е');
            foreach (var (stage, phrases) in Names)
            {
                if (phrases.Any(p => anywhere ? t.Contains(p, StringComparison.Ordinal) : t.StartsWith(p, StringComparison.Ordinal))) return stage;
            }
            return null;
        }
    }

    [GeneratedRegex(@"^(?:«?\s*)(?:план|дорожная\s+карта|муниципальный\s+план|региональный\s+план|комплексный\s+план|план-график|программа)(?![а-яё])", RegexOptions.IgnoreCase)]
    private static partial Regex TitleStart();

    [GeneratedRegex(@"^период\s", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodLine();

    [GeneratedRegex(@"^приложение(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AppendixStart();

    [GeneratedRegex(@"^(?:Об?|ОБ?)\s")]
    private static partial Regex SubjectStart();

    [GeneratedRegex(@"^(?:в\s+соответствии|на\s+основании|в\s+целях|во\s+исполнение|приказываю)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectEnd();

    [GeneratedRegex(@"\b\d{1,2}\.\d{1,2}\.\d{4}\b")]
    private static partial Regex DateValue();

    [GeneratedRegex(@"№\s*(?<n>[^«""\n]+?)\s*(?:«|""|$)")]
    private static partial Regex OrderNumberValue();

    [GeneratedRegex(@"\bот\s+(?<d>\d{1,2}\.\d{1,2}\.\d{4})")]
    private static partial Regex OrderDateValue();
}

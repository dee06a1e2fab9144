using System.Text;

namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// Rebuilds table rows from text where a PDF extraction flattened the columns: every visual line holds the pieces of
/// the cells that line crosses, left to right, separated by nothing but a space. A row starts at its number; its
/// deadline phrase is the anchor; before it comes the title (and, when the table puts it there, the result); after it
/// the responsible parties and the result. Where a wrapped line belongs is judged by how cells begin (a capitalised
/// word), by unfinished text («г.», an open bracket) and by line width (the title column is the wide one).
/// </summary>
internal static class FlatTextTable
{
    private enum Slot { Title, Deadline, Responsible, Result, Stage }

    public static List<RawRow> Split(IReadOnlyList<string> lines, IReadOnlyList<ColumnKind> columns)
    {
        var slots = SlotsOf(columns);
        var twoDates = columns.Contains(ColumnKind.Start) && columns.Contains(ColumnKind.End);

        var starts = new List<(int Line, RoadmapNumbering.Number? Number, string Text)>();
        int[]? last = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (RoadmapNumbering.Heading(lines[i]) is { } heading)
            {
                starts.Add((i, heading, heading.Rest));
                continue;
            }
            if (RoadmapNumbering.Leading(lines[i]) is not { } number) continue;
            // Numbers only grow: «2020-2021 учебном году…» or a stray «3 раза» in a wrapped title is not a new row.
            if (last is not null && Compare(number.Parts, last) <= 0) continue;
            if (number.Parts.Length == 1 && !number.Dotted && !char.IsUpper(number.Rest.FirstOrDefault())) continue;
            starts.Add((i, number, number.Rest));
            last = number.Parts;
        }

        var rows = new List<RawRow>();
        for (var s = 0; s < starts.Count; s++)
        {
            var (line, number, rest) = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1].Line : lines.Count;
            var block = new List<string>();
            if (rest.Length > 0) block.Add(rest);
            for (var i = line + 1; i < end; i++) block.Add(lines[i]);

            var row = new RawRow { Number = number!.Text, IsHeading = number.IsRoman };
            // A heading row spans the table: no deadline to look for in it.
            var parent = !number.IsRoman && s + 1 < starts.Count && starts.Skip(s + 1).FirstOrDefault(x => !x.Number!.IsRoman).Number is { } next
                && RoadmapNumbering.IsChild(next.Parts, number.Parts);
            if (number.IsRoman || parent)
            {
                row.Title = RoadmapCellText.JoinLines(block);
            }
            else
            {
                SplitBlock(block, slots, twoDates, row);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }

    private static List<Slot> SlotsOf(IReadOnlyList<ColumnKind> columns)
    {
        var slots = new List<Slot>();
        foreach (var kind in columns)
        {
            Slot? slot = kind switch
            {
                ColumnKind.Title => Slot.Title,
                ColumnKind.Deadline or ColumnKind.Start or ColumnKind.End => Slot.Deadline,
                ColumnKind.Responsible or ColumnKind.Regional or ColumnKind.Municipal or ColumnKind.Organization => Slot.Responsible,
                ColumnKind.Result => Slot.Result,
                ColumnKind.Stage => Slot.Stage,
                _ => null,
            };
            if (slot is { } s && !slots.Contains(s)) slots.Add(s);
        }
        // The title comes first in every layout the reader knows; a stage name before it is read as part of it.
        slots.Remove(Slot.Stage);
        slots.Remove(Slot.Title);
        slots.Insert(0, Slot.Title);
        return slots;
    }

    private sealed class Cell
    {
        public readonly StringBuilder Text = new();
        public int Widest;

        public void Add(string fragment)
        {
            fragment = RoadmapCellText.Squeeze(fragment);
            if (fragment.Length == 0) return;
            RoadmapCellText.Append(Text, fragment);
            Widest = Math.Max(Widest, fragment.Length);
        }

        public bool IsEmpty => Text.Length == 0;
        public override string ToString() => Text.ToString();
    }

    private static void SplitBlock(List<string> block, List<Slot> slots, bool twoDates, RawRow row)
    {
        var cells = slots.Select(_ => new Cell()).ToArray();
        var deadlineSlot = slots.IndexOf(Slot.Deadline);
        var text = string.Join('\n', block);
        var span = deadlineSlot < 0 ? null : DeadlineSpans.Find(text);
        if (span is null)
        {
            FillBeforeDeadline(block, cells, deadlineSlot < 0 ? slots.Count : deadlineSlot, anchorLine: -1);
            Store(row, slots, cells, "", twoDates, null, text);
            return;
        }

        var lineStarts = new List<int>();
        var offset = 0;
        foreach (var l in block)
        {
            lineStarts.Add(offset);
            offset += l.Length + 1;
        }
        int LineOf(int position) => lineStarts.FindLastIndex(s => s <= position);
        var anchorLine = LineOf(span.Start);
        var endLine = LineOf(Math.Max(span.Start, span.End - 1));

        var before = block.Take(anchorLine).ToList();
        before.Add(block[anchorLine][..(span.Start - lineStarts[anchorLine])]);
        FillBeforeDeadline(before, cells, deadlineSlot, anchorLine);

        var after = new List<string> { block[endLine][Math.Min(block[endLine].Length, span.End - lineStarts[endLine])..] };
        after.AddRange(block.Skip(endLine + 1));
        FillAfterDeadline(after, cells, deadlineSlot);

        Store(row, slots, cells, text[span.Start..span.End], twoDates, span, text);
    }

    /// <summary>
    /// Lines up to the deadline: the title, then — when the table has a column between title and deadline (Дубна's
    /// result) — that column, begun by a line starting with a capitalised word.
    /// </summary>
    private static void FillBeforeDeadline(List<string> lines, Cell[] cells, int deadlineSlot, int anchorLine)
    {
        var current = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = RoadmapCellText.Squeeze(lines[i]);
            if (line.Length == 0) continue;
            var room = current + 1 < deadlineSlot;
            if (i == 0)
            {
                if (room && SplitTitleLine(line) is { } parts)
                {
                    cells[0].Add(parts.Title);
                    cells[++current].Add(parts.Tail);
                }
                else
                {
                    cells[0].Add(line);
                }
                continue;
            }
            // On the deadline's own line, a capitalised piece before it is the column right before the deadline.
            if (i == anchorLine && deadlineSlot > 1 && StartsCell(line))
            {
                current = deadlineSlot - 1;
                cells[current].Add(line);
                continue;
            }
            if (room && StartsCell(line) && !Unfinished(cells[current].ToString()))
            {
                current++;
            }
            cells[current].Add(line);
        }
    }

    private static void FillAfterDeadline(List<string> lines, Cell[] cells, int deadlineSlot)
    {
        var next = deadlineSlot + 1;
        var recent = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = RoadmapCellText.Squeeze(lines[i]);
            if (line.Length == 0) continue;
            var recentText = recent >= 0 ? cells[recent].ToString() : "";
            var first = RoadmapCellText.FirstWord(line);
            var newCell = next < cells.Length && (i == 0
                || (recent < 0 && (RoadmapCellText.IsTitlecase(first) || RoadmapCellText.IsCaps(first)))
                || (RoadmapCellText.IsTitlecase(first) && !Unfinished(recentText)));
            if (newCell)
            {
                foreach (var piece in SplitAtCellStarts(line, cells.Length - next))
                {
                    cells[next].Add(piece);
                    recent = next++;
                }
                continue;
            }
            recent = Continuation(line, cells, recent, deadlineSlot);
            cells[recent].Add(line);
        }
    }

    /// <summary>Which cell a wrapped line continues, once the deadline is behind.</summary>
    private static int Continuation(string line, Cell[] cells, int recent, int deadlineSlot)
    {
        // An open «…» or (…) claims the next line.
        for (var c = cells.Length - 1; c >= 0; c--)
        {
            if (c != deadlineSlot && !cells[c].IsEmpty && RoadmapCellText.HasOpenBracket(cells[c].ToString())) return c;
        }
        if (recent < 0) return 0;
        var text = cells[recent].ToString();
        if (recent == 0 || Unfinished(text)) return recent;
        // A line far wider than anything in a narrow column is the wide title column going on below the short cells.
        var widest = cells[recent].Widest;
        if (line.Length > Math.Max(widest * 3 / 2, widest + 12) && cells[0].Widest > widest) return 0;
        return recent;
    }

    /// <summary>Text that plainly goes on: «…г.», «…,», «…-», a trailing preposition, an open bracket.</summary>
    private static bool Unfinished(string text)
    {
        if (text.Length == 0) return false;
        if (RoadmapCellText.EndsWithAbbreviation(text) || RoadmapCellText.HasOpenBracket(text)) return true;
        if (text[^1] is ',' or '-' or '–') return true;
        var lastSpace = text.LastIndexOf(' ');
        return RoadmapCellText.IsFunctionWord(lastSpace < 0 ? text : text[(lastSpace + 1)..]);
    }

    private static bool StartsCell(string line)
    {
        var first = RoadmapCellText.FirstWord(line);
        return RoadmapCellText.IsTitlecase(first) || RoadmapCellText.IsCaps(first) && first.Length > 2 && line.Length > first.Length;
    }

    /// <summary>
    /// Pieces of one line that begin new cells: «Руководители ОО Дорожные карты» is two cells, «Управление
    /// образования г. Азова» one. At most <paramref name="max"/> pieces.
    /// </summary>
    private static IEnumerable<string> SplitAtCellStarts(string line, int max)
    {
        var words = line.Split(' ');
        var piece = new List<string>();
        var pieces = 0;
        for (var w = 0; w < words.Length; w++)
        {
            if (piece.Count > 0 && pieces + 1 < max && IsCellBoundary(words, w, piece[^1]))
            {
                yield return string.Join(' ', piece);
                pieces++;
                piece.Clear();
            }
            piece.Add(words[w]);
        }
        if (piece.Count > 0) yield return string.Join(' ', piece);
    }

    private static bool IsCellBoundary(string[] words, int at, string previous)
    {
        var word = words[at];
        if (!RoadmapCellText.IsTitlecase(word)) return false;
        if (RoadmapCellText.IsFunctionWord(previous) || previous.EndsWith('.') && previous.Length <= 3) return false;
        if (previous.EndsWith('-') || previous.EndsWith(',') || RoadmapCellText.HasOpenBracket(previous)) return false;
        // «Ростовской области», «Ставропольского края»: a place name inside the text, not a new cell.
        if (at + 1 < words.Length && IsPlaceNoun(words[at + 1])) return false;
        return !ProperNouns.Any(p => word.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// The first line of a row whose table has a column between title and deadline: «Анализ материально — технических
    /// ресурсов Определены ресурсы и их дефициты» is a title and the start of the result.
    /// </summary>
    private static (string Title, string Tail)? SplitTitleLine(string line)
    {
        var words = line.Split(' ');
        for (var w = 3; w < words.Length - 2; w++)
        {
            var previous = words[w - 1];
            if (!RoadmapCellText.IsTitlecase(words[w]) || !previous.Any(char.IsLetter) || !char.IsLower(previous[0])) continue;
            if (!IsCellBoundary(words, w, previous)) continue;
            return (string.Join(' ', words[..w]), string.Join(' ', words[w..]));
        }
        return null;
    }

    private static bool IsPlaceNoun(string word) =>
        word.TrimEnd(',', '.', ';') is "области" or "края" or "республики" or "района" or "округа" or "федерации";

    /// <summary>Capitalised inside a sentence: bodies and documents, not the start of a new cell.</summary>
    private static readonly string[] ProperNouns =
    [
        "Совет", "Министерств", "Минпросвещени", "Минобрнауки", "Российск", "России", "Федераци", "Правительств",
        "Губернатор", "Президент", "Дум", "Положени", "Порядк", "Концепци", "Стратеги", "Распоряжени",
    ];

    private static void Store(RawRow row, List<Slot> slots, Cell[] cells, string deadline, bool twoDates, DeadlineSpans.Span? span,
        string text)
    {
        for (var c = 0; c < slots.Count; c++)
        {
            var value = cells[c].ToString();
            switch (slots[c])
            {
                case Slot.Title: row.Title = value; break;
                case Slot.Responsible: row.Responsible = value; break;
                case Slot.Result: row.Result = value; break;
            }
        }
        row.Deadline = RoadmapCellText.JoinLines(deadline.Split('\n'));
        if (twoDates && span is { Segments: [var start, var end] } && start.Point && end.Point)
        {
            row.Start = RoadmapCellText.JoinLines(text[start.Start..start.End].Split('\n'));
            row.End = RoadmapCellText.JoinLines(text[end.Start..end.End].Split('\n'));
            row.Deadline = "";
        }
    }
}

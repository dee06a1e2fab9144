using Nastavnik.Web.Features.Shared;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// Reads an uploaded roadmap — .docx (its largest table, the paragraphs above it as preamble), .xlsx (first sheet) or
/// plain text as extracted from Word/PDF (UTF-8 or Windows-1251) — into a <see cref="RoadmapDocument"/>. A file it
/// cannot use is refused with a Russian message, never an exception.
/// </summary>
public sealed class RoadmapFileReader(IOptions<NastavnikOptions> options)
{
    public const string NotWord = "Файл повреждён или не является документом Word (.docx)";
    public const string NoTable = "В документе не найдена таблица мероприятий дорожной карты";
    public const string Extensions = ".docx,.xlsx,.txt";


    public sealed record Result(RoadmapDocument? Document, string? Error)
    {
        public static Result Fail(string error) => new(null, error);
    }

    /// <summary>What is wrong with a file before its content is read: its type and size. Null when it may be read.</summary>
    public string? Check(string fileName, long length)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".doc":
                return "Формат .doc не поддерживается: откройте документ в Word и сохраните его как «Документ Word (.docx)»";
            case ".pdf":
                return "Формат .pdf не поддерживается: загрузите исходный документ Word (.docx) или текст таблицы, сохранённый в .txt";
            case ".xls":
                return "Формат .xls не поддерживается: сохраните файл в Excel как «Книга Excel (.xlsx)»";
            case not (".docx" or ".xlsx" or ".txt"):
                return "Загрузите дорожную карту в формате .docx, .xlsx или .txt";
        }
        if (length == 0) return "Файл пустой";
        var max = options.Value.MaxUploadBytes;
        if (length > max) return $"Файл больше {SpreadsheetReader.SizeText(max)}: уменьшите его (например, уберите из документа рисунки)";
        return null;
    }

    public Result Read(string fileName, byte[] content)
    {
        if (Check(fileName, content.Length) is { } error) return Result.Fail(error);
        var read = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" => ReadDocx(content),
            ".xlsx" => ReadXlsx(fileName, content),
            _ => ReadText(content),
        };
        if (read.Error is not null) return read;
        return read.Document is { IsEmpty: false } ? read : Result.Fail(NoTable);
    }

    private Result ReadXlsx(string fileName, byte[] content)
    {
        var sheet = new SpreadsheetReader(options).Read(fileName, content);
        return sheet.Error is { } error ? Result.Fail(error) : new Result(RoadmapDocumentParser.ParseTable(sheet.Rows, ""), null);
    }

    private static Result ReadText(byte[] content)
    {
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Result.Fail("Файл не является текстом: похоже, это документ Word или книга Excel — загрузите его с расширением .docx или .xlsx");
        }
        var text = TextFiles.Decode(content);
        if (text.Contains('\0')) return Result.Fail("Файл не является текстом (.txt)");
        return new Result(RoadmapDocumentParser.Parse(text), null);
    }


    private static Result ReadDocx(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return Result.Fail(NotWord);
        try
        {
            // The character cap stops a small zip that inflates to gigabytes ("zip bomb").
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false,
                new OpenSettings { MaxCharactersInPart = 50_000_000 });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (body is null) return Result.Fail(NotWord);

            var tables = body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any()).ToList();
            // Rows × widest row: the plan is the big table, not a signature or approval block.
            var table = tables.OrderByDescending(t => t.Elements<TableRow>().Count() * Math.Max(1, t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Count()).DefaultIfEmpty(0).Max()))
                .FirstOrDefault();
            if (table is not null)
            {
                // In document order, so that list numbering running through the preamble into the table counts right.
                var numbering = new ListNumbering(main!.NumberingDefinitionsPart?.Numbering);
                var preamble = new StringBuilder();
                foreach (var element in body.Descendants())
                {
                    if (element == table) break;
                    if (element is Paragraph p && !p.Ancestors<Table>().Any()) preamble.Append(numbering.Prefix(p)).Append(TextOf(p)).Append('\n');
                }
                var parsed = RoadmapDocumentParser.ParseTable(RowsOf(table, numbering), preamble.ToString());
                if (!parsed.IsEmpty) return new Result(parsed, null);
            }
            var all = new ListNumbering(main!.NumberingDefinitionsPart?.Numbering);
            var paragraphs = string.Join("\n", body.Descendants<Paragraph>().Where(p => !p.Ancestors<Table>().Any()).Select(p => all.Prefix(p) + TextOf(p, '\t')));
            // No table, or none with a roadmap header: the plan may have been pasted as text with tabs.
            return new Result(RoadmapDocumentParser.Parse(paragraphs), null);
        }
        catch (Exception)
        {
            // Broken zips, foreign packages and malformed XML each throw their own exception type; all are the file's fault.
            return Result.Fail(NotWord);
        }
    }

    /// <summary>
    /// Cell texts by grid column: a horizontally merged cell (gridSpan) keeps its text in its first column and leaves
    /// the others empty; a vertically merged one (vMerge) repeats the text of the cell it continues, so each row
    /// carries its own responsible or deadline.
    /// </summary>
    private static List<IReadOnlyList<string>> RowsOf(Table table, ListNumbering numbering)
    {
        var rows = new List<IReadOnlyList<string>>();
        var above = new Dictionary<int, string>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add("");
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 64);
                var merge = properties?.VerticalMerge;
                var column = cells.Count;
                string text;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    text = above.GetValueOrDefault(column, "");
                }
                else
                {
                    text = string.Join("\n", cell.Elements<Paragraph>().Select(p => numbering.Prefix(p) + TextOf(p)).Where(t => t.Length > 0));
                }
                above[column] = text;
                cells.Add(text);
                for (var s = 1; s < span; s++) cells.Add("");
            }
            rows.Add(cells);
        }
        return rows;
    }

    /// <param name="tab">What a tab becomes: a space inside a cell; itself in a plan pasted as text, where it separates cells.</param>
    private static string TextOf(Paragraph paragraph, char tab = ' ')
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(tab); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString().Trim(' ');
    }

    /// <summary>
    /// Word's automatic list numbering («1.», «1.1.» in the № column) is not in the text: it is rendered here from
    /// numbering.xml — decimal and Roman levels with their «%1.%2.» patterns; bullets and other formats give nothing.
    /// </summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = new();

        public string Prefix(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            if (numbering is null || properties?.NumberingId?.Val?.Value is not { } numId || numId == 0) return "";
            var level = Math.Clamp(properties.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (abstractId is not { } key || definition is null) return "";

            var counters = _counters.TryGetValue(key, out var c) ? c : _counters[key] = new int[9];
            if (counters[level] == 0) counters[level] = StartOf(definition, level) - 1;
            counters[level]++;
            for (var deeper = level + 1; deeper < 9; deeper++) counters[deeper] = 0;

            var pattern = LevelOf(definition, level)?.LevelText?.Val?.Value;
            if (string.IsNullOrEmpty(pattern)) return "";
            var sb = new StringBuilder(pattern);
            for (var l = 0; l <= level; l++)
            {
                var format = LevelOf(definition, l)?.NumberingFormat?.Val;
                var value = Math.Max(counters[l], StartOf(definition, l));
                var rendered = format is null || format.Value == NumberFormatValues.Decimal ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : format.Value == NumberFormatValues.UpperRoman ? Roman(value)
                    : format.Value == NumberFormatValues.LowerRoman ? Roman(value).ToLowerInvariant()
                    : null;
                if (rendered is null) return "";
                sb.Replace($"%{l + 1}", rendered);
            }
            return sb + " ";
        }

        private static Level? LevelOf(AbstractNum definition, int level) =>
            definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

        private static int StartOf(AbstractNum definition, int level) => LevelOf(definition, level)?.StartNumberingValue?.Val?.Value ?? 1;

        private static string Roman(int value)
        {
            (int, string)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var sb = new StringBuilder();
            foreach (var (n, s) in numerals)
            {
                while (value >= n)
                {
                    sb.Append(s);
                    value -= n;
                }
            }
            return sb.ToString();
        }
    }
}

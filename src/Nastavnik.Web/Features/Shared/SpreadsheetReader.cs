using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// Turns an uploaded .xlsx (first worksheet) or .csv into rows of text cells, row i of the result being row i+1 of
/// the sheet as Excel numbers it. Anything it cannot read is refused with a Russian message, never an exception.
/// </summary>
public sealed class SpreadsheetReader(IOptions<NastavnikOptions> options)
{
    public const int MaxRows = 10_000;

    private static string TooManyRows(int maxRows) => $"В файле больше {maxRows.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ')} строк: разделите его на части";

    // Excel saves CSV in Windows-1251 on Russian systems; .NET knows that code page only through this provider.

    public sealed record Result(IReadOnlyList<IReadOnlyList<string>> Rows, string? Error)
    {
        public static Result Fail(string error) => new([], error);
    }

    /// <summary>What is wrong with a file before its content is read: name and size. Null when it may be read.</summary>
    public string? Check(string fileName, long length)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".xls") return "Формат .xls не поддерживается: сохраните файл в Excel как «Книга Excel (.xlsx)» или CSV";
        if (extension is not (".xlsx" or ".csv")) return "Загрузите файл в формате .xlsx или .csv";
        if (length == 0) return "Файл пустой";
        var max = options.Value.MaxUploadBytes;
        if (length > max) return $"Файл больше {SizeText(max)}: разделите его на части";
        return null;
    }

    /// <param name="maxRows">Rows beyond this many (the header aside) refuse the file.</param>
    /// <param name="refuseMergedCells">Merged cells refuse the file: a merged cell holds its value in one row only,
    /// so a list with merged cells would silently lose values in the others.</param>
    public Result Read(string fileName, byte[] content, int maxRows = MaxRows, bool refuseMergedCells = false)
    {
        if (Check(fileName, content.Length) is { } error) return Result.Fail(error);
        return Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(content, maxRows)
            : ReadXlsx(content, maxRows, refuseMergedCells);
    }

    private static Result ReadXlsx(byte[] content, int maxRows, bool refuseMergedCells)
    {
        const string notExcel = "Файл не является книгой Excel (.xlsx)";
        try
        {
            // The character cap stops a small zip that inflates to gigabytes ("zip bomb"); it grows with the rows allowed.
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false,
                new OpenSettings { MaxCharactersInPart = Math.Clamp(maxRows * 1_000L, 50_000_000L, 2_000_000_000L) });
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook is null) return Result.Fail(notExcel);
            // Hidden and very hidden sheets hold lookups and macros' scratch data, never the list the user sees.
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var first = sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible);
            if (sheets.Count > 0 && first is null) return Result.Fail("В книге Excel нет видимых листов: покажите лист со списком");
            if (first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                return Result.Fail("В книге Excel нет листов");
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var rows = new List<IReadOnlyList<string>>();
            // Row by row rather than the whole sheet as one tree: a sheet can be far larger than its zip.
            using var reader = OpenXmlReader.Create(sheet);
            reader.Read();
            while (!reader.EOF)
            {
                if (refuseMergedCells && reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
                {
                    var merged = (MergeCell)reader.LoadCurrentElement()!;
                    return Result.Fail($"На листе есть объединённые ячейки ({merged.Reference?.Value}): разъедините их "
                        + "(«Объединить и поместить в центре» → «Отменить объединение»), заполните каждую ячейку и загрузите файл снова");
                }
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    reader.Read();
                    continue;
                }
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = CellsOf(row, shared);
                // Formatted but empty rows far down the sheet are common; only rows with values take part.
                if (cells.Count == 0) continue;
                var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : rows.Count + 1;
                if (number > maxRows + 1) return Result.Fail(TooManyRows(maxRows));
                while (rows.Count < number - 1) rows.Add([]);
                rows.Add(cells);
            }
            return new Result(rows, null);
        }
        catch (Exception)
        {
            // Broken zips, foreign packages and malformed XML each throw their own exception type; all are the file's fault.
            return Result.Fail(notExcel);
        }
    }

    private static List<string> CellsOf(Row row, List<string> shared)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var value = ValueOf(cell, shared);
            if (value.Length == 0) continue;
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            if (column < cells.Count)
            {
                cells[column] = value;
                continue;
            }
            while (cells.Count < column) cells.Add("");
            cells.Add(value);
        }
        return cells;
    }

    private static string ValueOf(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString) return int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (type is null || type == CellValues.Number) return NumberText(raw);
        return raw;
    }

    /// <summary>
    /// A number as its digits: an ИНН typed into a number cell is stored as 6100000012 or 6.100000012E+9 and must
    /// come back as "6100000012", never in exponent form or with ".0".
    /// </summary>
    private static string NumberText(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        return number == decimal.Truncate(number)
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    // A plain string is one <t>; rich text is runs of <r><t>; phonetic hints (<rPh>) are not part of the value.
    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>Zero-based column of a reference such as "AB12".</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Clamp(index - 1, 0, 16_383);
    }

    private static Result ReadCsv(byte[] content, int maxRows)
    {
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Result.Fail("Файл не является текстом CSV: похоже, это книга Excel — сохраните её с расширением .xlsx");
        }
        var text = TextFiles.Decode(content);
        if (text.Contains('\0')) return Result.Fail("Файл не является текстом CSV");
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = DelimiterOf(text),
            HasHeaderRecord = false,
            // Blank lines are kept so that row numbers in error messages match the lines the user sees.
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            using var parser = new CsvParser(new StringReader(text), config);
            while (parser.Read())
            {
                if (rows.Count > maxRows) return Result.Fail(TooManyRows(maxRows));
                rows.Add(parser.Record ?? []);
            }
        }
        catch (CsvHelperException)
        {
            return Result.Fail($"Не удалось прочитать CSV после строки {rows.Count}: проверьте кавычки");
        }
        return new Result(rows, null);
    }


    /// <summary>";" (Russian Excel) or "," — whichever the header line uses more, outside quotes.</summary>
    private static string DelimiterOf(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        return semicolons >= commas && semicolons > 0 ? ";" : ",";
    }

    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} МБ",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} МБ",
        >= 1024 => $"{bytes / 1024.0:0.#} КБ",
        _ => $"{bytes} байт",
    };
}

using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Nastavnik.IntegrationTests.Territories;

/// <summary>Builds and reads the spreadsheets the import and export tests exchange with the site.</summary>
public static class Spreadsheets
{
    public static readonly string[] Header = ["Полное наименование", "Краткое наименование", "Тип", "Муниципалитет", "ИНН", "Адрес", "E-mail"];

    /// <summary>A cell stored as a number with exactly this text in the file ("6.100000012E+9").</summary>
    public sealed record Number(string Raw);

    /// <summary>A cell stored as an inline string rather than in the shared-string table.</summary>
    public sealed record Inline(string Text);

    /// <summary>An .xlsx whose first sheet holds the rows: strings go to the shared-string table as Excel writes them.</summary>
    public static byte[] Xlsx(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new SharedStringTable();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString();
                    row.Append(rows[r][c] switch
                    {
                        Number n => new Cell { CellReference = reference, CellValue = new CellValue(n.Raw) },
                        Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
                        var value => SharedCell(reference, value.ToString()!, strings),
                    });
                }
                data.Append(row);
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
            // A second sheet before the first in part order but after it in the workbook: only the first is read.
            var other = workbook.AddNewPart<WorksheetPart>();
            other.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("чужой лист")) })));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Организации" },
                new Sheet { Id = workbook.GetIdOfPart(other), SheetId = 2, Name = "Справка" }));
        }
        return stream.ToArray();
    }

    private static Cell SharedCell(string reference, string text, SharedStringTable strings)
    {
        strings.Append(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count() - 1).ToString()) };
    }

    /// <summary>The first sheet's rows as text, and whether each row's first cell is bold.</summary>
    public static List<(List<string> Cells, bool Bold)> ReadXlsx(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var fonts = workbook.WorkbookStylesPart?.Stylesheet.Fonts?.Elements<Font>().ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        bool IsBold(Cell cell) =>
            cell.StyleIndex?.Value is { } s && formats[(int)s].FontId?.Value is { } f && fonts[(int)f].Bold is not null;
        return sheet.Worksheet.Descendants<Row>().Select(row =>
        {
            // CellValues is a struct since Open XML SDK 3, so it is compared, not switched on.
            var cells = row.Elements<Cell>().Select(c =>
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
                : c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
                : c.CellValue?.Text ?? "").ToList();
            return (cells, row.Elements<Cell>().FirstOrDefault() is { } cell && IsBold(cell));
        }).ToList();
    }

    /// <summary>What the Open XML SDK's schema validator finds wrong with a file: Excel refuses such files or "repairs" them.</summary>
    public static List<string> SchemaErrors(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static MultipartFormDataContent FileContent(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        return new MultipartFormDataContent { { file, "Spreadsheet", fileName } };
    }

    /// <summary>A random ИНН of a legal entity with a correct check digit.</summary>
    public static string Inn()
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var digits = Random.Shared.Next(100_000_000, 999_999_999).ToString();
        var check = digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11 % 10;
        return digits + check;
    }
}

using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// Writes a one-sheet .xlsx: a bold header row, then rows of text cells. Everything is text on purpose: an ИНН or a
/// code written as a number loses its leading zeros and turns into 6,1E+09 in Excel.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var data = new SheetData();
            for (var r = 0; r < all.Count; r++) data.Append(RowOf(r + 1, all[r], bold: r == 0));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                })
                { WorkbookViewId = 0 }),
                Widths(all),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
            }));
        }
        return stream.ToArray();
    }

    private static Row RowOf(int number, IReadOnlyList<string> values, bool bold)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var c = 0; c < values.Count; c++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(c) + number,
                DataType = CellValues.InlineString,
                StyleIndex = bold ? 1u : 0u,
                InlineString = new InlineString(new Text(XmlSafe(bold ? values[c] : Neutralised(values[c]))) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    // Width in characters of the longest value, within reason, so the file opens readable.
    private static Columns Widths(List<IReadOnlyList<string>> rows)
    {
        var columns = new Columns();
        var count = rows.Max(r => r.Count);
        for (var c = 0; c < count; c++)
        {
            var longest = rows.Max(r => c < r.Count ? r[c].Length : 0);
            columns.Append(new Column
            {
                Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(longest + 2, 10, 70), CustomWidth = true,
            });
        }
        return columns;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>
    /// A value that a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or a carriage return) gets a
    /// leading apostrophe: a name typed as «=HYPERLINK(…)» must stay text when the file is re-saved as CSV and reopened.
    /// </summary>
    public static string Neutralised(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A, B, … Z, AA, AB: the column letters of a zero-based index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    // XML 1.0 cannot carry control characters; a stray one pasted into a name must not break the whole file.
    /// <summary>Drops characters XML cannot carry (control characters typed or pasted into a field).</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }
        return safe.ToString();
    }
}

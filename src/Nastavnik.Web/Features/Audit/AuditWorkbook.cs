using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Audit;

/// <summary>The audit log as one .xlsx sheet: times as real Excel dates in Moscow time, everything else as text.</summary>
public static class AuditWorkbook
{
    private const uint DateTimeStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(IEnumerable<IndexModel.Row> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new Columns(
                    Column(1, 20), Column(2, 18), Column(3, 32), Column(4, 18), Column(5, 18), Column(6, 10), Column(7, 60), Column(8, 16)));
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(new Row(new[] { "Время (МСК)", "Логин", "ФИО", "Действие", "Объект", "Id", "Подробности", "IP" }
                    .Select(h => Text(h, HeaderStyle))));
                foreach (var r in rows)
                {
                    writer.WriteElement(new Row(
                        new Cell(new CellValue(MoscowTime.From(r.At).ToOADate().ToString(CultureInfo.InvariantCulture))) { StyleIndex = DateTimeStyle },
                        Text(r.UserName), Text(r.FullName ?? ""), Text(r.Action.Title()), Text(AuditTitles.EntityTitle(r.EntityType)), Text(r.EntityId),
                        Text(r.Details), Text(r.Ip)));
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Журнал аудита" }));
        }
        return stream.ToArray();
    }

    private static Column Column(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    // Inline strings, not formulas: a value starting with «=» stays text in Excel.
    private static Cell Text(string value, uint style = 0) => new(new InlineString(new Text(XlsxWriter.XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd.mm.yyyy hh:mm:ss" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 3 });
}

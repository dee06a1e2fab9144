using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// A roadmap as .docx in the official layout: A4 landscape, «Приложение к приказу … от … №» top right, the title
/// centred in bold, then the table «№ п/п | Наименование мероприятия | Срок | Ответственный | Результат / вид
/// документа» whose header row repeats on every page; section rows span the table in bold. Times New Roman 12.
/// </summary>
public static class ExportDocument
{
    // A4 landscape; margins 2 cm left, 1.5 cm elsewhere.
    private static readonly DocxWriter.Page Page = new(Landscape: true, Top: 850, Right: 850, Bottom: 850, Left: 1134);
    // № | title | deadline | responsible | result: 14,854 twips, the width between the margins.
    private static readonly int[] ColumnWidths = [850, 5954, 2200, 3150, 2700];

    public static byte[] Write(ExportRoadmap roadmap)
    {
        List<OpenXmlElement> content =
        [
            Paragraph(JustificationValues.Right, bold: false, Lines([.. roadmap.AppendixLines()])),
            Empty(),
            Paragraph(JustificationValues.Center, bold: true, Lines(roadmap.Title)),
            Empty(),
            Table(roadmap),
        ];
        return DocxWriter.Write(roadmap.Title, Page, fontHalfPoints: 24, content);
    }

    private static Table Table(ExportRoadmap roadmap)
    {
        // The header row repeats at the top of every page (w:tblHeader).
        List<TableRow> rows = [HeaderRow(ExportRoadmap.Columns.Select((column, c) => Cell(ColumnWidths[c], JustificationValues.Center, bold: true, Lines(column))))];
        foreach (var row in roadmap.Rows())
        {
            if (row.Heading is { } section)
            {
                var text = string.Join(' ', new[] { section.Number.Trim(), section.Title.Trim() }.Where(t => t.Length > 0));
                rows.Add(Row(Cell(ColumnWidths.Sum(), ColumnWidths.Length, JustificationValues.Left, bold: true, Lines(text))));
            }
            else if (row.Item is { } item)
            {
                rows.Add(Row(
                    Cell(ColumnWidths[0], JustificationValues.Left, bold: false, Lines(item.Number)),
                    Cell(ColumnWidths[1], JustificationValues.Both, bold: false, Lines(item.Title)),
                    Cell(ColumnWidths[2], JustificationValues.Center, bold: false, Lines(item.Deadline)),
                    Cell(ColumnWidths[3], JustificationValues.Left, bold: false, Lines(item.Responsible)),
                    Cell(ColumnWidths[4], JustificationValues.Left, bold: false, Lines(item.Result))));
            }
        }
        return DocxWriter.Table(ColumnWidths, Borders(BorderValues.Single), rows, cellMargin: 85);
    }

    /// <summary>Each line break inside the texts (an item's title or result typed on several lines) starts a new line of the paragraph.</summary>
    private static string[] Lines(params string[] texts) => texts.SelectMany(t => t.Replace("\r\n", "\n").Split('\n')).ToArray();
}

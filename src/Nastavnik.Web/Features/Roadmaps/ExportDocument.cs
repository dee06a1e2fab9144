using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// A roadmap as .docx in the official layout: A4 landscape, «Приложение к приказу … от … №» top right, the title
/// centred in bold, then the table «№ п/п | Наименование мероприятия | Срок | Ответственный | Результат / вид
/// документа» whose header row repeats on every page; section rows span the table in bold. Times New Roman 12.
/// </summary>
public static class ExportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";
    // A4 landscape in twentieths of a point; margins 2 cm left, 1.5 cm elsewhere.
    private const int PageWidth = 16838, PageHeight = 11906, MarginLeft = 1134, MarginOther = 850;
    // № | title | deadline | responsible | result: 14,854 twips, the width between the margins.
    private static readonly int[] ColumnWidths = [850, 5954, 2200, 3150, 2700];

    public static byte[] Write(ExportRoadmap roadmap)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            var appendix = roadmap.AppendixLines();
            body.Append(Paragraph(JustificationValues.Right, bold: false, appendix.ToArray()));
            body.Append(Paragraph(JustificationValues.Left, bold: false, ""));
            body.Append(Paragraph(JustificationValues.Center, bold: true, roadmap.Title));
            body.Append(Paragraph(JustificationValues.Left, bold: false, ""));
            body.Append(Table(roadmap));
            // A paragraph must follow a table before the section properties.
            body.Append(Paragraph(JustificationValues.Left, bold: false, ""));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin
                {
                    Top = MarginOther, Right = MarginOther, Bottom = MarginOther, Left = MarginLeft, Header = 709, Footer = 709, Gutter = 0,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe(roadmap.Title);
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    private static Table Table(ExportRoadmap roadmap)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = ColumnWidths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString() })));

        // The header row repeats at the top of every page (w:tblHeader).
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var c = 0; c < ExportRoadmap.Columns.Count; c++)
        {
            header.Append(Cell(ColumnWidths[c], 1, JustificationValues.Center, bold: true, ExportRoadmap.Columns[c]));
        }
        table.Append(header);

        foreach (var row in roadmap.Rows())
        {
            if (row.Heading is { } section)
            {
                var text = string.Join(' ', new[] { section.Number.Trim(), section.Title.Trim() }.Where(t => t.Length > 0));
                table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                    Cell(ColumnWidths.Sum(), ColumnWidths.Length, JustificationValues.Left, bold: true, text)));
            }
            else if (row.Item is { } item)
            {
                table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                    Cell(ColumnWidths[0], 1, JustificationValues.Left, bold: false, item.Number),
                    Cell(ColumnWidths[1], 1, JustificationValues.Both, bold: false, item.Title),
                    Cell(ColumnWidths[2], 1, JustificationValues.Center, bold: false, item.Deadline),
                    Cell(ColumnWidths[3], 1, JustificationValues.Left, bold: false, item.Responsible),
                    Cell(ColumnWidths[4], 1, JustificationValues.Left, bold: false, item.Result)));
            }
        }
        return table;
    }

    private static TableCell Cell(int width, int span, JustificationValues align, bool bold, string text)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top });
        return new TableCell(properties, Paragraph(align, bold, text));
    }

    /// <summary>One paragraph; each element of <paramref name="lines"/> (and each line break inside one) on its own line.</summary>
    private static Paragraph Paragraph(JustificationValues align, bool bold, params string[] lines)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold(), new BoldComplexScript()));
        var first = true;
        foreach (var line in lines.SelectMany(l => l.Replace("\r\n", "\n").Split('\n')))
        {
            if (!first) run.Append(new Break());
            run.Append(new Text(XlsxWriter.XmlSafe(line)) { Space = SpaceProcessingModeValues.Preserve });
            first = false;
        }
        return new Paragraph(new ParagraphProperties(new Justification { Val = align }), run);
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

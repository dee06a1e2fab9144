using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.People;

/// <summary>A base as .docx: A4 landscape, the title in bold, one table whose header row repeats on every page. Times New Roman 10.</summary>
public static class BaseDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 850;

    public static byte[] Write(string title, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, bold: true, JustificationValues.Center));
            var width = (PageWidth - 2 * Margin) / header.Count;
            var table = new Table(new TableProperties(
                new TableWidth { Width = (width * header.Count).ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(header.Select(_ => new GridColumn { Width = width.ToString() })));
            table.Append(Row(header, width, bold: true, new TableRowProperties(new TableHeader())));
            foreach (var row in rows) table.Append(Row(row, width, bold: false, new TableRowProperties(new CantSplit())));
            body.Append(table);
            body.Append(Paragraph("", bold: false, JustificationValues.Left));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe(title);
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    private static TableRow Row(IReadOnlyList<string> values, int width, bool bold, TableRowProperties properties)
    {
        var row = new TableRow(properties);
        foreach (var value in values)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
                Paragraph(value, bold, JustificationValues.Left)));
        }
        return row;
    }

    private static Paragraph Paragraph(string text, bool bold, JustificationValues justification)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = "20" });
        if (bold) runProperties.Append(new Bold());
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = justification }, new SpacingBetweenLines { After = "0" }),
            new Run(runProperties, new Text(XlsxWriter.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

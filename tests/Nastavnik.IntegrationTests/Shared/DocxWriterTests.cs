using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.IntegrationTests.Shared;

public class DocxWriterTests
{
    [Fact]
    public void Write_ParagraphsAndTable_ValidDocxWithTextCellsAndPageSize()
    {
        int[] widths = [1000, 2000, 3000];
        List<OpenXmlElement> content =
        [
            DocxWriter.Paragraph(JustificationValues.Center, true, "ПРИКАЗ"),
            DocxWriter.Paragraph(JustificationValues.Right, false, "Приложение", "к приказу от 01.10.2026 № 7"),
            DocxWriter.Table(widths, DocxWriter.Borders(BorderValues.Single),
            [
                DocxWriter.HeaderRow(new[] { "№", "Наставник", "Наставляемый" }
                    .Select((column, c) => DocxWriter.Cell(widths[c], JustificationValues.Center, true, column))),
                DocxWriter.Row(
                    DocxWriter.Cell(widths[0], JustificationValues.Center, false, "1."),
                    DocxWriter.Cell(widths[1], JustificationValues.Left, false, DocxWriter.NonEmpty("Иванова Мария Сергеевна", "")),
                    DocxWriter.Cell(widths[2], JustificationValues.Left, false, "Петров Пётр", "7Б")),
                DocxWriter.Row(DocxWriter.Cell(widths.Sum(), widths.Length, JustificationValues.Left, true, "Раздел\u0001 2")),
            ], cellMargin: 85),
        ];

        var bytes = DocxWriter.Write("Приказ о закреплении", DocxWriter.Page.Portrait, fontHalfPoints: 28, content);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal("Приказ о закреплении", doc.PackageProperties.Title);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Equal("ПРИКАЗ", paragraphs[0].InnerText);
        Assert.NotNull(paragraphs[0].Descendants<Bold>().FirstOrDefault());
        Assert.Equal(JustificationValues.Center, paragraphs[0].ParagraphProperties!.Justification!.Val!.Value);
        // Two lines of one paragraph: a line break between them, not a second paragraph.
        Assert.Equal(["Приложение", "к приказу от 01.10.2026 № 7"], paragraphs[1].Descendants<Text>().Select(t => t.Text));
        Assert.Single(paragraphs[1].Descendants<Break>());
        // The table may not be the body's last element before the section properties: an empty paragraph follows it.
        Assert.IsType<Paragraph>(body.Elements<Table>().Single().NextSibling());

        var rows = body.Elements<Table>().Single().Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["№", "Наставник", "Наставляемый"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.Equal(["1.", "Иванова Мария Сергеевна", "Петров Пётр7Б"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Empty(rows[1].Elements<TableCell>().ElementAt(1).Descendants<Break>());
        Assert.Equal("2000", rows[1].Elements<TableCell>().ElementAt(1).TableCellProperties!.TableCellWidth!.Width!.Value);
        var section = Assert.Single(rows[2].Elements<TableCell>());
        Assert.Equal(3, section.TableCellProperties!.GridSpan!.Val!.Value);
        // A control character (pasted from elsewhere) would make the file unreadable: it is dropped.
        Assert.Equal("Раздел 2", section.InnerText);

        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(PageOrientationValues.Portrait, size.Orient!.Value);
        var margin = body.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal(1701u, margin.Left!.Value);
        Assert.Equal(850u, margin.Right!.Value);
        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("28", defaults.FontSize!.Val!.Value);
    }

    [Fact]
    public void Write_LandscapePage_SwapsA4SidesAndTextWidthExcludesMargins()
    {
        var page = DocxWriter.Page.Even(landscape: true, margin: 850);

        var bytes = DocxWriter.Write("База", page, fontHalfPoints: 20, [DocxWriter.Paragraph(JustificationValues.Left, false, 32, "Код: 123456")]);

        Assert.Equal(16838 - 2 * 850, page.TextWidth);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(16838u, size.Width!.Value);
        Assert.Equal(11906u, size.Height!.Value);
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        var paragraph = body.Elements<Paragraph>().Single();
        Assert.Equal("Код: 123456", paragraph.InnerText);
        Assert.Equal("32", paragraph.Descendants<FontSize>().Single().Val!.Value);
        Assert.Null(paragraph.Descendants<Bold>().FirstOrDefault());
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// What every .docx of the system shares: an A4 page, Times New Roman at one size for the whole document, single line
/// spacing, paragraphs of plain lines, fixed-layout tables with black borders whose rows do not split across pages.
/// Sizes are in twips (1 cm = 567) and font sizes in half-points (14 pt = 28), as Word stores them.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";
    private const int A4Short = 11906, A4Long = 16838;

    /// <summary>An A4 sheet, its orientation and margins.</summary>
    public sealed record Page(bool Landscape, int Top, int Right, int Bottom, int Left)
    {
        /// <summary>Orders and plans (ГОСТ Р 7.0.97): 3 cm left, 1.5 cm right, 2 cm top and bottom.</summary>
        public static readonly Page Portrait = new(false, 1134, 850, 1134, 1701);

        public static Page Even(bool landscape, int margin) => new(landscape, margin, margin, margin, margin);

        public int Width => Landscape ? A4Long : A4Short;
        public int Height => Landscape ? A4Short : A4Long;
        /// <summary>Width between the margins: what a full-width table may take.</summary>
        public int TextWidth => Width - Left - Right;
    }

    /// <summary>
    /// The document as bytes. <paramref name="fontHalfPoints"/> and <paramref name="spacingAfter"/> (twips after each
    /// paragraph) are the defaults every paragraph inherits; the title goes into the file's properties.
    /// </summary>
    public static byte[] Write(string title, Page page, int fontHalfPoints, IEnumerable<OpenXmlElement> content, int spacingAfter = 0)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(fontHalfPoints, spacingAfter);
            var body = new Body();
            foreach (var element in content) body.Append(element);
            // A paragraph must follow a table before the section properties.
            if (body.LastChild is Table) body.Append(Empty());
            body.Append(new SectionProperties(
                new PageSize
                {
                    Width = (uint)page.Width, Height = (uint)page.Height,
                    Orient = page.Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
                },
                new PageMargin
                {
                    Top = page.Top, Right = (uint)page.Right, Bottom = page.Bottom, Left = (uint)page.Left, Header = 709, Footer = 709, Gutter = 0,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe(title);
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    /// <summary>One paragraph; each element of <paramref name="lines"/> on its own line (a line break, not a new paragraph).</summary>
    public static Paragraph Paragraph(JustificationValues align, bool bold, params string[] lines) => Paragraph(align, bold, null, lines);

    /// <summary>The same at its own font size (half-points) instead of the document's.</summary>
    public static Paragraph Paragraph(JustificationValues align, bool bold, int? halfPoints, params string[] lines)
    {
        var run = new Run();
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold(), new BoldComplexScript());
        if (halfPoints is { } size) properties.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        if (properties.HasChildren) run.Append(properties);
        var first = true;
        foreach (var line in lines)
        {
            if (!first) run.Append(new Break());
            run.Append(new Text(XlsxWriter.XmlSafe(line)) { Space = SpaceProcessingModeValues.Preserve });
            first = false;
        }
        return new Paragraph(new ParagraphProperties(new Justification { Val = align }), run);
    }

    /// <summary>An empty line.</summary>
    public static Paragraph Empty() => Paragraph(JustificationValues.Left, false, "");

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>
    /// A fixed-layout table of <paramref name="widths"/> (twips) with <paramref name="borders"/>. With
    /// <paramref name="cellMargin"/> the cells' left and right padding is that many twips and top and bottom none,
    /// instead of Word's defaults.
    /// </summary>
    public static Table Table(IReadOnlyList<int> widths, TableBorders borders, IEnumerable<TableRow> rows, int? cellMargin = null)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            borders,
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (cellMargin is { } margin)
        {
            properties.Append(new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)margin, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)margin, Type = TableWidthValues.Dxa }));
        }
        var table = new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(rows);
        return table;
    }

    /// <summary>Black lines of <paramref name="size"/> eighths of a point around the table and, when <paramref name="inside"/>, between its cells.</summary>
    public static TableBorders Borders(BorderValues style, uint size = 4, bool inside = true)
    {
        var borders = new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>());
        if (inside) borders.Append(Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>());
        return borders;

        T Line<T>() where T : BorderType, new() => new() { Val = style, Size = size, Space = 0, Color = "000000" };
    }

    /// <summary>A row that repeats at the top of every page the table runs onto (w:tblHeader).</summary>
    public static TableRow HeaderRow(IEnumerable<TableCell> cells) => Row(cells, header: true);

    /// <summary>A row that moves to the next page whole rather than split.</summary>
    public static TableRow Row(params TableCell[] cells) => Row(cells, header: false);

    private static TableRow Row(IEnumerable<TableCell> cells, bool header)
    {
        var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        row.Append(cells);
        return row;
    }

    /// <summary>A cell with one paragraph of <paramref name="lines"/>, its text at the top.</summary>
    public static TableCell Cell(int width, JustificationValues align, bool bold, params string[] lines) => Cell(width, 1, align, bold, lines);

    /// <summary>The same spanning <paramref name="span"/> grid columns (<paramref name="width"/> is their sum).</summary>
    public static TableCell Cell(int width, int span, JustificationValues align, bool bold, params string[] lines) =>
        Cell(width, span, [Paragraph(align, bold, lines)]);

    /// <summary>A cell of whole paragraphs, its content at the top.</summary>
    public static TableCell Cell(int width, params Paragraph[] paragraphs) => Cell(width, 1, paragraphs);

    private static TableCell Cell(int width, int span, Paragraph[] paragraphs)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top });
        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        return cell;
    }

    /// <summary>The non-empty ones of <paramref name="lines"/>, or one empty line when none is: a cell's blank second line is dropped.</summary>
    public static string[] NonEmpty(params string[] lines) => lines.Where(l => l.Length > 0).DefaultIfEmpty("").ToArray();

    private static Styles Styles(int halfPoints, int spacingAfter) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = halfPoints.ToString() },
                new FontSizeComplexScript { Val = halfPoints.ToString() },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = spacingAfter.ToString(), Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

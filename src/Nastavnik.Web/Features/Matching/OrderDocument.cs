using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The order «О закреплении наставнических пар (групп)» as .docx: A4 portrait, Times New Roman 14; the organization's
/// name, «ПРИКАЗ», the date and number, the title, a preamble naming the programme, «ПРИКАЗЫВАЮ:» with three points,
/// the head's signature line, then the appendix table of pairs (its header row repeats on every page).
/// </summary>
public static class OrderDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Title = "О закреплении наставнических пар (групп)";

    private const string Font = "Times New Roman";
    // A4 portrait in twentieths of a point; margins 3 cm left, 1.5 cm right, 2 cm top and bottom.
    private const int PageWidth = 11906, PageHeight = 16838, MarginLeft = 1701, MarginRight = 850, MarginTopBottom = 1134;
    // № | mentor | mentee | form | start: 9,355 twips, the width between the margins.
    private static readonly int[] ColumnWidths = [567, 2835, 2551, 1985, 1417];
    private static readonly string[] Columns =
        ["№", "Наставник (ФИО, должность или класс)", "Наставляемый (ФИО, класс)", "Форма наставничества", "Дата начала"];

    public static byte[] Write(PairOrder order)
    {
        var date = order.OrderDate?.ToString("dd.MM.yyyy") ?? "";
        var number = order.OrderNumber;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph(JustificationValues.Center, true, order.Organization));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Center, true, "ПРИКАЗ"));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(DateAndNumber(date, number));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Center, true, Title));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Both, false,
                $"В соответствии с программой наставничества «{order.Program}», в целях реализации целевой модели наставничества " +
                "и по итогам формирования баз наставников и наставляемых"));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Left, true, "ПРИКАЗЫВАЮ:"));
            var curator = order.Curator.Length > 0 ? $" ({order.Curator})" : "";
            body.Append(Paragraph(JustificationValues.Both, false,
                $"1. Закрепить наставнические пары (группы) согласно приложению к настоящему приказу с {order.StartDate?.ToString("dd.MM.yyyy") ?? date}."));
            body.Append(Paragraph(JustificationValues.Both, false,
                $"2. Куратору программы наставничества{curator} обеспечить организацию работы наставнических пар (групп), " +
                "сопровождение наставников и наставляемых, мониторинг и учёт результатов программы."));
            body.Append(Paragraph(JustificationValues.Both, false, "3. Контроль за исполнением настоящего приказа оставляю за собой."));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"));

            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Paragraph(JustificationValues.Right, false, "Приложение", $"к приказу от {date} № {number}"));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Center, true, order.IsGroup ? "Состав наставнических групп" : "Состав наставнических пар"));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Table(order));
            // A paragraph must follow a table before the section properties.
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = MarginTopBottom, Right = MarginRight, Bottom = MarginTopBottom, Left = MarginLeft, Header = 709, Footer = 709, Gutter = 0,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe($"Приказ {Title}");
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    /// <summary>The date on the left and the number on the right of one line, by a right tab stop at the text's edge.</summary>
    private static Paragraph DateAndNumber(string date, string number)
    {
        var width = PageWidth - MarginLeft - MarginRight;
        return new Paragraph(
            new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = width })),
            new Run(new Text(date), new TabChar(), new Text(XlsxWriter.XmlSafe("№ " + number)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(PairOrder order)
    {
        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
        };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = ColumnWidths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(border()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString() })));
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var c = 0; c < Columns.Length; c++) header.Append(Cell(ColumnWidths[c], JustificationValues.Center, true, Columns[c]));
        table.Append(header);
        foreach (var row in order.Rows)
        {
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                Cell(ColumnWidths[0], JustificationValues.Center, false, row.Number + "."),
                Cell(ColumnWidths[1], JustificationValues.Left, false, row.Mentor, row.MentorRole),
                Cell(ColumnWidths[2], JustificationValues.Left, false, row.Mentee, row.MenteeClass),
                Cell(ColumnWidths[3], JustificationValues.Left, false, row.Form),
                Cell(ColumnWidths[4], JustificationValues.Center, false, row.StartDate.ToString("dd.MM.yyyy"))));
        }
        return table;
    }

    private static TableCell Cell(int width, JustificationValues align, bool bold, params string[] lines) =>
        new(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Top }),
            Paragraph(align, bold, lines.Where(l => l.Length > 0).DefaultIfEmpty("").ToArray()));

    /// <summary>One paragraph; each element of <paramref name="lines"/> on its own line.</summary>
    private static Paragraph Paragraph(JustificationValues align, bool bold, params string[] lines)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold(), new BoldComplexScript()));
        var first = true;
        foreach (var line in lines)
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
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

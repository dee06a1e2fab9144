using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The pair's personal plan as .docx: A4 portrait, Times New Roman 12; the programme, the participants, then a table
/// of goals (goal, measurable result, due date, progress) with each goal's tasks listed under it.
/// </summary>
public static class PlanDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Title = "Персонализированная программа наставничества";

    private const string Font = "Times New Roman";
    private const int PageWidth = 11906, PageHeight = 16838, MarginLeft = 1701, MarginRight = 850, MarginTopBottom = 1134;
    // № | goal and tasks | measurable result | due | progress: 9,355 twips between the margins.
    private static readonly int[] ColumnWidths = [567, 3685, 2835, 1276, 992];
    private static readonly string[] Columns = ["№", "Цель и задачи", "Измеримый результат", "Срок", "Выполнено"];

    public sealed record Input(string Organization, string Program, string Form, DateOnly StartDate, DateOnly? PlannedEnd, string Mentors,
        string Mentees, IReadOnlyList<PlanGoalRow> Goals);

    public static byte[] Write(Input plan)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph(JustificationValues.Center, true, plan.Organization));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Center, true, Title));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Left, false, $"Программа: {plan.Program}"));
            body.Append(Paragraph(JustificationValues.Left, false, $"Форма наставничества: {plan.Form}"));
            body.Append(Paragraph(JustificationValues.Left, false, $"Наставник: {plan.Mentors}"));
            body.Append(Paragraph(JustificationValues.Left, false, $"Наставляемый: {plan.Mentees}"));
            body.Append(Paragraph(JustificationValues.Left, false,
                $"Срок: с {plan.StartDate:dd.MM.yyyy}{(plan.PlannedEnd is { } end ? $" по {end:dd.MM.yyyy}" : "")}"));
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Table(plan.Goals));
            // A paragraph must follow a table before the section properties.
            body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(Paragraph(JustificationValues.Left, false, "Наставник ____________________        Наставляемый ____________________"));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = MarginTopBottom, Right = MarginRight, Bottom = MarginTopBottom, Left = MarginLeft, Header = 709, Footer = 709, Gutter = 0,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe(Title);
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<PlanGoalRow> goals)
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
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString() })));
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var c = 0; c < Columns.Length; c++) header.Append(Cell(ColumnWidths[c], JustificationValues.Center, true, Columns[c]));
        table.Append(header);
        var number = 0;
        foreach (var goal in goals)
        {
            number++;
            var lines = new List<string> { goal.Goal };
            lines.AddRange(goal.Tasks.Select(t => $"{(t.IsDone ? "☑" : "☐")} {t.Text}{(t.DueOn is { } due ? $" (до {due:dd.MM.yyyy})" : "")}"));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                Cell(ColumnWidths[0], JustificationValues.Center, false, number + "."),
                Cell(ColumnWidths[1], JustificationValues.Left, false, [.. lines]),
                Cell(ColumnWidths[2], JustificationValues.Left, false, goal.Measure),
                Cell(ColumnWidths[3], JustificationValues.Center, false, goal.DueOn?.ToString("dd.MM.yyyy") ?? ""),
                Cell(ColumnWidths[4], JustificationValues.Center, false, goal.DoneOn is not null ? "достигнута" : $"{goal.Progress}%")));
        }
        return table;
    }

    private static TableCell Cell(int width, JustificationValues align, bool bold, params string[] lines) =>
        new(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
            Paragraph(align, bold, lines.Where(l => l.Length > 0).DefaultIfEmpty("").ToArray()));

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
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

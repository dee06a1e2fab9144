using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The order «О закреплении наставнических пар (групп)» as .docx: A4 portrait, Times New Roman 14; the organization's
/// name, «ПРИКАЗ», the date and number, the title, a preamble naming the programme, «ПРИКАЗЫВАЮ:» with three points,
/// the head's signature line, then the appendix table of pairs (its header row repeats on every page).
/// </summary>
public static class OrderDocument
{
    public const string Title = "О закреплении наставнических пар (групп)";

    private static readonly DocxWriter.Page Page = DocxWriter.Page.Portrait;
    // № | mentor | mentee | form | start: 9,355 twips, the width between the margins.
    private static readonly int[] ColumnWidths = [567, 2835, 2551, 1985, 1417];
    private static readonly string[] Columns =
        ["№", "Наставник (ФИО, должность или класс)", "Наставляемый (ФИО, класс)", "Форма наставничества", "Дата начала"];

    public static byte[] Write(PairOrder order)
    {
        var date = order.OrderDate?.ToString("dd.MM.yyyy") ?? "";
        var number = order.OrderNumber;
        var curator = order.Curator.Length > 0 ? $" ({order.Curator})" : "";
        List<OpenXmlElement> content =
        [
            Paragraph(JustificationValues.Center, true, order.Organization),
            Empty(),
            Paragraph(JustificationValues.Center, true, "ПРИКАЗ"),
            Empty(),
            DateAndNumber(date, number),
            Empty(),
            Paragraph(JustificationValues.Center, true, Title),
            Empty(),
            Paragraph(JustificationValues.Both, false,
                $"В соответствии с программой наставничества «{order.Program}», в целях реализации целевой модели наставничества " +
                "и по итогам формирования баз наставников и наставляемых"),
            Empty(),
            Paragraph(JustificationValues.Left, true, "ПРИКАЗЫВАЮ:"),
            Paragraph(JustificationValues.Both, false,
                $"1. Закрепить наставнические пары (группы) согласно приложению к настоящему приказу с {order.StartDate?.ToString("dd.MM.yyyy") ?? date}."),
            Paragraph(JustificationValues.Both, false,
                $"2. Куратору программы наставничества{curator} обеспечить организацию работы наставнических пар (групп), " +
                "сопровождение наставников и наставляемых, мониторинг и учёт результатов программы."),
            Paragraph(JustificationValues.Both, false, "3. Контроль за исполнением настоящего приказа оставляю за собой."),
            Empty(),
            Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"),

            PageBreak(),
            Paragraph(JustificationValues.Right, false, "Приложение", $"к приказу от {date} № {number}"),
            Empty(),
            Paragraph(JustificationValues.Center, true, order.IsGroup ? "Состав наставнических групп" : "Состав наставнических пар"),
            Empty(),
            Table(order),
        ];
        return DocxWriter.Write($"Приказ {Title}", Page, fontHalfPoints: 28, content);
    }

    /// <summary>The date on the left and the number on the right of one line, by a right tab stop at the text's edge.</summary>
    private static Paragraph DateAndNumber(string date, string number) => new(
        new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = Page.TextWidth })),
        new Run(new Text(date), new TabChar(), new Text(XlsxWriter.XmlSafe("№ " + number)) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(PairOrder order) => DocxWriter.Table(ColumnWidths, Borders(BorderValues.Single),
        [
            HeaderRow(Columns.Select((column, c) => Cell(ColumnWidths[c], JustificationValues.Center, true, column))),
            .. order.Rows.Select(row => Row(
                Cell(ColumnWidths[0], JustificationValues.Center, false, row.Number + "."),
                Cell(ColumnWidths[1], JustificationValues.Left, false, NonEmpty(row.Mentor, row.MentorRole)),
                Cell(ColumnWidths[2], JustificationValues.Left, false, NonEmpty(row.Mentee, row.MenteeClass)),
                Cell(ColumnWidths[3], JustificationValues.Left, false, row.Form),
                Cell(ColumnWidths[4], JustificationValues.Center, false, row.StartDate.ToString("dd.MM.yyyy")))),
        ],
        cellMargin: 85);
}

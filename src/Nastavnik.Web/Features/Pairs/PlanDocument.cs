using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The pair's personal plan as .docx: A4 portrait, Times New Roman 12; the programme, the participants, then a table
/// of goals (goal, measurable result, due date, progress) with each goal's tasks listed under it.
/// </summary>
public static class PlanDocument
{
    public const string Title = "Персонализированная программа наставничества";

    // № | goal and tasks | measurable result | due | progress: 9,355 twips between the margins.
    private static readonly int[] ColumnWidths = [567, 3685, 2835, 1276, 992];
    private static readonly string[] Columns = ["№", "Цель и задачи", "Измеримый результат", "Срок", "Выполнено"];

    public sealed record Input(string Organization, string Program, string Form, DateOnly StartDate, DateOnly? PlannedEnd, string Mentors,
        string Mentees, IReadOnlyList<PlanGoalRow> Goals);

    public static byte[] Write(Input plan)
    {
        List<OpenXmlElement> content =
        [
            Paragraph(JustificationValues.Center, true, plan.Organization),
            Empty(),
            Paragraph(JustificationValues.Center, true, Title),
            Empty(),
            Paragraph(JustificationValues.Left, false, $"Программа: {plan.Program}"),
            Paragraph(JustificationValues.Left, false, $"Форма наставничества: {plan.Form}"),
            Paragraph(JustificationValues.Left, false, $"Наставник: {plan.Mentors}"),
            Paragraph(JustificationValues.Left, false, $"Наставляемый: {plan.Mentees}"),
            Paragraph(JustificationValues.Left, false,
                $"Срок: с {plan.StartDate:dd.MM.yyyy}{(plan.PlannedEnd is { } end ? $" по {end:dd.MM.yyyy}" : "")}"),
            Empty(),
            Table(plan.Goals),
            Empty(),
            Paragraph(JustificationValues.Left, false, "Наставник ____________________        Наставляемый ____________________"),
        ];
        return DocxWriter.Write(Title, DocxWriter.Page.Portrait, fontHalfPoints: 24, content);
    }

    private static Table Table(IReadOnlyList<PlanGoalRow> goals) => DocxWriter.Table(ColumnWidths, Borders(BorderValues.Single),
        [
            HeaderRow(Columns.Select((column, c) => Cell(ColumnWidths[c], JustificationValues.Center, true, column))),
            .. goals.Select((goal, i) => Row(
                Cell(ColumnWidths[0], JustificationValues.Center, false, $"{i + 1}."),
                Cell(ColumnWidths[1], JustificationValues.Left, false, NonEmpty([goal.Goal, .. goal.Tasks.Select(TaskLine)])),
                Cell(ColumnWidths[2], JustificationValues.Left, false, goal.Measure),
                Cell(ColumnWidths[3], JustificationValues.Center, false, goal.DueOn?.ToString("dd.MM.yyyy") ?? ""),
                Cell(ColumnWidths[4], JustificationValues.Center, false, goal.DoneOn is not null ? "достигнута" : $"{goal.Progress}%"))),
        ]);

    private static string TaskLine(PlanTaskRow t) => $"{(t.IsDone ? "☑" : "☐")} {t.Text}{(t.DueOn is { } due ? $" (до {due:dd.MM.yyyy})" : "")}";
}

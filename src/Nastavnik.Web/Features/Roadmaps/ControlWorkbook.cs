using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>The control report as an .xlsx sheet: the page's table, row for row.</summary>
public static class ControlWorkbook
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Муниципалитет", "Организация / уровень", "Выполнено в срок", "Выполнено с опозданием", "Не выполнено",
        "В работе / предстоит", "Всего", "Доля выполненных в срок", "Не требуется", "По событию",
    ];

    public static byte[] Write(ControlReport report)
    {
        var rows = report.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Kind is ControlReport.RowKind.Region or ControlReport.RowKind.RegionOwn ? "" : r.Municipality,
            Label(r),
            r.Counts.OnTime.ToString(), r.Counts.Late.ToString(), r.Counts.NotDone.ToString(), r.Counts.Upcoming.ToString(),
            r.Counts.Total.ToString(), ControlFigures.Percent(r.Counts.OnTimeShare),
            r.Counts.NotRequired.ToString(), r.Counts.OnDemand.ToString(),
        ]);
        return XlsxWriter.Write($"Контроль на {report.Date:dd.MM.yyyy}", Columns, rows);
    }

    /// <summary>How a row is named in the table: totals say so.</summary>
    public static string Label(ControlReport.Row row) => row.Kind switch
    {
        ControlReport.RowKind.Municipality => $"Итого по муниципалитету: {row.Name}",
        ControlReport.RowKind.Region => $"Итого по региону: {row.Name}",
        _ => row.Name,
    };
}

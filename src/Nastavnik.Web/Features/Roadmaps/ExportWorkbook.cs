using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>A roadmap as an .xlsx sheet with the .docx columns; a section is a row with its number and title.</summary>
public static class ExportWorkbook
{
    public static byte[] Write(ExportRoadmap roadmap)
    {
        var rows = roadmap.Rows().Select(r => r.Heading is { } s
            ? (IReadOnlyList<string>)[s.Number, s.Title, "", "", ""]
            : [r.Item!.Number, r.Item.Title, r.Item.Deadline, r.Item.Responsible, r.Item.Result]);
        return XlsxWriter.Write("Дорожная карта", ExportRoadmap.Columns, rows);
    }
}

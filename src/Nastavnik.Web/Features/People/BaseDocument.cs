using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.People;

/// <summary>A base as .docx: A4 landscape, the title in bold, one table whose header row repeats on every page. Times New Roman 10.</summary>
public static class BaseDocument
{
    private static readonly DocxWriter.Page Page = DocxWriter.Page.Even(landscape: true, margin: 850);

    public static byte[] Write(string title, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var width = Page.TextWidth / header.Count;
        List<OpenXmlElement> content =
        [
            Paragraph(JustificationValues.Center, true, title),
            Table(header.Select(_ => width).ToList(), Borders(BorderValues.Single),
            [
                HeaderRow(header.Select(h => Cell(width, JustificationValues.Left, true, h))),
                .. rows.Select(row => Row([.. row.Select(value => Cell(width, JustificationValues.Left, false, value))])),
            ]),
        ];
        return DocxWriter.Write(title, Page, fontHalfPoints: 20, content);
    }
}

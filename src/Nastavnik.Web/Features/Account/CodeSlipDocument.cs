using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Account;

/// <summary>Slips with the login and one-time code, several per A4 page (each a bordered box that does not split), to cut apart.</summary>
public static class CodeSlipDocument
{
    public sealed record Slip(string FullName, string ClassName, string Login, string Code);

    private static readonly DocxWriter.Page Page = DocxWriter.Page.Even(landscape: false, margin: 1134);

    public static byte[] Write(IReadOnlyList<Slip> slips, string address, DateOnly expires)
    {
        var width = Page.TextWidth;
        var content = new List<OpenXmlElement>();
        foreach (var s in slips)
        {
            var cell = Cell(width,
                Paragraph(JustificationValues.Left, true, $"{s.FullName}{(s.ClassName.Length > 0 ? ", " + s.ClassName : "")}"),
                Paragraph(JustificationValues.Left, false, $"Адрес входа: {address}"),
                Paragraph(JustificationValues.Left, false, $"Логин: {s.Login}"),
                Paragraph(JustificationValues.Left, true, 32, $"Код: {s.Code}"),
                Paragraph(JustificationValues.Left, false, $"Код действует один раз до {expires:dd.MM.yyyy}. После входа придумайте пароль не короче 10 символов."));
            content.Add(Table([width], Borders(BorderValues.Dashed, size: 6, inside: false), [Row(cell)]));
            content.Add(Empty());
        }
        return DocxWriter.Write("Коды входа", Page, fontHalfPoints: 24, content);
    }
}

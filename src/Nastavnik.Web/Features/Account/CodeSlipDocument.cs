using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Pairs.Closure;

namespace Nastavnik.Web.Features.Account;

/// <summary>Slips with the login and one-time code, several per A4 page (each a bordered box that does not split), to cut apart.</summary>
public static class CodeSlipDocument
{
    public sealed record Slip(string FullName, string ClassName, string Login, string Code);

    public static byte[] Write(IReadOnlyList<Slip> slips, string address, DateOnly expires)
    {
        var width = Docx.TextWidth(landscape: false);
        var content = new List<OpenXmlElement>();
        foreach (var s in slips)
        {
            var border = () => new OpenXmlElement[]
            {
                new TopBorder { Val = BorderValues.Dashed, Size = 6, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Dashed, Size = 6, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Dashed, Size = 6, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Dashed, Size = 6, Space = 0, Color = "000000" },
            };
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }));
            cell.Append(
                Docx.Paragraph(JustificationValues.Left, true, $"{s.FullName}{(s.ClassName.Length > 0 ? ", " + s.ClassName : "")}"),
                Docx.Paragraph(JustificationValues.Left, false, $"Адрес входа: {address}"),
                Docx.Paragraph(JustificationValues.Left, false, $"Логин: {s.Login}"),
                Docx.Paragraph(JustificationValues.Left, true, 32, $"Код: {s.Code}"),
                Docx.Paragraph(JustificationValues.Left, false, $"Код действует один раз до {expires:dd.MM.yyyy}. После входа придумайте пароль не короче 10 символов."));
            content.Add(new Table(
                new TableProperties(new TableWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }, new TableBorders(border()),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = width.ToString() }),
                new TableRow(new TableRowProperties(new CantSplit()), cell)));
            content.Add(Docx.Paragraph(JustificationValues.Left, false, ""));
        }
        return Docx.Write("Коды входа", landscape: false, content, fontHalfPoints: 24);
    }
}

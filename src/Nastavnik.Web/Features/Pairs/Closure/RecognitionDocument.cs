using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>A mentor's recognition as .docx: «грамота» and «благодарность» on A4 landscape, «приказ о поощрении» on A4 portrait.</summary>
public static class RecognitionDocument
{
    public sealed record Data(RecognitionKind Kind, string Organization, string Mentor, string Program, DateOnly GrantedOn, string OrderNumber, string Text);

    public static bool Landscape(RecognitionKind kind) => kind != RecognitionKind.Order;

    public static byte[] Write(Data d)
    {
        var empty = () => Docx.Paragraph(JustificationValues.Left, false, "");
        var date = d.GrantedOn.ToString("dd.MM.yyyy");
        List<OpenXmlElement> content = [Docx.Paragraph(JustificationValues.Center, true, d.Organization), empty(), empty()];
        if (d.Kind == RecognitionKind.Order)
        {
            content.AddRange([
                Docx.Paragraph(JustificationValues.Center, true, "ПРИКАЗ"), empty(),
                Docx.Paragraph(JustificationValues.Left, false, $"{date}          № {d.OrderNumber}"), empty(),
                Docx.Paragraph(JustificationValues.Center, true, "О поощрении наставника"), empty(),
                Docx.Paragraph(JustificationValues.Both, false,
                    $"За добросовестную работу в программе наставничества «{d.Program}» и достигнутые результаты"), empty(),
                Docx.Paragraph(JustificationValues.Left, true, "ПРИКАЗЫВАЮ:"),
                Docx.Paragraph(JustificationValues.Both, false, $"1. Поощрить наставника {d.Mentor}." + (d.Text.Length > 0 ? " " + d.Text : "")),
                Docx.Paragraph(JustificationValues.Both, false, "2. Контроль за исполнением настоящего приказа оставляю за собой."), empty(),
                Docx.Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"),
            ]);
        }
        else
        {
            var certificate = d.Kind == RecognitionKind.Certificate;
            content.AddRange([
                Docx.Paragraph(JustificationValues.Center, true, 64, certificate ? "ГРАМОТА" : "БЛАГОДАРНОСТЬ"), empty(),
                Docx.Paragraph(JustificationValues.Center, false, certificate ? "награждается" : "объявляется"),
                Docx.Paragraph(JustificationValues.Center, true, 36, d.Mentor), empty(),
                Docx.Paragraph(JustificationValues.Center, false,
                    d.Text.Length > 0 ? d.Text : $"за добросовестную работу наставником в программе наставничества «{d.Program}»"),
                empty(), empty(),
                Docx.Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"),
                Docx.Paragraph(JustificationValues.Left, false, date),
            ]);
        }
        return Docx.Write($"{d.Kind.Title()} — {d.Mentor}", Landscape(d.Kind), content);
    }
}

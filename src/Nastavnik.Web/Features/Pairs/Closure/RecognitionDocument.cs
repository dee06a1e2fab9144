using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Domain.Pairs;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>A mentor's recognition as .docx: «грамота» and «благодарность» on A4 landscape, «приказ о поощрении» on A4 portrait.</summary>
public static class RecognitionDocument
{
    public sealed record Data(RecognitionKind Kind, string Organization, string Mentor, string Program, DateOnly GrantedOn, string OrderNumber, string Text);

    public static bool Landscape(RecognitionKind kind) => kind != RecognitionKind.Order;

    public static byte[] Write(Data d)
    {
        var date = d.GrantedOn.ToString("dd.MM.yyyy");
        List<OpenXmlElement> content = [Paragraph(JustificationValues.Center, true, d.Organization), Empty(), Empty()];
        if (d.Kind == RecognitionKind.Order)
        {
            content.AddRange([
                Paragraph(JustificationValues.Center, true, "ПРИКАЗ"), Empty(),
                Paragraph(JustificationValues.Left, false, $"{date}          № {d.OrderNumber}"), Empty(),
                Paragraph(JustificationValues.Center, true, "О поощрении наставника"), Empty(),
                Paragraph(JustificationValues.Both, false,
                    $"За добросовестную работу в программе наставничества «{d.Program}» и достигнутые результаты"), Empty(),
                Paragraph(JustificationValues.Left, true, "ПРИКАЗЫВАЮ:"),
                Paragraph(JustificationValues.Both, false, $"1. Поощрить наставника {d.Mentor}." + (d.Text.Length > 0 ? " " + d.Text : "")),
                Paragraph(JustificationValues.Both, false, "2. Контроль за исполнением настоящего приказа оставляю за собой."), Empty(),
                Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"),
            ]);
        }
        else
        {
            var certificate = d.Kind == RecognitionKind.Certificate;
            content.AddRange([
                Paragraph(JustificationValues.Center, true, 64, certificate ? "ГРАМОТА" : "БЛАГОДАРНОСТЬ"), Empty(),
                Paragraph(JustificationValues.Center, false, certificate ? "награждается" : "объявляется"),
                Paragraph(JustificationValues.Center, true, 36, d.Mentor), Empty(),
                Paragraph(JustificationValues.Center, false,
                    d.Text.Length > 0 ? d.Text : $"за добросовестную работу наставником в программе наставничества «{d.Program}»"),
                Empty(), Empty(),
                Paragraph(JustificationValues.Left, false, "Руководитель организации                    ____________________"),
                Paragraph(JustificationValues.Left, false, date),
            ]);
        }
        return DocxWriter.Write($"{d.Kind.Title()} — {d.Mentor}", DocxWriter.Page.Even(Landscape(d.Kind), margin: 1134), fontHalfPoints: 28, content);
    }
}

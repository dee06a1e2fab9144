using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>A small .docx writer for the closure documents (recognitions) and the pupils' code slips: Times New Roman, A4.</summary>
public static class Docx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";
    private const int A4Short = 11906, A4Long = 16838, Margin = 1134;

    /// <summary>Width between the margins, in twips.</summary>
    public static int TextWidth(bool landscape) => (landscape ? A4Long : A4Short) - 2 * Margin;

    public static byte[] Write(string title, bool landscape, IEnumerable<OpenXmlElement> content, int fontHalfPoints = 28)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(fontHalfPoints);
            var body = new Body();
            foreach (var element in content) body.Append(element);
            if (body.LastChild is Table) body.Append(Paragraph(JustificationValues.Left, false, ""));
            body.Append(new SectionProperties(
                new PageSize
                {
                    Width = (uint)(landscape ? A4Long : A4Short), Height = (uint)(landscape ? A4Short : A4Long),
                    Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
                },
                new PageMargin { Top = Margin, Right = (uint)Margin, Bottom = Margin, Left = (uint)Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = XlsxWriter.XmlSafe(title);
            document.PackageProperties.Language = "ru-RU";
        }
        return stream.ToArray();
    }

    /// <summary>One paragraph; each element of <paramref name="lines"/> on its own line.</summary>
    public static Paragraph Paragraph(JustificationValues align, bool bold, params string[] lines) => Paragraph(align, bold, null, lines);

    public static Paragraph Paragraph(JustificationValues align, bool bold, int? halfPoints, params string[] lines)
    {
        var run = new Run();
        var props = new RunProperties();
        if (bold) props.Append(new Bold(), new BoldComplexScript());
        if (halfPoints is { } size) props.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        if (props.HasChildren) run.Append(props);
        var first = true;
        foreach (var line in lines)
        {
            if (!first) run.Append(new Break());
            run.Append(new Text(XlsxWriter.XmlSafe(line)) { Space = SpaceProcessingModeValues.Preserve });
            first = false;
        }
        return new Paragraph(new ParagraphProperties(new Justification { Val = align }), run);
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Styles Styles(int halfPoints) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = halfPoints.ToString() },
                new FontSizeComplexScript { Val = halfPoints.ToString() },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}

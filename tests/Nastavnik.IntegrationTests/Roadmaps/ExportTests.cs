using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Xlsx = DocumentFormat.OpenXml.Spreadsheet;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class ExportTests(AppFixture app)
{
    private sealed record Sample(AppFixture.Tree Tree, long RoadmapId, string Title);

    /// <summary>A municipal roadmap shaped like the Азов seed: two sections, three items, one with three responsible levels.</summary>
    private async Task<Sample> CreateRoadmapAsync(string basis = "Приложение к приказу Управления образования г. Азова от 15.09.2020 № 423")
    {
        var tree = await app.CreateTreeAsync();
        var title = AppFixture.Unique("План мероприятий (дорожная карта) внедрения целевой модели наставничества");
        await using var db = app.Db();
        var roadmap = new Roadmap
        {
            RegionId = tree.RegionId, Level = RoadmapLevel.Municipality, MunicipalityId = tree.MunicipalityId, Title = title,
            PeriodStart = new DateOnly(2020, 9, 1), PeriodEnd = new DateOnly(2021, 12, 31), Basis = basis, Status = RoadmapStatus.Approved,
        };
        var first = new RoadmapSection { Position = 1, Number = "1.", Title = "Нормативное правовое регулирование внедрения ЦМН" };
        var second = new RoadmapSection { Position = 2, Number = "2.", Title = "Информационное сопровождение" };
        roadmap.Sections.AddRange([first, second]);
        roadmap.Items.AddRange(
        [
            new RoadmapItem
            {
                Position = 1, Section = first, Number = "1.1.", Title = "Разработка дорожных карт внедрения целевой модели наставничества",
                DeadlineText = "до 15.11.2020", DeadlineKind = DeadlineKind.Once, Responsible = "Руководители ОО", Result = "Дорожные карты",
            },
            new RoadmapItem
            {
                Position = 2, Section = first, Number = "1.2.", Title = "Разработка распорядительных актов, включающих:\n- сроки внедрения ЦМН;\n- назначение ответственных",
                DeadlineText = "", StartText = "07.10.2021", EndText = "25.12.2024", DeadlineKind = DeadlineKind.Window,
                Responsible = "", ResponsibleRegional = "-", ResponsibleMunicipal = "Органы управления образованием",
                ResponsibleOrganization = "Образовательные организации", Result = "Приказы образовательных организаций",
            },
            new RoadmapItem
            {
                Position = 3, Section = second, Number = "2.1.", Title = "Информационная кампания о внедрении ЦМН",
                DeadlineText = "В течение всего периода реализации ЦМН", DeadlineKind = DeadlineKind.Continuous,
                Responsible = "Управление образования г. Азова", Result = "Информационная кампания",
            },
        ]);
        db.Roadmaps.Add(roadmap);
        await db.SaveChangesAsync();
        return new Sample(tree, roadmap.Id, title);
    }

    [Fact]
    public async Task GetDocx_Coordinator_ValidDocumentInOfficialLayout()
    {
        var sample = await CreateRoadmapAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sample.Tree);

        var response = await client.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));

        var body = doc.MainDocumentPart!.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);

        var paragraphs = body.Elements<Paragraph>().ToList();
        var appendix = paragraphs[0];
        Assert.Equal(JustificationValues.Right, appendix.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(["Приложение", "к приказу Управления образования г. Азова от 15.09.2020 № 423"], Lines(appendix));
        var title = paragraphs.Single(p => p.InnerText == sample.Title);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        Assert.NotNull(title.Descendants<Bold>().FirstOrDefault());

        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("24", defaults.FontSize!.Val!.Value);

        var rows = body.Elements<Table>().Single().Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["№ п/п", "Наименование мероприятия", "Срок", "Ответственный", "Результат / вид документа"],
            rows[0].Elements<TableCell>().Select(c => c.InnerText));
        var heading = rows[1].Elements<TableCell>().Single();
        Assert.Equal(5, heading.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal("1. Нормативное правовое регулирование внедрения ЦМН", heading.InnerText);
        Assert.NotNull(heading.Descendants<Bold>().FirstOrDefault());
        Assert.Equal(["1.1.", "Разработка дорожных карт внедрения целевой модели наставничества", "до 15.11.2020", "Руководители ОО", "Дорожные карты"],
            rows[2].Elements<TableCell>().Select(c => c.InnerText));
        var multi = rows[3].Elements<TableCell>().ToList();
        Assert.Equal(["Разработка распорядительных актов, включающих:", "- сроки внедрения ЦМН;", "- назначение ответственных"], Lines(multi[1].Elements<Paragraph>().Single()));
        Assert.Equal("07.10.2021 – 25.12.2024", multi[2].InnerText);
        Assert.Equal(["Муниципальный уровень: Органы управления образованием", "Образовательные организации: Образовательные организации"],
            Lines(multi[3].Elements<Paragraph>().Single()));
        Assert.Equal("2. Информационное сопровождение", rows[4].InnerText);
        Assert.Equal("2.1.", rows[5].Elements<TableCell>().First().InnerText);
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public async Task GetDocx_LibreOffice_OpensAndReadsTheText()
    {
        var soffice = FindOnPath("soffice") ?? FindOnPath("libreoffice");
        // LibreOffice is optional on a build machine (apt-get install libreoffice-writer); the validator test above
        // always runs. Where it is installed, the document must convert.
        if (soffice is null) return;
        var sample = await CreateRoadmapAsync("Приложение к приказу ГОРУНО от 04.10.2021 № 175/1.1 – 08");
        var client = await app.SignInAsAsync(Role.RegionAdmin, sample.Tree);
        var content = await client.GetByteArrayAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx");
        var dir = Directory.CreateTempSubdirectory("nastavnik-docx-");
        try
        {
            var file = Path.Combine(dir.FullName, "roadmap.docx");
            await File.WriteAllBytesAsync(file, content);

            var (code, output) = await RunAsync(soffice, $"-env:UserInstallation=file://{dir.FullName}/profile --headless --norestore " +
                $"--convert-to txt:Text --outdir {dir.FullName} {file}");
            var (pdfCode, pdfOutput) = await RunAsync(soffice, $"-env:UserInstallation=file://{dir.FullName}/profile --headless --norestore " +
                $"--convert-to pdf --outdir {dir.FullName} {file}");

            Assert.True(code == 0, output);
            var text = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "roadmap.txt"));
            Assert.Contains(sample.Title, text);
            Assert.Contains("к приказу ГОРУНО от 04.10.2021 № 175/1.1 – 08", text);
            Assert.Contains("Разработка дорожных карт внедрения целевой модели наставничества", text);
            Assert.Contains("Результат / вид документа", text);
            Assert.True(pdfCode == 0, pdfOutput);
            var pdf = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(dir.FullName, "roadmap.pdf")));
            // A4 landscape: 842 × 595 points.
            Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+841\.\d+\s+595\.\d+\s*\]", pdf);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task GetXlsx_Curator_SameColumnsAndRowsAndAudited()
    {
        var sample = await CreateRoadmapAsync();
        var login = await app.CreateUserAsync(Role.Curator, sample.Tree);
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc));
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Xlsx.Row>()
            .Select(r => r.Elements<Xlsx.Cell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["№ п/п", "Наименование мероприятия", "Срок", "Ответственный", "Результат / вид документа"], rows[0]);
        Assert.Equal(["1.", "Нормативное правовое регулирование внедрения ЦМН", "", "", ""], rows[1]);
        Assert.Equal(["1.1.", "Разработка дорожных карт внедрения целевой модели наставничества", "до 15.11.2020", "Руководители ОО", "Дорожные карты"], rows[2]);
        Assert.Equal("2.1.", rows[5][0]);
        Assert.Equal(6, rows.Count);
        await using var db = app.Db();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => db.Users.Any(u => u.Id == a.UserId && u.UserName == login) && a.Action == AuditAction.Export
            && a.EntityType == nameof(Roadmap) && a.EntityId == sample.RoadmapId.ToString()));
    }

    [Fact]
    public async Task Get_Page_ShowsTitleAndDownloadLinks()
    {
        var sample = await CreateRoadmapAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, sample.Tree);

        var html = await client.GetStringAsync($"/Roadmaps/Export/{sample.RoadmapId}");

        Assert.Contains(sample.Title, html);
        Assert.Contains($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx", html);
        Assert.Contains($"/Roadmaps/Export/{sample.RoadmapId}?handler=Xlsx", html);
        Assert.Contains("3 мероприятия", html);
    }

    [Fact]
    public async Task GetDocx_OutOfScope_NotFoundAndMentorForbidden()
    {
        var sample = await CreateRoadmapAsync();
        var other = await app.CreateTreeAsync();
        var stranger = await app.SignInAsAsync(Role.MunicipalCoordinator, other);
        var mentor = await app.SignInAsAsync(Role.Mentor, sample.Tree);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.GetAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx")).StatusCode);
    }

    [Fact]
    public async Task GetDocx_NoBasisButOrder_AppendixFromOrderNumberAndDate()
    {
        var sample = await CreateRoadmapAsync(basis: "");
        await using (var db = app.Db())
        {
            var roadmap = await db.Roadmaps.SingleAsync(r => r.Id == sample.RoadmapId);
            roadmap.OrderNumber = "310";
            roadmap.OrderDate = new DateOnly(2020, 9, 30);
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, sample.Tree);

        var content = await client.GetByteArrayAsync($"/Roadmaps/Export/{sample.RoadmapId}?handler=Docx");

        using var doc = WordprocessingDocument.Open(new MemoryStream(content), false);
        Assert.Equal(["Приложение", "к приказу от 30.09.2020 № 310"], Lines(doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First()));
    }

    /// <summary>The lines of a paragraph: texts split at its line breaks.</summary>
    private static List<string> Lines(Paragraph p)
    {
        var lines = new List<string> { "" };
        foreach (var e in p.Descendants())
        {
            if (e is Break) lines.Add("");
            else if (e is Text t) lines[^1] += t.Text;
        }
        return lines;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

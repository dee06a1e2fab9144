using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Territories;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class BasesExportTests(AppFixture app)
{
    [Fact]
    public async Task MenteesXlsx_ColumnsAndRows_FollowSeededLayout()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await using var db = app.Db();
        var topic = await db.Topics.Where(t => t.RegionId == null && t.Name == "Подготовка к ОГЭ/ЕГЭ").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var pupil = await app.MenteeAsync(tree, program, "Смирнова", person: p => p.Phone = "+7 999 000-00-01",
            profile: m => { m.KeyTopicId = topic; m.CaseLink = "https://school.example/case"; m.Results = "Сдала ОГЭ"; });
        var mother = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Parent, LastName = "Смирнова", FirstName = "Ольга",
            Phone = "+7 900 123-45-67", Email = "mama@example.ru", Status = PersonStatus.Active,
        });
        await app.InsertAsync(new LegalRepresentative { ChildId = pupil.Id, RepresentativeId = mother.Id, Relationship = Relationship.Mother });
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync("/People/Mentees?handler=Xlsx");

        var rows = Spreadsheets.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(
        [
            "ФИО наставляемого", "Контактные данные для связи", "Возраст наставляемого", "Ключевой запрос наставляемого",
            "Дата вхождения в программу", "ФИО наставника", "Место работы/учебы наставника", "Форма наставничества",
            "Место реализации программы наставничества", "Дата завершения программы", "Результаты программы",
            "Ссылка на кейс/отзыв наставляемого, размещенный на сайте организации",
        ], rows[0].Cells);
        var row = Assert.Single(rows.Skip(1)).Cells;
        Assert.Equal("Смирнова Анна Игоревна", row[0]);
        // A minor's contacts are the representative's, neutralised because a phone begins with «+».
        Assert.Equal("'+7 900 123-45-67, mama@example.ru", row[1]);
        Assert.Equal("Подготовка к ОГЭ/ЕГЭ", row[3]);
        Assert.Equal("10.09.2026", row[4]);
        Assert.Equal("Ученик – ученик", row[7]);
        Assert.Equal("Сдала ОГЭ", row[10]);
        // No distribution consent: no case link.
        Assert.Equal("", row[11]);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == nameof(MenteeProfile) && a.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task MenteesXlsx_WithDistributionConsent_CarriesCaseLink()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, "Публичная", profile: m => m.CaseLink = "https://school.example/case-1");
        await app.InsertAsync(new Consent
        {
            PersonId = pupil.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = ConsentPurpose.Distribution,
            Signer = ConsentSigner.Self, GivenOn = new DateOnly(2026, 9, 1),
        });
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var rows = Spreadsheets.ReadXlsx(await (await client.GetAsync("/People/Mentees?handler=Xlsx")).Content.ReadAsByteArrayAsync());

        Assert.Equal("https://school.example/case-1", rows[1].Cells[11]);
    }

    [Fact]
    public async Task MenteesXlsx_BlockedAndAwaitingConsent_NotExported()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MenteeAsync(tree, program, "Отозванова", status: PersonStatus.Blocked);
        await app.MenteeAsync(tree, program, "Ждущая", status: PersonStatus.AwaitingConsent);
        await app.MenteeAsync(tree, program, "Согласная");
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var rows = Spreadsheets.ReadXlsx(await (await client.GetAsync("/People/Mentees?handler=Xlsx")).Content.ReadAsByteArrayAsync());

        Assert.Equal(["Согласная Анна Игоревна"], rows.Skip(1).Select(r => r.Cells[0]));
    }

    [Fact]
    public async Task MentorsXlsx_FormulaInjection_IsNeutralised()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MentorAsync(tree, program, "Формулова", profile: m =>
        {
            m.Achievements = "=HYPERLINK(\"http://evil\")";
            m.Interests = "@SUM(A1)";
            m.Availability = "-1+1";
        });
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var rows = Spreadsheets.ReadXlsx(await (await client.GetAsync("/People/Mentors?handler=Xlsx")).Content.ReadAsByteArrayAsync());

        Assert.Equal(16, rows[0].Cells.Count);
        Assert.Equal("ФИО наставника", rows[0].Cells[0]);
        Assert.Equal("Ссылка на кейс/отзыв наставника, размещенный на сайте организации", rows[0].Cells[15]);
        var row = rows[1].Cells;
        Assert.Equal("Формулова Ольга Петровна", row[0]);
        Assert.Equal("'+7 900 111-22-33, olga@example.ru", row[1]);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", row[4]);
        Assert.Equal("'@SUM(A1)", row[5]);
        Assert.Equal("'-1+1", row[7]);
        Assert.Equal("8 ч в месяц", row[8]);
        Assert.Equal("01.09.2026 – 31.08.2027", row[13]);
    }

    [Fact]
    public async Task MentorsDocx_Landscape_HasHeaderAndRow()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MentorAsync(tree, program, "Вордова");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync("/People/Mentors?handler=Docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Вордова Ольга Петровна", rows[1].InnerText);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape,
            body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single().GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient!.Value);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+7 900", "'+7 900")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("Иванов", "Иванов")]
    [InlineData("", "")]
    public void XlsxWriter_Neutralised_PrefixesFormulaStarts(string value, string expected) =>
        Assert.Equal(expected, XlsxWriter.Neutralised(value));
}

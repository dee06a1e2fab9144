using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

[Collection(Collections.Bases)]
public class OrderTests(AppFixture app)
{
    [Fact]
    public async Task Docx_ApprovedRun_ValidPortraitOrderListingThePairsAndAudited()
    {
        var world = await app.WorldAsync(2, 1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[1])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        MatchingData.AssertRedirect(await client.ApproveAsync(runId, number: "42-од"));

        var response = await client.GetAsync($"/Matching/Order/{runId}?handler=Docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("ПРИКАЗ", text);
        Assert.Contains("О закреплении наставнических пар (групп)", text);
        Assert.Contains("28.09.2026", text);
        Assert.Contains("№ 42-од", text);
        Assert.Contains("ПРИКАЗЫВАЮ:", text);
        Assert.Contains(world.Program.Name, text);
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.True(size.Height!.Value > size.Width!.Value, "A4 portrait");
        var rows = body.Descendants<Table>().Single().Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Наставник (ФИО, должность или класс)", rows[0].InnerText);
        var table = string.Join("\n", rows.Skip(1).Select(r => r.InnerText));
        foreach (var name in world.MenteeNames.Values.Concat(world.MentorNames.Values)) Assert.Contains(name, table);
        Assert.Contains("Ученик – ученик", table);
        Assert.Contains("01.10.2026", table);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "MatchRun" && a.EntityId == runId.ToString()));
    }

    [Fact]
    public async Task Docx_DraftRun_Returns404AndPageSaysNotReady()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Matching/Order/{runId}?handler=Docx")).StatusCode);
        var page = await client.GetAsync($"/Matching/Order/{runId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Приказ формируется после утверждения пар", await page.Content.ReadAsStringAsync());
    }
}

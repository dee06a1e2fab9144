using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class RecognitionTests(AppFixture app)
{
    [Theory]
    [InlineData("Certificate", "", "ГРАМОТА", true)]
    [InlineData("Gratitude", "", "БЛАГОДАРНОСТЬ", true)]
    [InlineData("Order", "15-п", "ПРИКАЗ", false)]
    public async Task Certificate_RecordedRecognition_ValidDocxInItsOrientationAndAudited(string kind, string number, string heading, bool landscape)
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Pairs/Closure/Recognition/{pair.GroupId}", new()
        {
            ["Form.PersonId"] = pair.MentorPersonId.ToString(), ["Form.Kind"] = kind, ["Form.GrantedOn"] = "2026-05-28",
            ["Form.OrderNumber"] = number, ["Form.Text"] = "за высокие результаты наставляемого",
        }));
        await using var db = app.Db();
        var recognition = await db.Recognitions.SingleAsync(r => r.GroupId == pair.GroupId);
        Assert.Equal(Enum.Parse<RecognitionKind>(kind), recognition.Kind);

        var response = await client.GetAsync($"/Pairs/Closure/Certificate/{pair.GroupId}?recognitionId={recognition.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains(heading, text);
        Assert.Contains((await db.People.SingleAsync(p => p.Id == pair.MentorPersonId)).FullName, text);
        Assert.Contains("за высокие результаты наставляемого", text);
        if (number.Length > 0) Assert.Contains(number, text);
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(landscape, size.Width!.Value > size.Height!.Value);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Recognition" && a.EntityId == recognition.Id.ToString()));
    }

    [Fact]
    public async Task Post_OrderWithoutNumber_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, pair.World.Tree);

        var response = await client.PostFormAsync($"/Pairs/Closure/Recognition/{pair.GroupId}", new()
        {
            ["Form.PersonId"] = pair.MentorPersonId.ToString(), ["Form.Kind"] = "Order", ["Form.GrantedOn"] = "2026-05-28",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите номер приказа", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Recognitions.AnyAsync(r => r.GroupId == pair.GroupId));
    }

    [Fact]
    public async Task Post_MenteeInsteadOfMentor_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await client.PostFormAsync($"/Pairs/Closure/Recognition/{pair.GroupId}", new()
        {
            ["Form.PersonId"] = pair.MenteePersonId.ToString(), ["Form.Kind"] = "Gratitude", ["Form.GrantedOn"] = "2026-05-28",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите наставника пары", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Certificate_RecognitionOfAnotherPair_NotFound()
    {
        var pair = await app.ClosurePairAsync();
        var other = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, other.World.Tree);
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Pairs/Closure/Recognition/{other.GroupId}", new()
        {
            ["Form.PersonId"] = other.MentorPersonId.ToString(), ["Form.Kind"] = "Gratitude", ["Form.GrantedOn"] = "2026-05-28",
        }));
        await using var db = app.Db();
        var recognition = await db.Recognitions.SingleAsync(r => r.GroupId == other.GroupId);
        var mine = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/Pairs/Closure/Certificate/{pair.GroupId}?recognitionId={recognition.Id}")).StatusCode);
    }
}

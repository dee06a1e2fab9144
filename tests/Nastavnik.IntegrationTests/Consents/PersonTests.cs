using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Consents;

[Collection(Collections.Pairs)]
public class PersonTests(AppFixture app)
{
    private static string Url(long id) => $"/Consents/Person/{id}";

    [Fact]
    public async Task Record_ParentConsentFor12YearOld_PersonActive()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync(Url(pupil) + "?handler=Record", ParentConsent(parent));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var person = await db.People.Include(p => p.Consents).SingleAsync(p => p.Id == pupil);
        Assert.Equal(PersonStatus.Active, person.Status);
        var consent = Assert.Single(person.Consents);
        Assert.Equal(ConsentSigner.Representative, consent.Signer);
        Assert.Equal(parent, consent.RepresentativeId);
        Assert.Equal("parent", consent.Authority);
        Assert.Equal("С-17", consent.DocumentNumber);
    }

    [Fact]
    public async Task Record_OnlyParentConsentFor15YearOld_StillAwaitingWithReason()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 15);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Url(pupil) + "?handler=Record", ParentConsent(parent))).StatusCode);

        await using (var db = app.Db())
            Assert.Equal(PersonStatus.AwaitingConsent, await db.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
        var html = await client.GetStringAsync(Url(pupil));
        Assert.Contains("С 14 лет нужно и согласие самого обучающегося", html);

        var own = ParentConsent(parent);
        own["Record.RepresentativeId"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Url(pupil) + "?handler=Record", own)).StatusCode);
        await using var check = app.Db();
        Assert.Equal(PersonStatus.Active, await check.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task Withdraw_ProcessingConsent_BlockedAndGoneFromLists()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, lastName) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        await client.PostFormAsync(Url(pupil) + "?handler=Record", ParentConsent(parent));
        long consentId;
        await using (var db = app.Db())
        {
            consentId = await db.Consents.Where(c => c.PersonId == pupil).Select(c => c.Id).SingleAsync();
            var program = new Nastavnik.Data.Entities.People.MentoringProgram
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = "Программа", Family = ModelFamily.Learners,
                PeriodStart = Today.AddMonths(-1), PeriodEnd = Today.AddMonths(6),
            };
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            db.MenteeProfiles.Add(new Nastavnik.Data.Entities.People.MenteeProfile
            {
                PersonId = pupil, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Source = RequestSource.ClassTeacher, EntryDate = Today, Status = ParticipationStatus.Admitted,
            });
            await db.SaveChangesAsync();
            Assert.True(await db.People.Listed().AnyAsync(p => p.LastName == lastName && p.Kind == PersonKind.Pupil));
        }

        var response = await client.PostFormAsync($"{Url(pupil)}?handler=Withdraw&consentId={consentId}",
            new() { ["withdrawnOn"] = Today.ToString("yyyy-MM-dd") }, Url(pupil));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Db();
        var person = await check.People.SingleAsync(p => p.Id == pupil);
        Assert.Equal(PersonStatus.Blocked, person.Status);
        Assert.NotNull(person.BlockedAt);
        Assert.Equal(Today, (await check.Consents.SingleAsync(c => c.Id == consentId)).WithdrawnOn);
        Assert.False(await check.People.Listed().AnyAsync(p => p.Id == pupil));
        Assert.Equal(ParticipationStatus.Left, await check.MenteeProfiles.Where(m => m.PersonId == pupil).Select(m => m.Status).SingleAsync());
        Assert.Contains("Согласие отозвано", await client.GetStringAsync(Url(pupil)));
    }

    [Fact]
    public async Task Record_FutureDate_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync(Url(pupil) + "?handler=Record", ParentConsent(parent, Today.AddDays(1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Дата согласия не может быть в будущем", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Consents.AnyAsync(c => c.PersonId == pupil));
    }

    [Fact]
    public async Task Record_ScanOfWrongType_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in ParentConsent(parent)) content.Add(new StringContent(v), k);
        // A text file named .pdf: the extension alone does not make it a scan.
        var file = new ByteArrayContent("это не PDF"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Record.Scan", "скан.pdf");

        var response = await client.PostMultipartAsync(Url(pupil) + "?handler=Record", content, Url(pupil));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Скан согласия должен быть файлом PDF, JPG или PNG", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Consents.AnyAsync(c => c.PersonId == pupil));
    }

    [Fact]
    public async Task Record_PdfScan_StoredAndDownloadable()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in ParentConsent(parent)) content.Add(new StringContent(v), k);
        var pdf = "%PDF-1.4\n%скан\n"u8.ToArray();
        content.Add(new ByteArrayContent(pdf), "Record.Scan", "согласие.pdf");

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostMultipartAsync(Url(pupil) + "?handler=Record", content, Url(pupil))).StatusCode);

        await using var db = app.Db();
        var consent = await db.Consents.SingleAsync(c => c.PersonId == pupil);
        Assert.Equal("согласие.pdf", consent.ScanFileName);
        var download = await client.GetAsync($"{Url(pupil)}?handler=Scan&consentId={consent.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AddRepresentative_Guardian_NeedsDocumentThenLinked()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, lastName) = await PupilWithParentAsync(app, tree, 10);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var fields = new Dictionary<string, string>
        {
            ["NewRepresentative.LastName"] = "Опекунова", ["NewRepresentative.FirstName"] = "Мария",
            ["NewRepresentative.Relationship"] = "Guardian", ["NewRepresentative.Phone"] = "+7 900 555-55-55",
        };

        var refused = await client.PostFormAsync(Url(pupil) + "?handler=Representative", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Для опекуна и попечителя укажите документ", await refused.Content.ReadAsStringAsync());

        fields["NewRepresentative.Document"] = "Постановление об опеке № 12 от 01.02.2024";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Url(pupil) + "?handler=Representative", fields)).StatusCode);
        await using var db = app.Db();
        var link = await db.LegalRepresentatives.Include(r => r.Representative)
            .SingleAsync(r => r.ChildId == pupil && r.Relationship == Relationship.Guardian);
        Assert.Equal(PersonKind.Parent, link.Representative.Kind);
        Assert.Equal(tree.OrganizationId, link.Representative.OrganizationId);
        Assert.Equal("Постановление об опеке № 12 от 01.02.2024", link.Document);
    }

    [Fact]
    public async Task AnotherSchoolsCurator_Person_NotFound()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var otherTree = await app.CreateTreeAsync();
        var other = await app.SignInAsAsync(Role.Curator, otherTree);
        var own = await PupilWithParentAsync(app, otherTree, 12);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url(pupil))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url(pupil) + "?handler=Form")).StatusCode);
        // A POST with a valid token (from the curator's own pupil's page) still answers 404 for the foreign person.
        var token = await HttpClientForms.AntiforgeryTokenAsync(other, Url(own.PupilId));
        var body = new Dictionary<string, string>(ParentConsent(parent)) { ["__RequestVerificationToken"] = token };
        var post = await other.PostAsync(Url(pupil) + "?handler=Record", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Consents.AnyAsync(c => c.PersonId == pupil));
    }

    [Fact]
    public async Task Form_PrintableDocx_ValidAndNamesPupilAndParent()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, lastName) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"{Url(pupil)}?handler=Form&representativeId={parent}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains($"{lastName} Иван Петрович", text);
        Assert.Contains($"{lastName} Анна Сергеевна", text);
        Assert.Contains("152-ФЗ", text);
        Assert.Contains("отозвано", text);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Person" && a.EntityId == pupil.ToString()));
    }

    [Theory]
    [InlineData("Processing", false)]
    [InlineData("Distribution", true)]
    [InlineData("Distribution", false)]
    [InlineData("ExtraDuties", false)]
    public async Task Form_EachPurpose_ValidDocx(string purpose, bool withRepresentative)
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, lastName) = await PupilWithParentAsync(app, tree, 16);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.GetAsync($"{Url(pupil)}?handler=Form&purpose={purpose}{(withRepresentative ? $"&representativeId={parent}" : "")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains($"{lastName} Иван Петрович", text);
        Assert.Equal(withRepresentative, text.Contains("Анна Сергеевна"));
    }

    [Fact]
    public async Task Form_RepresentativeOfAnotherPerson_NotFound()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, _) = await PupilWithParentAsync(app, tree, 12);
        var (_, strangerParent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url(pupil)}?handler=Form&representativeId={strangerParent}")).StatusCode);
    }

    [Fact]
    public async Task Record_SignedBySomeoneElsesParent_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, _) = await PupilWithParentAsync(app, tree, 12);
        var (_, strangerParent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync(Url(pupil) + "?handler=Record", ParentConsent(strangerParent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите подписавшего из законных представителей", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Consents.AnyAsync(c => c.PersonId == pupil));
    }

    [Fact]
    public async Task Record_OwnConsentUnder14_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var fields = ParentConsent(parent);
        fields["Record.RepresentativeId"] = "";

        var response = await client.PostFormAsync(Url(pupil) + "?handler=Record", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("До 14 лет согласие подписывает законный представитель", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Card_AuditedAsRead()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, lastName) = await PupilWithParentAsync(app, tree, 12);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var html = await client.GetStringAsync(Url(pupil));

        Assert.Contains(lastName, html);
        Assert.Contains("Нет согласия законного представителя", html);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "Person" && a.EntityId == pupil.ToString()));
    }
}

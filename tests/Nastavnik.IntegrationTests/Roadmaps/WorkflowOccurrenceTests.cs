using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>Execution records: who keeps them, when, and their evidence (files and links).</summary>
[Collection(Collections.Roadmaps)]
public class WorkflowOccurrenceTests(AppFixture app)
{
    [Fact]
    public async Task Post_DoneWithoutDate_RecordsTodayAndWho()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var curator = await app.SignInAsync(login);

        var response = await curator.PostFormAsync($"/Roadmaps/Occurrence/{occurrenceId}",
            new() { ["Form.Status"] = "Done", ["Form.DoneOn"] = "", ["Form.Comment"] = "Дорожная карта разработана" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var record = await db.RoadmapOccurrences.AsNoTracking().SingleAsync(o => o.Id == occurrenceId);
        Assert.Equal(OccurrenceStatus.Done, record.Status);
        Assert.Equal(DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow)), record.DoneOn);
        Assert.Equal("Дорожная карта разработана", record.Comment);
        Assert.Equal(await app.UserIdAsync(login), record.UpdatedByUserId);
    }

    [Fact]
    public async Task Evidence_FileAndLink_AreSavedListedAndDownloadable()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality, RoadmapStatus.Approved);
        // The fanned-out occurrence addressed to the tree's school.
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Roadmaps/Occurrence/{occurrenceId}";
        var bytes = "Приказ об утверждении дорожной карты"u8.ToArray();

        var link = await curator.PostFormAsync($"{url}?handler=Link", new() { ["link"] = "https://school.example.ru/docs/order-15.pdf" }, url);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var upload = await curator.PostMultipartAsync($"{url}?handler=Upload", new MultipartFormDataContent { { file, "evidenceFile", "приказ.pdf" } }, url);

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await using var db = app.Db();
        var evidence = await db.RoadmapEvidence.AsNoTracking().Where(e => e.OccurrenceId == occurrenceId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["link", "file"], evidence.Select(e => e.Kind));
        Assert.Equal("https://school.example.ru/docs/order-15.pdf", evidence[0].Url);
        Assert.Equal("приказ.pdf", evidence[1].FileName);
        Assert.Equal(bytes, evidence[1].Content);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var page = await (await coordinator.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("https://school.example.ru/docs/order-15.pdf", page);
        Assert.Contains("приказ.pdf", page);
        var download = await coordinator.GetAsync($"{url}?handler=File&evidenceId={evidence[1].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.ru/order.pdf")]
    [InlineData("school.example.ru/order")]
    public async Task Link_NotHttp_RefusedAndNothingSaved(string link)
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Roadmaps/Occurrence/{occurrenceId}";

        var response = await curator.PostFormAsync($"{url}?handler=Link", new() { ["link"] = link }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ссылка должна быть адресом в интернете, начинающимся с http:// или https://",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
        await using var db = app.Db();
        Assert.False(await db.RoadmapEvidence.AnyAsync(e => e.OccurrenceId == occurrenceId));
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_RefusedAndNothingSaved()
    {
        await using var site = AppFixture.CreateFactory(app.ConnectionString, b => b.UseSetting("Nastavnik:MaxUploadBytes", "1024"));
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Agreed);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var client = AppFixture.ClientFor(AppFixture.AddressOf(site));
        await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = await app.CreateUserAsync(Role.Curator, tree), ["Form.Password"] = AppFixture.Password });
        var url = $"/Roadmaps/Occurrence/{occurrenceId}";

        var response = await client.PostMultipartAsync($"{url}?handler=Upload",
            new MultipartFormDataContent { { new ByteArrayContent(new byte[1025]), "evidenceFile", "скан.pdf" } }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()), e => e.StartsWith("Файл больше"));
        await using var db = app.Db();
        Assert.False(await db.RoadmapEvidence.AnyAsync(e => e.OccurrenceId == occurrenceId));
    }

    [Fact]
    public async Task Remove_Evidence_DeletesIt()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        long evidenceId;
        await using (var db = app.Db())
        {
            var evidence = new Nastavnik.Data.Entities.Roadmaps.RoadmapEvidence { OccurrenceId = occurrenceId, Kind = "link", Url = "https://example.ru/a" };
            db.RoadmapEvidence.Add(evidence);
            await db.SaveChangesAsync();
            evidenceId = evidence.Id;
        }
        var head = await app.SignInAsAsync(Role.OrgHead, tree);
        var url = $"/Roadmaps/Occurrence/{occurrenceId}";

        var response = await head.PostFormAsync($"{url}?handler=Remove&evidenceId={evidenceId}", new(), url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Db();
        Assert.False(await check.RoadmapEvidence.AnyAsync(e => e.Id == evidenceId));
    }

    [Fact]
    public async Task Post_DraftRoadmap_RefusedWithMessage()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Roadmaps/Occurrence/{occurrenceId}";

        var page = await (await curator.GetAsync(url)).Content.ReadAsStringAsync();
        var response = await curator.PostFormAsync(url, new() { ["Form.Status"] = "Done" });
        var link = await curator.PostFormAsync($"{url}?handler=Link", new() { ["link"] = "https://example.ru/a" }, url);

        Assert.DoesNotContain("Сохранить отметку", page);
        Assert.Contains("Отметки об исполнении ведутся по согласованной или утверждённой дорожной карте; эта — в статусе «Черновик».",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        await using var db = app.Db();
        Assert.True(await db.RoadmapOccurrences.AnyAsync(o => o.Id == occurrenceId && o.Status == OccurrenceStatus.NotStarted));
        Assert.False(await db.RoadmapEvidence.AnyAsync(e => e.OccurrenceId == occurrenceId));
    }

    [Fact]
    public async Task Post_CoordinatorOnSchoolsOccurrence_Returns403_ButKeepsMunicipalOnes()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality, RoadmapStatus.Approved);
        var schoolOccurrence = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var municipalOccurrence = await app.OccurrenceIdAsync(roadmap.WindowItemId);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var school = await coordinator.PostFormAsync($"/Roadmaps/Occurrence/{schoolOccurrence}", new() { ["Form.Status"] = "Done" });
        var own = await coordinator.PostFormAsync($"/Roadmaps/Occurrence/{municipalOccurrence}", new() { ["Form.Status"] = "InProgress" });

        Assert.Equal(HttpStatusCode.Forbidden, school.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        await using var db = app.Db();
        Assert.Equal(OccurrenceStatus.NotStarted, (await db.RoadmapOccurrences.SingleAsync(o => o.Id == schoolOccurrence)).Status);
        Assert.Equal(OccurrenceStatus.InProgress, (await db.RoadmapOccurrences.SingleAsync(o => o.Id == municipalOccurrence)).Status);
    }

    [Fact]
    public async Task Get_CuratorOfAnotherSchool_Returns404ForRecordAndFile()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        var stranger = await app.SignInAsAsync(Role.Curator, other);

        var page = await stranger.GetAsync($"/Roadmaps/Occurrence/{occurrenceId}");
        var file = await stranger.GetAsync($"/Roadmaps/Occurrence/{occurrenceId}?handler=File&evidenceId=1");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }
}

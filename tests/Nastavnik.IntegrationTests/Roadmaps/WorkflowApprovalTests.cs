using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Territories;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>The approval flow on the roadmap card: statuses, rights, required comments and order, history.</summary>
[Collection(Collections.Roadmaps)]
public class WorkflowApprovalTests(AppFixture app)
{
    [Fact]
    public async Task OrganizationFlow_DraftToApproved_WritesEveryStepToHistory()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curatorLogin = await app.CreateUserAsync(Role.Curator, tree);
        var coordinatorLogin = await app.CreateUserAsync(Role.MunicipalCoordinator, tree);
        var headLogin = await app.CreateUserAsync(Role.OrgHead, tree);
        var curator = await app.SignInAsync(curatorLogin);
        var coordinator = await app.SignInAsync(coordinatorLogin);
        var head = await app.SignInAsync(headLogin);
        var id = roadmap.RoadmapId;

        var submit = await app.PostCardAsync(curator, id, "Submit", new() { ["Submit.Comment"] = "Прошу согласовать" }, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(RoadmapStatus.Submitted, (await app.RoadmapAsync(id)).Status);

        var blankReturn = await app.PostCardAsync(coordinator, id, "Return", new() { ["Return.Comment"] = "" }, "Return");
        Assert.Equal(HttpStatusCode.OK, blankReturn.StatusCode);
        Assert.Contains("Укажите, что нужно исправить", WorkflowData.FormErrors(await blankReturn.Content.ReadAsStringAsync()));
        Assert.Equal(RoadmapStatus.Submitted, (await app.RoadmapAsync(id)).Status);

        var returned = await app.PostCardAsync(coordinator, id, "Return", new()
        {
            ["Return.Comment"] = "Уточните сроки",
            [$"Return.ItemComments[{roadmap.UnrecognizedItemId}]"] = "Срок не распознан — укажите дату",
            [$"Return.ItemComments[{roadmap.OnceItemId}]"] = "",
        }, "Return");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var afterReturn = await app.RoadmapAsync(id);
        Assert.Equal(RoadmapStatus.Returned, afterReturn.Status);
        var returnChange = afterReturn.StatusChanges.Single(c => c.ToStatus == RoadmapStatus.Returned);
        Assert.Equal("Уточните сроки", returnChange.Comment);
        var itemComment = Assert.Single(returnChange.ItemComments);
        Assert.Equal((roadmap.UnrecognizedItemId, "Срок не распознан — укажите дату"), (itemComment.ItemId, itemComment.Comment));
        var cardForCurator = await (await curator.GetAsync($"/Roadmaps/Card/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Замечание: Срок не распознан — укажите дату", cardForCurator);

        Assert.Equal(HttpStatusCode.Redirect, (await app.PostCardAsync(curator, id, "Submit", prefix: "Submit")).StatusCode);
        var agree = await app.PostCardAsync(coordinator, id, "Agree", new() { ["Agree.Comment"] = "" }, "Agree");
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);
        Assert.Equal(RoadmapStatus.Agreed, (await app.RoadmapAsync(id)).Status);

        var noOrder = await app.PostCardAsync(head, id, "Approve", new() { ["Approve.OrderNumber"] = "", ["Approve.OrderDate"] = "" }, "Approve");
        var noOrderErrors = WorkflowData.FormErrors(await noOrder.Content.ReadAsStringAsync());
        Assert.Contains("Укажите номер приказа", noOrderErrors);
        Assert.Contains("Укажите дату приказа", noOrderErrors);
        Assert.Equal(RoadmapStatus.Agreed, (await app.RoadmapAsync(id)).Status);

        var approve = await app.PostCardAsync(head, id, "Approve",
            new() { ["Approve.OrderNumber"] = "15-ОД", ["Approve.OrderDate"] = "2020-11-20" }, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var approved = await app.RoadmapAsync(id);
        Assert.Equal(RoadmapStatus.Approved, approved.Status);
        Assert.Equal("15-ОД", approved.OrderNumber);
        Assert.Equal(new DateOnly(2020, 11, 20), approved.OrderDate);
        var history = approved.StatusChanges.OrderBy(c => c.Id).Select(c => (c.FromStatus, c.ToStatus)).ToList();
        Assert.Equal(
        [
            (RoadmapStatus.Draft, RoadmapStatus.Submitted), (RoadmapStatus.Submitted, RoadmapStatus.Returned),
            (RoadmapStatus.Returned, RoadmapStatus.Submitted), (RoadmapStatus.Submitted, RoadmapStatus.Agreed),
            (RoadmapStatus.Agreed, RoadmapStatus.Approved),
        ], history);
        var who = approved.StatusChanges.OrderBy(c => c.Id).Select(c => c.UserId).ToList();
        var (curatorId, coordinatorId, headId) = (await app.UserIdAsync(curatorLogin), await app.UserIdAsync(coordinatorLogin), await app.UserIdAsync(headLogin));
        Assert.Equal([curatorId, coordinatorId, curatorId, coordinatorId, headId], who);
        Assert.Contains("15-ОД", approved.StatusChanges.Single(c => c.ToStatus == RoadmapStatus.Approved).Comment);

        var card = await (await head.GetAsync($"/Roadmaps/Card/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Согласована → Утверждена", card);
        Assert.Contains("Пункт 1.3. Согласование положения о наставничестве: Срок не распознан — укажите дату", card);
    }

    [Fact]
    public async Task Agree_AsCurator_Returns403AndKeepsStatus()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Submitted);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var card = await (await curator.GetAsync($"/Roadmaps/Card/{roadmap.RoadmapId}")).Content.ReadAsStringAsync();
        var response = await app.PostCardAsync(curator, roadmap.RoadmapId, "Agree", prefix: "Agree");

        Assert.DoesNotContain("Согласовать (в рамках компетенции)", card);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RoadmapStatus.Submitted, (await app.RoadmapAsync(roadmap.RoadmapId)).Status);
    }

    [Fact]
    public async Task Approve_OrganizationRoadmapAsCurator_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Agreed);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await app.PostCardAsync(curator, roadmap.RoadmapId, "Approve",
            new() { ["Approve.OrderNumber"] = "1", ["Approve.OrderDate"] = "2020-11-20" }, "Approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RoadmapStatus.Agreed, (await app.RoadmapAsync(roadmap.RoadmapId)).Status);
    }

    [Fact]
    public async Task Card_CoordinatorOfAnotherMunicipality_Returns404ForPageAndAction()
    {
        var tree = await app.CreateTreeAsync();
        var sibling = await app.AddSiblingAsync(tree);
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Submitted);
        var stranger = await app.SignInAsAsync(Role.MunicipalCoordinator, sibling);
        var token = await HttpClientForms.AntiforgeryTokenAsync(stranger, "/Roadmaps");

        var card = await stranger.GetAsync($"/Roadmaps/Card/{roadmap.RoadmapId}");
        var agree = await stranger.PostAsync($"/Roadmaps/Card/{roadmap.RoadmapId}?handler=Agree", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Agree.RowVersion"] = (await app.RoadmapRowVersionAsync(roadmap.RoadmapId)).ToString(),
        }));

        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, agree.StatusCode);
        Assert.Equal(RoadmapStatus.Submitted, (await app.RoadmapAsync(roadmap.RoadmapId)).Status);
    }

    [Fact]
    public async Task Agree_AfterAnotherReviewerReturnedIt_ShowsStaleMessage()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Submitted);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var regionAdmin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var seenRowVersion = (await app.RoadmapRowVersionAsync(roadmap.RoadmapId)).ToString();
        var token = await HttpClientForms.AntiforgeryTokenAsync(coordinator, $"/Roadmaps/Card/{roadmap.RoadmapId}");
        await app.PostCardAsync(regionAdmin, roadmap.RoadmapId, "Return", new() { ["Return.Comment"] = "Доработать" }, "Return");

        var response = await coordinator.PostAsync($"/Roadmaps/Card/{roadmap.RoadmapId}?handler=Agree", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Agree.RowVersion"] = seenRowVersion }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Действие уже недоступно: дорожная карта сейчас в статусе «Возвращена на доработку». Обновите страницу.",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
        Assert.Equal(RoadmapStatus.Returned, (await app.RoadmapAsync(roadmap.RoadmapId)).Status);
    }

    [Fact]
    public async Task Approve_MunicipalDraftByOwnCoordinator_ApprovedDirectlyWithOrder()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var card = await (await coordinator.GetAsync($"/Roadmaps/Card/{roadmap.RoadmapId}")).Content.ReadAsStringAsync();
        var response = await app.PostCardAsync(coordinator, roadmap.RoadmapId, "Approve",
            new() { ["Approve.OrderNumber"] = "423", ["Approve.OrderDate"] = "2020-09-15" }, "Approve");

        Assert.DoesNotContain("Отправить на согласование", card);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var approved = await app.RoadmapAsync(roadmap.RoadmapId);
        Assert.Equal(RoadmapStatus.Approved, approved.Status);
        Assert.Equal("423", approved.OrderNumber);
        var change = Assert.Single(approved.StatusChanges);
        Assert.Equal((RoadmapStatus.Draft, RoadmapStatus.Approved), (change.FromStatus, change.ToStatus));
    }

    [Fact]
    public async Task Approve_MunicipalDraftByCuratorOfItsSchool_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await app.PostCardAsync(curator, roadmap.RoadmapId, "Approve",
            new() { ["Approve.OrderNumber"] = "423", ["Approve.OrderDate"] = "2020-09-15" }, "Approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RoadmapStatus.Draft, (await app.RoadmapAsync(roadmap.RoadmapId)).Status);
    }

    [Fact]
    public async Task NewVersion_ApprovedRoadmap_CopiesAsDraftWithRecordsAndKeepsTheOld()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        await using (var db = app.Db())
        {
            var occurrence = await db.RoadmapOccurrences.SingleAsync(o => o.Id == occurrenceId);
            (occurrence.Status, occurrence.DoneOn) = (OccurrenceStatus.Done, new DateOnly(2020, 11, 10));
            db.RoadmapStatusChanges.Add(new() { RoadmapId = roadmap.RoadmapId, FromStatus = RoadmapStatus.Agreed, ToStatus = RoadmapStatus.Approved });
            await db.SaveChangesAsync();
        }
        var head = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await app.PostCardAsync(head, roadmap.RoadmapId, "NewVersion");
        var again = await app.PostCardAsync(head, roadmap.RoadmapId, "NewVersion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var copy = await app.RoadmapAsync(newId);
        var old = await app.RoadmapAsync(roadmap.RoadmapId);
        Assert.Equal((RoadmapStatus.Draft, 2, roadmap.RoadmapId), (copy.Status, copy.Version, copy.SourceRoadmapId));
        Assert.Equal((tree.OrganizationId, RoadmapLevel.Organization), (copy.OrganizationId!.Value, copy.Level));
        Assert.Equal(old.Items.OrderBy(i => i.Position).Select(i => (i.Number, i.Title, i.DeadlineText)),
            copy.Items.OrderBy(i => i.Position).Select(i => (i.Number, i.Title, i.DeadlineText)));
        Assert.Equal(old.Sections.Single().Title, copy.Sections.Single().Title);
        var copiedRecord = copy.Items.Single(i => i.Number == "1.1.").Occurrences.Single();
        Assert.Equal((OccurrenceStatus.Done, new DateOnly(2020, 11, 10)), (copiedRecord.Status, copiedRecord.DoneOn));
        Assert.Empty(copy.StatusChanges);
        Assert.Equal(RoadmapStatus.Approved, old.Status);
        Assert.Single(old.StatusChanges);
        Assert.Contains("Новая версия этой дорожной карты уже создана", WorkflowData.FormErrors(await again.Content.ReadAsStringAsync()));
        await using var check = app.Db();
        Assert.Equal(1, await check.Roadmaps.CountAsync(r => r.SourceRoadmapId == roadmap.RoadmapId));
    }

    [Fact]
    public async Task NewVersion_DraftRoadmap_ShowsStatusMessage()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var head = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await app.PostCardAsync(head, roadmap.RoadmapId, "NewVersion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Действие уже недоступно: дорожная карта сейчас в статусе «Черновик». Обновите страницу.",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Card_UnrecognizedDeadline_ShowsBadgeAndParsedDates()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await (await coordinator.GetAsync($"/Roadmaps/Card/{roadmap.RoadmapId}")).Content.ReadAsStringAsync();

        Assert.Contains("срок не распознан", html);
        Assert.Contains("01.10.2020–31.12.2020", html);
        Assert.Contains("15.11.2020", html);
        Assert.Contains($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}", html);
        Assert.Contains("Утвердить приказом", html);
    }
}

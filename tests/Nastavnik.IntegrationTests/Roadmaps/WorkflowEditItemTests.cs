using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>Editing a draft's items and header: re-parsed deadlines, hand-set dates, rebuilt occurrences, refusals.</summary>
[Collection(Collections.Roadmaps)]
public class WorkflowEditItemTests(AppFixture app)
{
    private static Dictionary<string, string> Fields(string number, string title, string deadline, string start = "", string due = "", bool fanOut = false) => new()
    {
        ["Form.Number"] = number, ["Form.Title"] = title, ["Form.DeadlineText"] = deadline, ["Form.StartDate"] = start,
        ["Form.DueDate"] = due, ["Form.Responsible"] = "Руководители ОО", ["Form.Result"] = "Положение", ["Form.Stage"] = "",
        ["Form.FanOut"] = fanOut ? "true" : "false",
    };

    [Fact]
    public async Task Post_UnrecognizedDeadlineWithHandSetDates_SchedulesItAndBuildsTheOccurrence()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}",
            Fields("1.3.", "Согласование положения о наставничестве", "по согласованию с ведомством", "2020-11-01", "2020-11-20"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.UnrecognizedItemId);
        Assert.NotEqual(DeadlineKind.Unrecognized, item.DeadlineKind);
        Assert.Equal("по согласованию с ведомством", item.DeadlineText);
        Assert.Equal(("01.11.2020", "20.11.2020"), (item.StartText, item.EndText));
        var occurrence = Assert.Single(item.Occurrences);
        Assert.Equal((new DateOnly(2020, 11, 20), tree.OrganizationId), (occurrence.DueDate!.Value, occurrence.OrganizationId!.Value));
        var form = await (await curator.GetAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"2020-11-20\"", form);
    }

    [Fact]
    public async Task Post_NewDeadlineText_IsParsedAndOccurrencesRebuilt()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await coordinator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}",
            Fields("1.3.", "Согласование положения о наставничестве", "до 01.12.2020", fanOut: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.UnrecognizedItemId);
        Assert.Equal((DeadlineKind.Once, "до 01.12.2020", true), (item.DeadlineKind, item.DeadlineText, item.FanOut));
        var occurrence = Assert.Single(item.Occurrences);
        Assert.Equal((new DateOnly(2020, 12, 1), tree.OrganizationId), (occurrence.DueDate!.Value, occurrence.OrganizationId!.Value));
    }

    [Fact]
    public async Task Post_StillUnrecognizedText_SavesAndSaysSo()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var head = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await head.PostFormAsync($"/Roadmaps/EditItem/{roadmap.OnceItemId}",
            Fields("1.1.", "Разработка дорожных карт", "когда-нибудь потом"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.OnceItemId);
        Assert.Equal(DeadlineKind.Unrecognized, item.DeadlineKind);
        Assert.Empty(item.Occurrences);
    }

    [Fact]
    public async Task Post_DatesOutsideThePeriodOrReversed_RefusedWithMessages()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var outside = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}",
            Fields("1.3.", "Согласование", "x", "", "2025-01-01"));
        var reversed = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}",
            Fields("1.3.", "Согласование", "x", "2020-12-01", "2020-11-01"));
        var noTitle = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.UnrecognizedItemId}", Fields("1.3.", "", "x"));

        Assert.Contains("Даты должны лежать в периоде дорожной карты (01.09.2020–31.12.2021)", WorkflowData.FormErrors(await outside.Content.ReadAsStringAsync()));
        Assert.Contains("Дата начала позже даты окончания", WorkflowData.FormErrors(await reversed.Content.ReadAsStringAsync()));
        Assert.Contains("Укажите наименование мероприятия", WorkflowData.FormErrors(await noTitle.Content.ReadAsStringAsync()));
        var item = (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.UnrecognizedItemId);
        Assert.Equal(("по согласованию с ведомством", ""), (item.DeadlineText, item.EndText));
    }

    [Fact]
    public async Task Post_ApprovedRoadmap_RefusedAndItemUnchanged()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization, RoadmapStatus.Approved);
        var head = await app.SignInAsAsync(Role.OrgHead, tree);

        var form = await (await head.GetAsync($"/Roadmaps/EditItem/{roadmap.OnceItemId}")).Content.ReadAsStringAsync();
        var response = await head.PostFormAsync($"/Roadmaps/EditItem/{roadmap.OnceItemId}",
            Fields("1.1.", "Другое название", "до 01.12.2020"));

        Assert.DoesNotContain("name=\"Form.Title\"", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("пункты меняются только в черновике или после возврата на доработку", await response.Content.ReadAsStringAsync());
        var item = (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.OnceItemId);
        Assert.Equal(("Разработка дорожных карт", "до 15.11.2020"), (item.Title, item.DeadlineText));
    }

    [Fact]
    public async Task Post_CuratorOnMunicipalRoadmap_Returns403()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Municipality);
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.OnceItemId}",
            Fields("1.1.", "Другое название", "до 01.12.2020"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Разработка дорожных карт", (await app.RoadmapAsync(roadmap.RoadmapId)).Items.Single(i => i.Id == roadmap.OnceItemId).Title);
    }

    [Fact]
    public async Task Post_ItemWithFilledRecord_ScheduleChangeRefused()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var occurrenceId = await app.OccurrenceIdAsync(roadmap.OnceItemId);
        await using (var db = app.Db())
        {
            (await db.RoadmapOccurrences.SingleAsync(o => o.Id == occurrenceId)).Status = OccurrenceStatus.InProgress;
            await db.SaveChangesAsync();
        }
        var curator = await app.SignInAsAsync(Role.Curator, tree);

        var response = await curator.PostFormAsync($"/Roadmaps/EditItem/{roadmap.OnceItemId}",
            Fields("1.1.", "Разработка дорожных карт", "до 01.12.2020"));

        Assert.Contains("По пункту уже есть отметки об исполнении: срок и охват изменить нельзя",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
        await using var check = app.Db();
        Assert.True(await check.RoadmapOccurrences.AnyAsync(o => o.Id == occurrenceId && o.Status == OccurrenceStatus.InProgress));
    }

    [Fact]
    public async Task EditHeader_NewPeriod_SavesAndReschedulesItems()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var title = AppFixture.Unique("Дорожная карта школы");

        var response = await curator.PostFormAsync($"/Roadmaps/Edit/{roadmap.RoadmapId}", new()
        {
            ["Form.Version"] = (await app.RoadmapRowVersionAsync(roadmap.RoadmapId)).ToString(), ["Form.Title"] = title,
            ["Form.PeriodStart"] = "2020-09-01", ["Form.PeriodEnd"] = "2024-12-31", ["Form.Basis"] = "Приказ школы от 01.09.2020 № 1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.RoadmapAsync(roadmap.RoadmapId);
        Assert.Equal((title, new DateOnly(2024, 12, 31)), (saved.Title, saved.PeriodEnd));
        Assert.Equal(new DateOnly(2020, 11, 15), saved.Items.Single(i => i.Id == roadmap.OnceItemId).Occurrences.Single().DueDate);
    }

    [Fact]
    public async Task EditHeader_StaleVersion_RefusedWithConcurrencyMessage()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var stale = (await app.RoadmapRowVersionAsync(roadmap.RoadmapId)).ToString();
        await using (var db = app.Db())
        {
            (await db.Roadmaps.SingleAsync(r => r.Id == roadmap.RoadmapId)).Basis = "Изменено другим";
            await db.SaveChangesAsync();
        }

        var response = await curator.PostFormAsync($"/Roadmaps/Edit/{roadmap.RoadmapId}", new()
        {
            ["Form.Version"] = stale, ["Form.Title"] = "Новое", ["Form.PeriodStart"] = "2020-09-01", ["Form.PeriodEnd"] = "2021-12-31",
        });

        Assert.Contains("Запись изменена другим пользователем. Обновите страницу и повторите.",
            WorkflowData.FormErrors(await response.Content.ReadAsStringAsync()));
        Assert.Equal(roadmap.Title, (await app.RoadmapAsync(roadmap.RoadmapId)).Title);
    }
}

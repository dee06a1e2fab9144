using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Roadmaps;
using static Nastavnik.IntegrationTests.Roadmaps.ControlTestData;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class ControlTests(AppFixture app)
{
    private const string Date = "2021-12-31";

    /// <summary>School A: 2 on time, 1 late, 1 not done, 1 upcoming; school B: 1 on time, 3 not done; the municipality's own: 1 late.</summary>
    private async Task<(AppFixture.Tree Tree, long SchoolB, string NameA, string NameB, Created Roadmap)> CreatePictureAsync()
    {
        var tree = await app.CreateTreeAsync();
        var nameB = AppFixture.Unique("Школа Б");
        var schoolB = await AddOrganizationAsync(app, tree, nameB);
        await using var db = app.Db();
        var nameA = await db.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var a = tree.OrganizationId;
        var roadmap = await CreateAsync(app, tree,
        [
            new(a, D(2021, 11, 15), OccurrenceStatus.Done, D(2021, 11, 1)),
            new(a, D(2021, 11, 15), OccurrenceStatus.Done, D(2021, 11, 15)),
            new(a, D(2021, 11, 15), OccurrenceStatus.Done, D(2021, 12, 20)),
            new(a, D(2021, 12, 1), OccurrenceStatus.InProgress, null, "Просроченное мероприятие школы А"),
            new(a, D(2022, 1, 20), OccurrenceStatus.NotStarted, null, "Ближайшее мероприятие школы А"),
            new(a, null),
            new(schoolB, D(2021, 10, 1), OccurrenceStatus.Done, D(2021, 9, 1)),
            new(schoolB, D(2021, 10, 1)),
            new(schoolB, D(2021, 10, 2), OccurrenceStatus.NotDone),
            new(schoolB, D(2021, 12, 30), OccurrenceStatus.Done, D(2022, 1, 5)),
            new(null, D(2021, 6, 1), OccurrenceStatus.Done, D(2021, 7, 1), "Собственное мероприятие муниципалитета"),
        ]);
        return (tree, schoolB, nameA, nameB, roadmap);
    }

    [Fact]
    public async Task Get_RegionAdmin_CountsPerOrganizationAndRollsUpSums()
    {
        var (tree, _, nameA, nameB, _) = await CreatePictureAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.GetAsync($"/Roadmaps/Control?node=r{tree.RegionId}&date={Date}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Organization | on time | late | not done | upcoming | total | share
        Assert.Equal(["2", "1", "1", "1", "5", "50 %"], RowCells(html, nameA)![1..]);
        Assert.Equal(["1", "0", "3", "0", "4", "25 %"], RowCells(html, nameB)![1..]);
        Assert.Equal(["0", "1", "0", "0", "1", "0 %"], RowCells(html, "Мероприятия муниципального уровня")![1..]);
        // Sums recomputed from counts: 3 of 9 checked, not the average of 50 %, 25 % and 0 %.
        Assert.Equal(["3", "2", "4", "1", "10", "33,3 %"], RowCells(html, "Итого по муниципалитету")![1..]);
        Assert.Equal(["3", "2", "4", "1", "10", "33,3 %"], RowCells(html, "Итого по региону")![1..]);
    }

    [Fact]
    public async Task Get_EarlierControlPoint_JudgesAsOfThatDate()
    {
        var (tree, _, nameA, _, _) = await CreatePictureAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await client.GetStringAsync($"/Roadmaps/Control?node=m{tree.MunicipalityId}&date=2021-11-10");

        // On 10.11.2021 only the item done on 01.11 was done; the other 15.11 items were still ahead.
        Assert.Equal(["1", "0", "0", "4", "5", "100 %"], RowCells(html, nameA)![1..]);
    }

    [Fact]
    public async Task Get_Curator_SeesOnlyOwnOrganization()
    {
        var (tree, schoolB, nameA, nameB, roadmap) = await CreatePictureAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Roadmaps/Control?date={Date}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["2", "1", "1", "1", "5", "50 %"], RowCells(html, nameA)![1..]);
        Assert.DoesNotContain(nameB, html);
        Assert.DoesNotContain("Собственное мероприятие муниципалитета", html);
        Assert.Contains("Просроченное мероприятие школы А", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=o{schoolB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=m{tree.MunicipalityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=r{tree.RegionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=o{schoolB}&handler=Xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Roadmaps/Control?node=zz")).StatusCode);
    }

    [Fact]
    public async Task Get_CoordinatorOfAnotherMunicipality_GetsNotFound()
    {
        var (tree, _, _, _, _) = await CreatePictureAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, other);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=m{tree.MunicipalityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Roadmaps/Control?node=o{tree.OrganizationId}")).StatusCode);
    }

    [Fact]
    public async Task Get_Lists_ShowOverdueAndUpcomingWithDueDates()
    {
        var (tree, _, nameA, _, roadmap) = await CreatePictureAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var overdue = await client.GetStringAsync($"/Roadmaps/Control?date={Date}");
        var upcoming = await client.GetStringAsync($"/Roadmaps/Control?date={Date}&list=upcoming");

        var row = RowCells(overdue[overdue.IndexOf("occurrence-list", StringComparison.Ordinal)..], "1.4.");
        Assert.NotNull(row);
        Assert.Equal(["1.4.", "Просроченное мероприятие школы А", roadmap.RoadmapTitle, nameA, "01.12.2021", "В работе"], row);
        Assert.Contains("Просроченные (1)", overdue);
        Assert.DoesNotContain("Ближайшее мероприятие школы А", overdue);
        Assert.Contains("Ближайшее мероприятие школы А", upcoming);
        Assert.Contains("20.01.2022", upcoming);
        Assert.DoesNotContain("Просроченное мероприятие школы А", upcoming);
    }

    [Fact]
    public async Task Get_ManyOverdue_PagesTheList()
    {
        var tree = await app.CreateTreeAsync();
        var specs = Enumerable.Range(1, 30).Select(i => new Spec(tree.OrganizationId, D(2021, 1, 1).AddDays(i), Title: $"Пункт номер {i:00}")).ToList();
        await CreateAsync(app, tree, specs);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var first = await client.GetStringAsync($"/Roadmaps/Control?date={Date}");
        var second = await client.GetStringAsync($"/Roadmaps/Control?date={Date}&list=overdue&page=2");

        Assert.Contains("Пункт номер 01", first);
        Assert.Contains("Пункт номер 25", first);
        Assert.DoesNotContain("Пункт номер 26", first);
        Assert.True(second.Contains("Пункт номер 30"), second[second.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Пункт номер 01", second);
        Assert.Contains("Показано 26–30 из 30", second);
    }

    [Fact]
    public async Task Get_DraftRoadmap_IsNotCounted()
    {
        var tree = await app.CreateTreeAsync();
        await CreateAsync(app, tree, [new(tree.OrganizationId, D(2021, 5, 1), Title: "Мероприятие черновика")], RoadmapStatus.Draft);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await client.GetStringAsync($"/Roadmaps/Control?date={Date}");

        Assert.DoesNotContain("Мероприятие черновика", html);
        Assert.Contains("Просроченные (0)", html);
    }

    [Fact]
    public async Task GetXlsx_RegionAdmin_ReturnsTheReportAndAuditsTheExport()
    {
        var (tree, _, nameA, nameB, _) = await CreatePictureAsync();
        var login = await app.CreateUserAsync(Role.RegionAdmin, tree);
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync($"/Roadmaps/Control?handler=Xlsx&node=r{tree.RegionId}&date={Date}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(ControlWorkbook.Columns, rows[0]);
        Assert.Equal(["2", "1", "1", "1", "5", "50 %", "0", "1"], rows.Single(r => r[1] == nameA)[2..]);
        Assert.Equal(["1", "0", "3", "0", "4", "25 %", "0", "0"], rows.Single(r => r[1] == nameB)[2..]);
        Assert.Equal(["3", "2", "4", "1", "10", "33,3 %", "0", "1"], rows.Single(r => r[1].StartsWith("Итого по региону"))[2..]);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => db.Users.Any(u => u.Id == a.UserId && u.UserName == login) && a.Action == AuditAction.Export
            && a.EntityType == nameof(RoadmapOccurrence) && a.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task StateAt_InSql_AgreesWithDomainClassification()
    {
        var tree = await app.CreateTreeAsync();
        DateOnly?[] dues = [null, D(2021, 6, 1), D(2021, 12, 31), D(2022, 3, 1)];
        DateOnly?[] doneOns = [null, D(2021, 5, 1), D(2021, 6, 1), D(2021, 9, 1), D(2022, 2, 1)];
        var specs = (from due in dues
                     from status in Enum.GetValues<OccurrenceStatus>()
                     from doneOn in doneOns
                     select new Spec(tree.OrganizationId, due, status, doneOn)).ToList();
        var created = await CreateAsync(app, tree, specs);
        var date = D(2021, 12, 31);
        await using var db = app.Db();

        var ids = created.OccurrenceIds.ToArray();
        var fromSql = await db.RoadmapOccurrences.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id)
            .Select(ControlReport.StateAt(date)).ToListAsync();
        var rows = await db.RoadmapOccurrences.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id)
            .Select(o => new ControlOccurrence(o.DueDate, o.Status, o.DoneOn)).ToListAsync();

        Assert.Equal(specs.Count, fromSql.Count);
        Assert.Equal(rows.Select(r => ControlFigures.Classify(r, date)), fromSql);
        Assert.Equal(Enum.GetValues<ControlState>().Length, fromSql.Distinct().Count());
    }

    private static List<string[]> ReadSheet(byte[] content)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }
}

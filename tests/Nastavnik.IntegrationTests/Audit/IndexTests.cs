using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;
using Npgsql;

namespace Nastavnik.IntegrationTests.Audit;

[Collection(Collections.Platform)]
public class IndexTests(AppFixture app)
{
    private async Task<AuditEntry> EntryAsync(long regionId, string details, AuditAction action = AuditAction.Update,
        DateTimeOffset? at = null, string userName = "someone", string entityId = "1") =>
        await app.InsertAsync(new AuditEntry
        {
            At = at ?? DateTimeOffset.UtcNow,
            UserName = userName,
            Action = action,
            EntityType = nameof(Organization),
            EntityId = entityId,
            RegionId = regionId,
            Details = details,
            Ip = "10.0.0.1",
        });

    private static string Marker() => "метка-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Get_RegionAdmin_ShowsOwnRegionEntriesAndNotOtherRegions()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var own = Marker();
        var foreign = Marker();
        await EntryAsync(tree.RegionId, own);
        await EntryAsync(other.RegionId, foreign);

        var response = await admin.GetAsync("/Audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(own, html);
        Assert.DoesNotContain(foreign, html);
    }

    [Fact]
    public async Task Get_SystemAdmin_ShowsEveryRegionsEntries()
    {
        var admin = await app.SignInAsAsync(Role.SystemAdmin, null);
        var marker = Marker();
        var entityId = Guid.NewGuid().ToString("N");
        await EntryAsync((await app.CreateTreeAsync()).RegionId, marker + "-a", entityId: entityId);
        await EntryAsync((await app.CreateTreeAsync()).RegionId, marker + "-b", entityId: entityId);

        var html = await (await admin.GetAsync($"/Audit?entityId={entityId}")).Content.ReadAsStringAsync();

        Assert.Contains(marker + "-a", html);
        Assert.Contains(marker + "-b", html);
    }

    [Fact]
    public async Task Get_PeriodFilter_TakesDatesAsMoscowDays()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var inside = Marker();
        var before = Marker();
        var after = Marker();
        // 2025-03-10 00:30 and 23:30 in Moscow are both that day; 2025-03-09 23:30 and 2025-03-11 00:30 are not.
        await EntryAsync(tree.RegionId, inside + "-early", at: new DateTimeOffset(2025, 3, 9, 21, 30, 0, TimeSpan.Zero));
        await EntryAsync(tree.RegionId, inside + "-late", at: new DateTimeOffset(2025, 3, 10, 20, 30, 0, TimeSpan.Zero));
        await EntryAsync(tree.RegionId, before, at: new DateTimeOffset(2025, 3, 9, 20, 30, 0, TimeSpan.Zero));
        await EntryAsync(tree.RegionId, after, at: new DateTimeOffset(2025, 3, 10, 21, 30, 0, TimeSpan.Zero));

        var html = await (await admin.GetAsync("/Audit?from=2025-03-10&to=2025-03-10")).Content.ReadAsStringAsync();

        Assert.Contains(inside + "-early", html);
        Assert.Contains("10.03.2025 00:30:00", html);
        Assert.Contains(inside + "-late", html);
        Assert.DoesNotContain(before, html);
        Assert.DoesNotContain(after, html);
    }

    [Fact]
    public async Task Get_ActionAndEntityIdFilters_ShowOnlyMatchingEntries()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var wanted = Marker();
        var otherAction = Marker();
        var otherId = Marker();
        await EntryAsync(tree.RegionId, wanted, AuditAction.Delete, entityId: "77");
        await EntryAsync(tree.RegionId, otherAction, AuditAction.Update, entityId: "77");
        await EntryAsync(tree.RegionId, otherId, AuditAction.Delete, entityId: "78");

        var html = await (await admin.GetAsync("/Audit?action=Delete&type=Organization&entityId=77")).Content.ReadAsStringAsync();

        Assert.Contains(wanted, html);
        Assert.Contains("Удаление", html);
        Assert.DoesNotContain(otherAction, html);
        Assert.DoesNotContain(otherId, html);
    }

    [Fact]
    public async Task Get_UserFilter_MatchesLoginOrFullName()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var surname = "Журналова" + Guid.NewGuid().ToString("N")[..6];
        var actor = await app.CreateUserAsync(Role.Curator, tree, $"{surname} Анна Сергеевна");
        await using (var db = app.Db())
        {
            var actorId = await db.Users.Where(u => u.UserName == actor).Select(u => u.Id).SingleAsync();
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, UserId = actorId, UserName = actor, Action = AuditAction.Read,
                EntityType = "User", EntityId = "5", RegionId = tree.RegionId, Details = "по ФИО",
            });
            await db.SaveChangesAsync();
        }
        var unrelated = Marker();
        await EntryAsync(tree.RegionId, unrelated);

        var byName = await (await admin.GetAsync($"/Audit?user={surname.ToLowerInvariant()}")).Content.ReadAsStringAsync();
        var byLogin = await (await admin.GetAsync($"/Audit?user={actor[3..]}")).Content.ReadAsStringAsync();

        Assert.Contains("по ФИО", byName);
        Assert.Contains("Просмотр карточки", byName);
        Assert.DoesNotContain(unrelated, byName);
        Assert.Contains("по ФИО", byLogin);
        Assert.DoesNotContain(unrelated, byLogin);
    }

    [Fact]
    public async Task Export_FilteredLog_ReturnsXlsxWithRowsAndWritesExportEntry()
    {
        var tree = await app.CreateTreeAsync();
        var adminLogin = await app.CreateUserAsync(Role.RegionAdmin, tree);
        var admin = await app.SignInAsync(adminLogin);
        var wanted = Marker();
        var filteredOut = Marker();
        await EntryAsync(tree.RegionId, wanted, AuditAction.Delete);
        await EntryAsync(tree.RegionId, filteredOut, AuditAction.Update);

        var response = await admin.GetAsync("/Audit?handler=Export&action=Delete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Время (МСК)", cells);
        Assert.Contains(wanted, cells);
        Assert.Contains("Удаление", cells);
        Assert.DoesNotContain(filteredOut, cells);
        await using var db = app.Db();
        var export = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Export && db.Users.Any(u => u.Id == a.UserId && u.UserName == adminLogin));
        Assert.Equal(tree.RegionId, export.RegionId);
        Assert.Contains("Удаление", export.Details);
    }

    [Fact]
    public async Task AuditTable_UpdateOrDelete_IsRefusedByDatabase()
    {
        var entry = await EntryAsync((await app.CreateTreeAsync()).RegionId, Marker());
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        await using var update = new NpgsqlCommand("update audit_entries set details = 'подмена' where id = @id", connection);
        update.Parameters.AddWithValue("id", entry.Id);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("delete from audit_entries where id = @id", connection);
        delete.Parameters.AddWithValue("id", entry.Id);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        await using var db = app.Db();
        Assert.Equal(entry.Details, await db.AuditEntries.Where(a => a.Id == entry.Id).Select(a => a.Details).SingleAsync());
    }

    [Fact]
    public async Task Get_AsCurator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit?handler=Export")).StatusCode);
    }
}

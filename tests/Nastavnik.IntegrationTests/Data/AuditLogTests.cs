using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Territories;
using Nastavnik.Data.Migrations;
using Nastavnik.IntegrationTests.Infrastructure;
using Npgsql;

namespace Nastavnik.IntegrationTests.Data;

[Collection(Collections.Platform)]
public class AuditLogTests(AppFixture app)
{
    [Fact]
    public async Task SaveChanges_ChangedOrganization_WritesUpdateEntryWithFieldNamesAndRegion()
    {
        var tree = await app.CreateTreeAsync();
        await using (var db = app.Db())
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == tree.OrganizationId);
            org.Address = "ул. Ленина, 1";
            await db.SaveChangesAsync();
        }

        await using var check = app.Db();
        var entry = await check.AuditEntries.Where(a => a.EntityType == nameof(Organization) && a.EntityId == tree.OrganizationId.ToString()
            && a.Action == AuditAction.Update).SingleAsync();
        Assert.Equal("Address", entry.Details);
        Assert.Equal(tree.RegionId, entry.RegionId);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Organization) && a.EntityId == tree.OrganizationId.ToString()
            && a.Action == AuditAction.Create));
    }

    [Fact]
    public async Task AuditPage_RegionAdmin_SeesRussianRecordTypes()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Nastavnik.Domain.Access.Role.RegionAdmin, tree);

        var html = await (await client.GetAsync($"/Audit?type=Organization")).Content.ReadAsStringAsync();

        Assert.Contains("<td>Организация</td>", html);
        Assert.DoesNotContain("<td>Organization</td>", html);
    }

    [Fact]
    public async Task AuditTable_UpdateDeleteTruncateAsApplicationRole_IsRefusedByPrivilege()
    {
        await app.CreateTreeAsync();
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();

        foreach (var sql in new[] { "update audit_entries set details = 'x'", "delete from audit_entries", "truncate audit_entries" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        await using var insert = new NpgsqlCommand("insert into audit_entries (action, details) values ('read', 'проверка') returning id", conn);
        Assert.NotNull(await insert.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AuditTable_UpdateDeleteTruncateAsOwner_IsRefusedByTrigger()
    {
        await app.CreateTreeAsync();
        await using var conn = new NpgsqlConnection(app.OwnerConnectionString);
        await conn.OpenAsync();

        foreach (var sql in new[] { "update audit_entries set details = 'x'", "delete from audit_entries", "truncate audit_entries" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
    }

    [Fact]
    public async Task Migration21_RowsWrittenBefore_KeepIdsAndLoseNamesAndTypedLogins()
    {
        var name = "nastavnik_test_audit21_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        var all = MigrationRunner.FindMigrationsDirectory();
        var before = Directory.CreateTempSubdirectory("migrations-before-21-");
        foreach (var file in Directory.GetFiles(all, "*.sql").Where(f => string.CompareOrdinal(Path.GetFileName(f), "2026-12-08_21") < 0))
        {
            File.Copy(file, Path.Combine(before.FullName, Path.GetFileName(file)));
        }
        await MigrationRunner.ApplyAsync(cs, before.FullName);
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                insert into audit_entries (user_id, user_name, action, entity_type, entity_id, details) values
                    (7, 'ivanova.masha', 'read', 'Person', '12', ''),
                    (null, 'cli:ivanov', 'import', 'Person', '', 'файл «9А Иванова.xlsx»: добавлено 3, обновлено 0, без изменений 0'),
                    (null, 'system', 'update', 'Person', '12', 'Status'),
                    (null, '', 'sign_in_failed', 'User', '', 'логин «Petrova.Anya»'),
                    (9, 'petrov', 'export', 'Person', '12', 'бланк согласия: Согласие Петров Пётр.docx')
                """, conn);
            await insert.ExecuteNonQueryAsync();
        }

        await MigrationRunner.ApplyAsync(cs, all);

        await using var db = new NastavnikDb(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);
        var rows = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.UserId, a.UserName, a.EntityId, a.Details }).ToListAsync();
        Assert.Equal(["", "cli", "system", "", ""], rows.Select(r => r.UserName));
        Assert.Equal([7L, null, null, null, 9L], rows.Select(r => r.UserId));
        Assert.Equal("добавлено 3, обновлено 0, без изменений 0", rows[1].Details);
        Assert.Equal("логин " + AuditActor.LoginHash("Petrova.Anya"), rows[3].Details);
        Assert.Equal("бланк согласия", rows[4].Details);
        Assert.Equal("12", rows[4].EntityId);
        Directory.Delete(before.FullName, true);
    }

    [Fact]
    public async Task SaveChanges_FailingSave_WritesNoAuditEntry()
    {
        var tree = await app.CreateTreeAsync();
        var before = 0;
        await using (var db = app.Db()) before = await db.AuditEntries.CountAsync(a => a.RegionId == tree.RegionId);

        await using (var db = app.Db())
        {
            // Same name in the same municipality violates organizations_name_unique.
            var existing = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == tree.OrganizationId);
            db.Organizations.Add(new Organization
            {
                RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = existing.Name, ShortName = "Дубль",
                Type = OrganizationType.School,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = app.Db();
        Assert.Equal(before, await check.AuditEntries.CountAsync(a => a.RegionId == tree.RegionId));
    }
}

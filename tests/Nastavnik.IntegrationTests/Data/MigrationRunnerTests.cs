using Nastavnik.Cli;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;
using Npgsql;

namespace Nastavnik.IntegrationTests.Data;

[Collection(Collections.Platform)]
public class MigrationRunnerTests(AppFixture app)
{
    [Fact]
    public async Task ApplyAsync_TwoNodesAtOnce_AppliesEachFileOnce()
    {
        var name = "nastavnik_test_mig_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        var dir = MigrationRunner.FindMigrationsDirectory();

        var runs = await Task.WhenAll(MigrationRunner.ApplyAsync(cs, dir), MigrationRunner.ApplyAsync(cs, dir));

        var files = Directory.GetFiles(dir, "*.sql").Length;
        Assert.Equal(files, runs[0].Count + runs[1].Count);
        Assert.Empty(await MigrationRunner.ApplyAsync(cs, dir));
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from schema_migrations", conn);
        Assert.Equal(files, Convert.ToInt32(await cmd.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task ApplyAsync_FailingFile_LeavesNothingOfItBehind()
    {
        var name = "nastavnik_test_mig_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        var dir = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_good.sql"), "create table good (id int);");
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_02_bad.sql"), "create table half (id int); select * from missing_table;");

        await Assert.ThrowsAsync<PostgresException>(() => MigrationRunner.ApplyAsync(cs, dir));

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select (select count(*) from schema_migrations)::int, to_regclass('good') is not null, to_regclass('half') is not null", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1, reader.GetInt32(0));
        Assert.True(reader.GetBoolean(1));
        Assert.False(reader.GetBoolean(2));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task ApplyAsync_AppliedFileEdited_RefusesNamingItAndAppliesNothing()
    {
        var cs = await NewDatabaseAsync();
        var dir = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (id int);");
        await MigrationRunner.ApplyAsync(cs, dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (id bigint);");
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_02_second.sql"), "create table second (id int);");

        var e = await Assert.ThrowsAsync<MigrationMismatchException>(() => MigrationRunner.ApplyAsync(cs, dir));

        Assert.Equal(["2026-01-01_01_first.sql"], e.Edited);
        Assert.Empty(e.Missing);
        Assert.Contains("2026-01-01_01_first.sql", e.Message);
        Assert.Contains("must not be edited", e.Message);
        Assert.Contains("add a new migration", e.Message);
        Assert.False(await ScalarAsync<bool>(cs, "select to_regclass('second') is not null"));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task ApplyAsync_AppliedFileMissing_Refuses()
    {
        var cs = await NewDatabaseAsync();
        var dir = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (id int);");
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_02_second.sql"), "create table second (id int);");
        await MigrationRunner.ApplyAsync(cs, dir);
        File.Move(Path.Combine(dir, "2026-01-01_02_second.sql"), Path.Combine(dir, "2026-01-01_02_renamed.sql"));

        var e = await Assert.ThrowsAsync<MigrationMismatchException>(() => MigrationRunner.ApplyAsync(cs, dir));

        Assert.Equal(["2026-01-01_02_second.sql"], e.Missing);
        Assert.Contains("2026-01-01_02_second.sql are missing", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task ApplyAsync_CrlfCheckoutOfAppliedFile_Accepted()
    {
        var cs = await NewDatabaseAsync();
        var dir = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (\n    id int);\n");
        await MigrationRunner.ApplyAsync(cs, dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (\r\n    id int);\r\n");

        Assert.Empty(await MigrationRunner.ApplyAsync(cs, dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task ApplyAsync_RowsFromBeforeChecksums_AdoptsCurrentTextThenGuardsIt()
    {
        var cs = await NewDatabaseAsync();
        var dir = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (id int);");
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_02_second.sql"), "create table second (id int);");
        // schema_migrations as the runner made it before checksums, with the first file applied.
        await ScalarAsync<int>(cs, """
            create table schema_migrations (name text primary key, applied_at timestamptz not null default now());
            create table first (id int);
            insert into schema_migrations (name) values ('2026-01-01_01_first.sql');
            select 1
            """);

        Assert.Equal(["2026-01-01_02_second.sql"], await MigrationRunner.ApplyAsync(cs, dir));

        var expected = MigrationRunner.Checksum(await File.ReadAllBytesAsync(Path.Combine(dir, "2026-01-01_01_first.sql")));
        Assert.Equal(expected, await ScalarAsync<string>(cs, "select checksum from schema_migrations where name = '2026-01-01_01_first.sql'"));
        Assert.Equal(0, await ScalarAsync<long>(cs, "select count(*) from schema_migrations where checksum is null"));
        await File.WriteAllTextAsync(Path.Combine(dir, "2026-01-01_01_first.sql"), "create table first (id bigint);");
        await Assert.ThrowsAsync<MigrationMismatchException>(() => MigrationRunner.ApplyAsync(cs, dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task MigrateAsync_EditedMigration_CliErrorInRussianNamingTheFile()
    {
        var cs = await NewDatabaseAsync();
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        await ScalarAsync<int>(cs, "update schema_migrations set checksum = repeat('0', 64) where name = '2026-11-21_15_watch_store.sql'; select 1");

        var e = await Assert.ThrowsAsync<CliException>(() => CliDatabase.MigrateAsync(cs));

        Assert.Contains("2026-11-21_15_watch_store.sql", e.Message);
        Assert.Contains("нельзя редактировать", e.Message);
    }

    /// <summary>
    /// A database that applied the first text of migration 15 (before its four edits) and then everything up to 18,
    /// from before checksums: the runner adopts its rows, migration 19 recreates the watch store, and the result is
    /// the same schema as a fresh database's (the fixture's).
    /// </summary>
    [Fact]
    public async Task ApplyAsync_DatabaseWithFirstTextOfWatchStore_EndsLikeAFreshDatabase()
    {
        var cs = await NewDatabaseAsync();
        var real = MigrationRunner.FindMigrationsDirectory();
        var old = Directory.CreateTempSubdirectory("nastavnik-migrations").FullName;
        foreach (var file in Directory.GetFiles(real, "*.sql").Where(f => string.CompareOrdinal(Path.GetFileName(f), "2026-12-08_19") < 0))
            File.Copy(file, Path.Combine(old, Path.GetFileName(file)));
        File.Copy(MigrationManifestTests.SourcePath("tests", "Nastavnik.IntegrationTests", "Data", "watch_store_first_text.sql"),
            Path.Combine(old, "2026-11-21_15_watch_store.sql"), overwrite: true);
        await MigrationRunner.ApplyAsync(cs, old);
        await ScalarAsync<int>(cs, "update schema_migrations set checksum = null; select 1");
        Assert.NotEqual(await SchemaAsync(app.OwnerConnectionString), await SchemaAsync(cs));

        Assert.Contains("2026-12-08_19_watch_store_recreate.sql", await MigrationRunner.ApplyAsync(cs, real));

        Assert.Equal(await SchemaAsync(app.OwnerConnectionString), await SchemaAsync(cs));
        Directory.Delete(old, true);
    }

    [Fact]
    public async Task Migrations_MoscowDay_OneRuleInSqlAsMoscowTime()
    {
        // Only the two Moscow-day functions turn instants into dates; everything else calls them.
        Assert.Equal(["moscow_day_start", "moscow_today"], await ListAsync(app.ConnectionString, """
            select proname from pg_proc
            where pronamespace = 'public'::regnamespace and (prosrc ~* 'time zone|timezone|hours''|current_date|now\(\)\s*::\s*date')
            order by proname
            """));
        Assert.Contains("Europe/Moscow", await ScalarAsync<string>(app.ConnectionString, "select pg_get_functiondef('moscow_today'::regproc)"));
        // 2013 was UTC+4 in Moscow: the tz database answers it on both sides, a fixed +3 would not.
        foreach (var day in new[] { new DateOnly(2026, 12, 8), new DateOnly(2013, 6, 1) })
        {
            await using var conn = new NpgsqlConnection(app.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select moscow_day_start(@d)", conn);
            cmd.Parameters.AddWithValue("d", day);
            Assert.Equal(MoscowTime.StartOfDay(day), (DateTimeOffset)(DateTime)(await cmd.ExecuteScalarAsync())!);
        }
    }

    private async Task<string> NewDatabaseAsync()
    {
        var name = "nastavnik_test_mig_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        return app.Cluster.ConnectionString(name);
    }

    /// <summary>Every function, trigger, index and column of the public schema, as PostgreSQL prints them.</summary>
    private static Task<List<string>> SchemaAsync(string cs) => ListAsync(cs, """
        select 'function ' || pg_get_functiondef(p.oid) from pg_proc p where p.pronamespace = 'public'::regnamespace
        union all select 'trigger ' || pg_get_triggerdef(t.oid) from pg_trigger t where not t.tgisinternal
        union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'
        union all select concat_ws(' ', 'column', table_name, ordinal_position, column_name, data_type, is_nullable, column_default)
        from information_schema.columns where table_schema = 'public'
        order by 1
        """);

    private static async Task<List<string>> ListAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task<T> ScalarAsync<T>(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}

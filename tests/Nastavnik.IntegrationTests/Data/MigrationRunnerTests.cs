using Nastavnik.Data.Migrations;
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
}

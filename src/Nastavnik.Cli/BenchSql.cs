using Npgsql;
using Nastavnik.Data.Migrations;

namespace Nastavnik.Cli;

/// <summary>Small raw-SQL helpers of the benchmarks that bulk-load throwaway databases.</summary>
internal static class BenchSql
{
    /// <summary>A new, migrated database on the configured server or the local cluster, for one benchmark run.</summary>
    public static async Task<(string Server, string Name, string ConnectionString)> CreateThrowawayDatabaseAsync()
    {
        var (server, _) = await CliDatabase.ResolveAsync(CliDatabase.Configuration([]));
        var name = "nastavnik_bench_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"create database \"{name}\"");
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory(), TextWriter.Null);
        return (server, name, cs);
    }

    /// <summary>Drops the benchmark's database, or says where it was kept (<c>--keep</c>).</summary>
    public static async Task DropOrKeepAsync(string server, string name, bool keep, string keptNote = "")
    {
        NpgsqlConnection.ClearAllPools();
        if (keep) Console.WriteLine($"База сохранена: {name}{keptNote}");
        else await ExecuteAsync(server, $"drop database if exists \"{name}\" with (force)");
    }

    public static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await ExecuteAsync(conn, sql);
    }

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<long>> IdsAsync(NpgsqlConnection conn, string sql) =>
        (await PairsAsync(conn, sql.Replace("select id from", "select id, 0::bigint from"))).Select(p => p.Id).ToList();

    public static async Task<List<(long Id, long Other)>> PairsAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await using var rows = await command.ExecuteReaderAsync();
        var result = new List<(long, long)>();
        while (await rows.ReadAsync()) result.Add((rows.GetInt64(0), rows.GetInt64(1)));
        return result;
    }
}

using Npgsql;

namespace Nastavnik.Cli;

/// <summary>Small raw-SQL helpers of the benchmarks that bulk-load throwaway databases.</summary>
internal static class BenchSql
{
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

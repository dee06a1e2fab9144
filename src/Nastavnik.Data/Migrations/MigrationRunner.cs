using Npgsql;

namespace Nastavnik.Data.Migrations;

/// <summary>
/// Applies the forward-only SQL files of db/migrations in name order, one transaction each, recording them in
/// schema_migrations. A session-level advisory lock makes a second node that starts at the same time wait and
/// then find nothing left to do.
/// </summary>
public static class MigrationRunner
{
    private const long LockKey = AdvisoryLocks.Migrations;

    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, string migrationsDirectory,
        TextWriter? log = null, CancellationToken ct = default)
    {
        var files = Directory.GetFiles(migrationsDirectory, "*.sql").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException($"No migrations found in {migrationsDirectory}");

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await Exec(conn, null, "select pg_advisory_lock(@k)", ct, LockKey);
        try
        {
            await Exec(conn, null, """
                create table if not exists schema_migrations (
                    name text primary key,
                    applied_at timestamptz not null default now())
                """, ct);
            var applied = new HashSet<string>();
            await using (var cmd = new NpgsqlCommand("select name from schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }

            var done = new List<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (applied.Contains(name)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, await File.ReadAllTextAsync(file, ct), ct);
                await Exec(conn, tx, "insert into schema_migrations (name) values (@k)", ct, name);
                await tx.CommitAsync(ct);
                log?.WriteLine($"applied {name}");
                done.Add(name);
            }
            return done;
        }
        finally
        {
            await Exec(conn, null, "select pg_advisory_unlock(@k)", CancellationToken.None, LockKey);
        }
    }

    /// <summary>The db/migrations folder: next to the executable when installed, else found up the source tree.</summary>
    public static string FindMigrationsDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "migrations");
        if (Directory.Exists(beside) && Directory.GetFiles(beside, "*.sql").Length > 0) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "db", "migrations");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("db/migrations not found next to the executable or above it");
    }

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, object? k = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        if (k is not null) cmd.Parameters.AddWithValue("k", k);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

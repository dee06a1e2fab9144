using System.Security.Cryptography;
using Npgsql;

namespace Nastavnik.Data.Migrations;

/// <summary>
/// Applies the forward-only SQL files of db/migrations in name order, one transaction each, recording them in
/// schema_migrations. A session-level advisory lock makes a second node that starts at the same time wait and
/// then find nothing left to do. Each applied file's checksum is recorded too, and a database whose applied files
/// were since edited or removed is refused: skipping a recorded name would otherwise leave it on the old text for good.
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
                    applied_at timestamptz not null default now(),
                    checksum text null)
                """, ct);
            // Databases made before checksums were recorded: the column arrives empty and is adopted below.
            await Exec(conn, null, "alter table schema_migrations add column if not exists checksum text null", ct);
            var onDisk = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files) onDisk[Path.GetFileName(file)] = Checksum(await File.ReadAllBytesAsync(file, ct));
            var applied = new Dictionary<string, string?>(StringComparer.Ordinal);
            await using (var cmd = new NpgsqlCommand("select name, checksum from schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }

            var missing = applied.Keys.Where(n => !onDisk.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var edited = applied.Where(a => a.Value is not null && onDisk.TryGetValue(a.Key, out var sum) && sum != a.Value)
                .Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || edited.Count > 0) throw new MigrationMismatchException(migrationsDirectory, edited, missing);

            // Adopt: a row recorded before checksums existed takes the checksum of the file as it is now. What that
            // database really ran is unknown; a later migration has to bring such databases up to date (the
            // 2026-12-08_19 one recreates the watch store, whose file was edited after it reached main).
            foreach (var (name, _) in applied.Where(a => a.Value is null).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                await Exec(conn, null, "update schema_migrations set checksum = @c where name = @k and checksum is null", ct, name, onDisk[name]);
                log?.WriteLine($"recorded the checksum of {name}");
            }

            var done = new List<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (applied.ContainsKey(name)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, await File.ReadAllTextAsync(file, ct), ct);
                await Exec(conn, tx, "insert into schema_migrations (name, checksum) values (@k, @c)", ct, name, onDisk[name]);
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

    /// <summary>
    /// SHA-256 (lower-case hex) of a migration's bytes with CRLF turned into LF, so that a Windows checkout
    /// (git's autocrlf) hashes like the LF text on main. db/migrations/checksums.sha256 holds the same values.
    /// </summary>
    public static string Checksum(byte[] bytes)
    {
        var lf = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n') continue;
            lf.Add(bytes[i]);
        }
        return Convert.ToHexStringLower(SHA256.HashData(lf.ToArray()));
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

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct,
        object? k = null, object? c = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        if (k is not null) cmd.Parameters.AddWithValue("k", k);
        if (c is not null) cmd.Parameters.AddWithValue("c", c);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// The database has applied migrations whose files were edited since (<see cref="Edited"/>) or are gone
/// (<see cref="Missing"/>). Nothing was applied; the application must not start on such a schema.
/// </summary>
public sealed class MigrationMismatchException(string directory, IReadOnlyList<string> edited, IReadOnlyList<string> missing)
    : InvalidOperationException(Describe(directory, edited, missing))
{
    public IReadOnlyList<string> Edited { get; } = edited;
    public IReadOnlyList<string> Missing { get; } = missing;

    private static string Describe(string directory, IReadOnlyList<string> edited, IReadOnlyList<string> missing)
    {
        var parts = new List<string>();
        if (edited.Count > 0)
        {
            parts.Add($"Applied migration(s) {string.Join(", ", edited)} in {directory} differ from the text this database applied. "
                      + "An applied migration must not be edited: restore its text and add a new migration instead.");
        }

        if (missing.Count > 0)
        {
            parts.Add($"Applied migration(s) {string.Join(", ", missing)} are missing from {directory}. "
                      + "An applied migration must not be deleted or renamed (or this database was migrated by a newer version).");
        }

        return string.Join(" ", parts);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Nastavnik.Data.Migrations;

namespace Nastavnik.IntegrationTests.Data;

/// <summary>
/// db/migrations/checksums.sha256 pins the text of every migration: a migration on main is never edited (a database
/// that applied it would keep the old text, and the runner now refuses to start on it), so a changed file fails here
/// before it is merged. A new migration fails too until its line is added, which is the point: it is a conscious step.
/// No database needed.
/// </summary>
public class MigrationManifestTests
{
    private const string Manifest = "checksums.sha256";

    [Fact]
    public void Manifest_EveryMigration_MatchesItsRecordedChecksum()
    {
        var dir = SourcePath("db", "migrations");
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(dir, Manifest)).Where(l => l.Trim() != ""))
        {
            // sha256sum's format: the hash, a space, then a space (text mode) or '*' (binary mode), then the name.
            var m = Regex.Match(line, @"^([0-9a-f]{64}) [ *](.+)$");
            Assert.True(m.Success, $"{Manifest}: not a sha256sum line: {line}");
            recorded.Add(m.Groups[2].Value, m.Groups[1].Value);
        }

        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var sum = MigrationRunner.Checksum(File.ReadAllBytes(file));
            if (!recorded.TryGetValue(name, out var expected))
            {
                problems.Add($"{name} is new: add its line to db/migrations/{Manifest} (in db/migrations: sha256sum {name} >> {Manifest}), "
                             + "and do not change the file after that once it is on main.");
            }
            else if (expected != sum)
            {
                problems.Add($"{name} differs from the text recorded in {Manifest}. A migration on main must never be edited: "
                             + "restore it (git checkout main -- db/migrations/" + name + ") and put the change into a new migration.");
            }
        }
        foreach (var name in recorded.Keys.Where(n => !File.Exists(Path.Combine(dir, n))))
            problems.Add($"{name} is listed in {Manifest} but missing: a migration on main is never deleted or renamed.");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Migrations_Names_FollowTheConventionWithUniqueNumbers()
    {
        var names = Directory.GetFiles(SourcePath("db", "migrations"), "*.sql").Select(f => Path.GetFileName(f)!)
            .Order(StringComparer.Ordinal).ToList();

        var bad = names.Where(n => !Regex.IsMatch(n, @"^\d{4}-\d{2}-\d{2}_\d{2}_[a-z0-9_]+\.sql$")).ToList();
        var numbers = names.Select(n => n[11..13]).ToList();

        Assert.True(bad.Count == 0, "Migration names must be YYYY-MM-DD_NN_what_it_does.sql: " + string.Join(", ", bad));
        // One sequence across dates (the next file takes the next free number), so name order is number order.
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void Checksum_CrlfCheckout_EqualsLfText()
    {
        var lf = Encoding.UTF8.GetBytes("create table t (id int);\n-- «комментарий»\n");
        var crlf = Encoding.UTF8.GetBytes("create table t (id int);\r\n-- «комментарий»\r\n");

        Assert.Equal(MigrationRunner.Checksum(lf), MigrationRunner.Checksum(crlf));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(lf)), MigrationRunner.Checksum(lf));
        Assert.NotEqual(MigrationRunner.Checksum(lf), MigrationRunner.Checksum(Encoding.UTF8.GetBytes("create table t (id int);\n")));
    }

    /// <summary>A path in the source tree (the folder holding Nastavnik.slnx), not the copies in the build output.</summary>
    public static string SourcePath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nastavnik.slnx"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new DirectoryNotFoundException("Nastavnik.slnx not found above " + AppContext.BaseDirectory);
    }
}

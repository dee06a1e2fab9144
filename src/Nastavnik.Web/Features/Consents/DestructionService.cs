using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// Destroys the personal data of people whose consent was withdrawn (DOMAIN.md §9.6): once a person has been blocked for
/// <see cref="Settings.DestroyAfterDays"/> days their personal fields are erased, consent scans and card history
/// deleted, the status set to «данные уничтожены» and an «акт об уничтожении персональных данных» written — one
/// transaction per person. The person row and profiles stay (profiles «выбыл»), so depersonalised counts stay correct.
/// Several web nodes may run this: a PostgreSQL advisory lock lets one of them work at a time.
/// </summary>
public sealed class DestructionService(IServiceScopeFactory scopes, IOptions<DestructionService.Settings> settings, TimeProvider clock,
    ILogger<DestructionService> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Consents</c>.</summary>
    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;
        public double IntervalMinutes { get; set; } = 60;
        /// <summary>Days a withdrawn person stays blocked before destruction (152-ФЗ: within 30). 0 = at the next run.</summary>
        public int DestroyAfterDays { get; set; } = 30;
    }

    /// <summary>Bound from <c>Nastavnik:Uploads</c>: every stored import upload is deleted this many days after it came.</summary>
    public sealed class UploadSettings
    {
        public int KeepDays { get; set; } = 30;
    }

    /// <summary>What one run did: the withdrawn people destroyed (their representatives aside), the acts written, uploads expired.</summary>
    public sealed record Result(int Destroyed, IReadOnlyList<long> ActIds, int ExpiredUploads);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        if (!s.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, s.IntervalMinutes)), clock);
        do
        {
            try
            {
                var count = await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                if (count > 0) log.LogInformation("Personal data destroyed for {Count} people after withdrawn consents", count);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Personal data destruction failed; the next run is in {Minutes} min", s.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run as of <paramref name="now"/>: how many people were destroyed (0 when another node holds the lock).</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now) => (await RunAsync(now, CancellationToken.None)).Destroyed;

    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct) => (await RunAsync(now, ct)).Destroyed;

    /// <summary>
    /// One run as of <paramref name="now"/> (the nightly job, `nastavnik consents destroy-due`): destroys the people due,
    /// then expires stored uploads older than <see cref="UploadSettings.KeepDays"/>. Nothing when another node holds the lock.
    /// </summary>
    public async Task<Result> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var due = now.AddDays(-Math.Max(0, settings.Value.DestroyAfterDays));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var reader = new SpreadsheetReader(scope.ServiceProvider.GetRequiredService<IOptions<NastavnikOptions>>());
        var keepDays = scope.ServiceProvider.GetRequiredService<IOptions<UploadSettings>>().Value.KeepDays;
        // A session-level lock held for the whole run; released explicitly (or when the connection closes).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await db.Database.TryLockAsync(AdvisoryLocks.Destruction, ct)) return new(0, [], 0);
            try
            {
                var ids = await db.People.Where(p => p.Status == PersonStatus.Blocked && p.BlockedAt != null && p.BlockedAt <= due)
                    .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
                var acts = new List<long>();
                var destroyed = 0;
                foreach (var id in ids)
                {
                    var written = await DestroyAsync(db, reader, id, now, ct);
                    if (written.Count > 0) destroyed++;
                    acts.AddRange(written);
                }
                var expired = await db.Uploads.Where(u => u.CreatedAt < now.AddDays(-Math.Max(0, keepDays))).ExecuteDeleteAsync(ct);
                return new(destroyed, acts, expired);
            }
            finally
            {
                await db.Database.UnlockAsync(AdvisoryLocks.Destruction, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Destroys one withdrawn person and the representatives held only for them, in one transaction: the act ids.</summary>
    private static async Task<IReadOnlyList<long>> DestroyAsync(NastavnikDb db, SpreadsheetReader reader, long id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.People.AsNoTracking().Include(p => p.Consents).SingleAsync(p => p.Id == id, ct);
        if (person.Status != PersonStatus.Blocked) return [];
        var withdrawn = person.Consents.Where(c => c.Purpose == ConsentPurpose.Processing && c.WithdrawnOn != null)
            .Max(c => c.WithdrawnOn) ?? MoscowTime.DateOf(person.BlockedAt!.Value);
        var basis = $"Отзыв согласия от {withdrawn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

        // A representative held only for this child (no other child, no participation or consents of their own) goes too.
        var representatives = await db.LegalRepresentatives.Where(r => r.ChildId == id)
            .Where(r => !db.LegalRepresentatives.Any(o => o.RepresentativeId == r.RepresentativeId && o.ChildId != id))
            .Where(r => !db.Consents.Any(c => c.PersonId == r.RepresentativeId))
            .Where(r => !db.MenteeProfiles.Any(m => m.PersonId == r.RepresentativeId) && !db.MentorProfiles.Any(m => m.PersonId == r.RepresentativeId))
            .Where(r => !db.GroupMembers.Any(m => m.PersonId == r.RepresentativeId) && !db.TrainingParticipants.Any(t => t.PersonId == r.RepresentativeId))
            .Select(r => r.Representative).Where(r => r.Status != PersonStatus.Destroyed).AsNoTracking().ToListAsync(ct);

        var acts = new List<DestructionAct> { Act(person, await EraseAsync(db, reader, person, now, ct), basis) };
        foreach (var representative in representatives)
        {
            acts.Add(Act(representative, await EraseAsync(db, reader, representative, now, ct), $"{basis} (законный представитель записи № {id})"));
        }
        db.DestructionActs.AddRange(acts);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return acts.Select(a => a.Id).ToList();
    }

    private static DestructionAct Act(Person person, IReadOnlyList<(string Category, int Count)> erased, string basis) => new()
    {
        PersonId = person.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId, Basis = basis, UserId = null,
        Fields = string.Join("; ", erased.Select(e => $"{e.Category} — {e.Count}")),
    };

    /// <summary>
    /// Erases every copy of one person's data listed in <see cref="PersonalData.Rows"/>: what was erased, by category, with
    /// the number of records (rows or files) — the act states exactly this.
    /// </summary>
    private static async Task<IReadOnlyList<(string Category, int Count)>> EraseAsync(NastavnikDb db, SpreadsheetReader reader, Person person,
        DateTimeOffset now, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        var users = await db.Users.Where(u => u.PersonId == person.Id).Select(u => new { u.Id, u.FullName, u.UserName, u.Email }).ToListAsync(ct);
        var memberGroups = await db.GroupMembers.Where(m => m.PersonId == person.Id).Select(m => m.GroupId).Distinct().ToArrayAsync(ct);
        // The pairs where they were the only one of their role: the pair's free text is about them.
        var ownGroups = await db.GroupMembers.Where(m => m.PersonId == person.Id)
            .Where(m => !db.GroupMembers.Any(o => o.GroupId == m.GroupId && o.Role == m.Role && o.PersonId != person.Id))
            .Select(m => m.GroupId).Distinct().ToArrayAsync(ct);
        var emails = users.Select(u => u.Email).Append(person.Email).Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => e!.Trim().ToLowerInvariant()).Distinct().ToArray();
        var pattern = NamePattern([person.LastName, person.FirstName, person.MiddleName],
            [person.FullName, person.Phone, .. emails, .. users.SelectMany(u => new[] { u.FullName, u.UserName ?? "" })]);

        var erased = new List<(string Category, int Count)>();
        foreach (var rows in PersonalData.Rows)
        {
            var count = 0;
            if (rows.Columns.Any(c => c.How == Erasure.FileDeleted))
            {
                count = await DeleteUploadsAsync(db, reader, person, ct);
            }
            else if (PersonalData.Statement(rows) is { } sql)
            {
                if (pattern is null && rows.Columns.Any(c => c.How == Erasure.NameReplaced)) continue;
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter("people", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = new[] { person.Id } });
                command.Parameters.Add(new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = users.Select(u => u.Id).ToArray() });
                command.Parameters.Add(new NpgsqlParameter("groups", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ownGroups });
                command.Parameters.Add(new NpgsqlParameter("member_groups", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = memberGroups });
                command.Parameters.Add(new NpgsqlParameter("emails", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = emails });
                command.Parameters.Add(new NpgsqlParameter("pattern", NpgsqlDbType.Text) { Value = (object?)pattern ?? DBNull.Value });
                count = await command.ExecuteNonQueryAsync(ct);
            }
            else if (memberGroups.Length > 0)
            {
                // The watch store copies names from the people rows: recomputed now that they read «Удалено».
                await db.Database.ExecuteSqlRawAsync("select watch_refresh(@p0, null, @p1)", [memberGroups, MoscowTime.DateOf(now)], ct);
                count = await db.PairWatch.CountAsync(w => memberGroups.Contains(w.GroupId), ct);
            }
            if (count > 0) erased.Add((rows.Category, count));
        }
        return erased;
    }

    /// <summary>Import uploads of class lists whose rows name the person: deleted (the rest expire by age).</summary>
    private static async Task<int> DeleteUploadsAsync(NastavnikDb db, SpreadsheetReader reader, Person person, CancellationToken ct)
    {
        var uploads = await db.Uploads.Where(u => u.Kind == "people").Select(u => new { u.Id, u.FileName, u.Content }).ToListAsync(ct);
        var hits = uploads.Where(u => reader.Read(u.FileName, u.Content) is var read && (read.Error is not null || read.Rows.Any(row =>
                row.Any(c => c.Contains(person.LastName, StringComparison.OrdinalIgnoreCase))
                && row.Any(c => c.Contains(person.FirstName, StringComparison.OrdinalIgnoreCase)))))
            .Select(u => u.Id).ToList();
        return hits.Count == 0 ? 0 : await db.Uploads.Where(u => hits.Contains(u.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// A case-insensitive PostgreSQL pattern of the person's names (whole words) and phrases (full name, phone, e-mail,
    /// login), or null when nothing is left to look for. Longer alternatives first, so a full name goes as one.
    /// </summary>
    public static string? NamePattern(IEnumerable<string> words, IEnumerable<string> phrases)
    {
        static bool Useful(string s) => s.Trim().Length >= 2 && s.Trim() != PersonalData.Erased;
        var parts = phrases.Where(Useful).Select(p => Escape(p.Trim()))
            .Concat(words.Where(Useful).Select(w => $@"\m{Escape(w.Trim())}\M"))
            .Distinct().OrderByDescending(p => p.Length).ToList();
        return parts.Count == 0 ? null : string.Join("|", parts);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c == ' ' ? c.ToString() : "\\" + c));
}

public static class ConsentServices
{
    /// <summary>The destruction of withdrawn people's data (<c>Nastavnik:Consents</c>), a singleton hosted service.</summary>
    public static IServiceCollection AddConsentServices(this IServiceCollection s)
    {
        s.AddOptions<DestructionService.Settings>().BindConfiguration("Nastavnik:Consents");
        s.AddOptions<DestructionService.UploadSettings>().BindConfiguration("Nastavnik:Uploads");
        s.AddSingleton<DestructionService>();
        s.AddHostedService(sp => sp.GetRequiredService<DestructionService>());
        return s;
    }
}

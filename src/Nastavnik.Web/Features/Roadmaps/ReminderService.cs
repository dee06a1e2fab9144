using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// Deadline reminders: every <see cref="Settings.IntervalMinutes"/> it finds occurrences of approved roadmaps due
/// within <see cref="Settings.DaysBefore"/> days or overdue, not done, and notifies the people responsible for them
/// (head and curator of the occurrence's organization; the municipal coordinators for a municipality's own items; the
/// region administrators for a region's). Each reminder is made once (a dedup key per user and occurrence), and its
/// e-mail is queued in the outbox in the same transaction, so a reminder and its mail exist together or not at all.
/// Several web nodes may run this: a PostgreSQL advisory lock lets one of them scan at a time.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderService.Settings> settings, TimeProvider clock,
    ILogger<ReminderService> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Reminders</c>.</summary>
    public sealed class Settings
    {
        /// <summary>Off: the background loop does not run (a scan may still be started by calling it).</summary>
        public bool Enabled { get; set; } = true;
        public double IntervalMinutes { get; set; } = 60;
        /// <summary>How many days ahead of the due date the first reminder goes out.</summary>
        public int DaysBefore { get; set; } = 7;
        /// <summary>
        /// Overdue occurrences older than this are left to the control page: a first start over years of history
        /// (the seeds date from 2020) must not flood everyone with hundreds of stale reminders. 0 = no limit.
        /// </summary>
        public int OverdueLookbackDays { get; set; } = 30;
    }

    /// <summary>The outcome of one scan: skipped when another node holds the lock.</summary>
    public sealed record Run(bool Skipped, int Notifications, int Emails);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        if (!s.Enabled)
        {
            log.LogInformation("Deadline reminders are switched off (Nastavnik:Reminders:Enabled = false)");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, s.IntervalMinutes)), clock);
        do
        {
            try
            {
                var run = await RunOnceAsync(clock.MoscowToday(), stoppingToken);
                if (run.Notifications > 0) log.LogInformation("Deadline reminders: {Count} notifications, {Emails} e-mails queued", run.Notifications, run.Emails);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Deadline reminder scan failed; the next one runs in {Minutes} min", s.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private sealed record Candidate(long Id, long RoadmapId, long RegionId, long? MunicipalityId, long? OrganizationId, DateOnly Due,
        string Number, string Title, string Roadmap);

    private sealed record Recipient(long UserId, Role Role, long? RegionId, long? MunicipalityId, long? OrganizationId, string? Email, string FullName);

    /// <summary>One scan as of <paramref name="today"/> (a Moscow date). Public so tests and scripts can run it directly.</summary>
    public async Task<Run> RunOnceAsync(DateOnly today, CancellationToken ct = default)
    {
        var s = settings.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Held until the transaction ends; another node's scan meanwhile skips instead of duplicating the work.
        if (!await db.Database.TryLockForTransactionAsync(AdvisoryLocks.RoadmapReminders, ct)) return new Run(true, 0, 0);

        var soonUntil = today.AddDays(s.DaysBefore);
        var overdueFrom = s.OverdueLookbackDays > 0 ? today.AddDays(-s.OverdueLookbackDays) : DateOnly.MinValue;
        var candidates = await db.RoadmapOccurrences.AsNoTracking()
            .Where(o => o.Roadmap.Status == RoadmapStatus.Approved && !o.Roadmap.IsTemplate)
            .Where(o => o.DueDate != null && o.DueDate <= soonUntil && o.DueDate >= overdueFrom)
            .Where(o => o.Status != OccurrenceStatus.Done && o.Status != OccurrenceStatus.NotRequired)
            .OrderBy(o => o.DueDate).ThenBy(o => o.Id)
            .Select(o => new Candidate(o.Id, o.RoadmapId, o.RegionId, o.MunicipalityId, o.OrganizationId, o.DueDate!.Value,
                o.Item.Number, o.Item.Title, o.Roadmap.Title))
            .ToListAsync(ct);
        if (candidates.Count == 0) return new Run(false, 0, 0);

        var recipients = await RecipientsAsync(db, candidates, ct);
        var planned = new List<Notifier.Note>();
        foreach (var c in candidates)
        {
            var key = c.Due < today ? $"occurrence:{c.Id}:overdue" : $"occurrence:{c.Id}:due-{s.DaysBefore}";
            planned.AddRange(recipients.Where(r => Responsible(r, c)).DistinctBy(r => r.UserId)
                .Select(r => new Notifier.Note(r.UserId, Text(c, today), $"/Roadmaps/Occurrence/{c.Id}", key, r.Email, r.FullName)));
        }
        var fresh = await Notifier.FreshAsync(db, planned, ct);
        if (fresh.Count == 0) return new Run(false, 0, 0);

        // One e-mail per person per scan, listing what is new for them.
        var emails = await Notifier.AddAsync(db, fresh, clock.GetUtcNow(),
            mine => new Notifier.Letter($"Наставник: сроки мероприятий дорожных карт ({mine.Count})", Body(mine)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Run(false, fresh.Count, emails);
    }

    private static async Task<List<Recipient>> RecipientsAsync(NastavnikDb db, List<Candidate> candidates, CancellationToken ct)
    {
        var organizations = candidates.Where(c => c.OrganizationId is not null).Select(c => c.OrganizationId!.Value).Distinct().ToArray();
        var municipalities = candidates.Where(c => c.OrganizationId is null && c.MunicipalityId is not null)
            .Select(c => c.MunicipalityId!.Value).Distinct().ToArray();
        var regions = candidates.Where(c => c.OrganizationId is null && c.MunicipalityId is null).Select(c => c.RegionId).Distinct().ToArray();
        return await db.RoleAssignments.AsNoTracking()
            .Where(a => a.User.IsActive)
            .Where(a => ((a.Role == Role.OrgHead || a.Role == Role.Curator) && a.OrganizationId != null && organizations.Contains(a.OrganizationId.Value))
                || (a.Role == Role.MunicipalCoordinator && a.MunicipalityId != null && municipalities.Contains(a.MunicipalityId.Value))
                || (a.Role == Role.RegionAdmin && a.RegionId != null && regions.Contains(a.RegionId.Value)))
            .OrderBy(a => a.UserId)
            .Select(a => new Recipient(a.UserId, a.Role, a.RegionId, a.MunicipalityId, a.OrganizationId, a.User.Email, a.User.FullName))
            .ToListAsync(ct);
    }

    private static bool Responsible(Recipient r, Candidate c) => c switch
    {
        { OrganizationId: { } org } => r.Role is Role.OrgHead or Role.Curator && r.OrganizationId == org,
        { MunicipalityId: { } municipality } => r.Role == Role.MunicipalCoordinator && r.MunicipalityId == municipality,
        _ => r.Role == Role.RegionAdmin && r.RegionId == c.RegionId,
    };

    private static string Text(Candidate c, DateOnly today)
    {
        var what = $"{c.Number} «{Cut(c.Title, 500)}» (дорожная карта «{Cut(c.Roadmap, 300)}»)";
        return c.Due < today
            ? $"Просрочено мероприятие {what}: срок был {c.Due:dd.MM.yyyy}."
            : $"Приближается срок мероприятия {what}: {c.Due:dd.MM.yyyy}.";
    }

    private static string Body(IReadOnlyList<Notifier.Note> notes)
    {
        var body = new StringBuilder();
        body.AppendLine($"Здравствуйте, {notes[0].Name}!").AppendLine();
        foreach (var n in notes) body.AppendLine("• " + n.Text);
        body.AppendLine().AppendLine("Отметить выполнение можно в системе «Наставник» (раздел «Дорожные карты»).");
        return body.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

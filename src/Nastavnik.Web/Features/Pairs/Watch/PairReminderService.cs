using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Pairs.Watch;

/// <summary>
/// The daily pass over active pairs: the curator hears of overdue contacts and of stalled pairs, each member of a pair
/// of missing monthly feedback. A reminder is made once a month per user and pair (dedup key), and its e-mail is
/// queued in the outbox in the same transaction. The flags come from <see cref="WatchQuery"/>, the page's SQL.
/// Runs only when both <c>Nastavnik:Reminders:Enabled</c> (the switch of all reminder scans, off in tests) and
/// <c>Nastavnik:Pairs:Reminders:Enabled</c> are on; an advisory lock lets one web node scan at a time.
/// </summary>
public sealed class PairReminderService(IServiceScopeFactory scopes, IOptions<PairReminderService.Settings> settings,
    IConfiguration config, TimeProvider clock, ILogger<PairReminderService> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Pairs:Reminders</c>.</summary>
    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;
        public double IntervalMinutes { get; set; } = 24 * 60;
    }

    public sealed record Run(bool Skipped, int Notifications, int Emails);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        if (!s.Enabled || !config.GetValue("Nastavnik:Reminders:Enabled", true))
        {
            log.LogInformation("Pair reminders are switched off");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, s.IntervalMinutes)), clock);
        do
        {
            try
            {
                var run = await RunOnceAsync(clock.MoscowToday(), stoppingToken);
                if (run.Notifications > 0) log.LogInformation("Pair reminders: {Count} notifications, {Emails} e-mails queued", run.Notifications, run.Emails);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Pair reminder pass failed; the next one runs in {Minutes} min", s.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One pass as of <paramref name="today"/> (a Moscow date) over every region, or over <paramref name="only"/>.
    /// Public so tests can run it directly on their own nodes.
    /// </summary>
    public async Task<Run> RunOnceAsync(DateOnly today, CancellationToken ct = default, WatchNodes? only = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var nodes = only ?? new WatchNodes([], [], await db.Regions.Select(r => r.Id).ToArrayAsync(ct));
        // Stale organizations are recomputed before the transaction, one short statement each.
        var watched = (await WatchQuery.PerOrganizationAsync(db, nodes, today, ct)).Select(o => o.OrganizationId).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.TryLockForTransactionAsync(AdvisoryLocks.PairReminders, ct)) return new Run(true, 0, 0);

        var flagged = await db.PairWatch.AsNoTracking()
            .Where(r => watched.Contains(r.OrganizationId) && (r.Stalled || r.OverdueContacts || r.MissingFeedback)).ToListAsync(ct);
        if (flagged.Count == 0) return new Run(false, 0, 0);

        var month = $"{today:yyyy-MM}";
        var ids = flagged.Select(r => r.GroupId).ToArray();
        var pairs = await db.MentoringGroups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new
            {
                g.Id, g.OrganizationId, g.CuratorUserId, Organization = g.Organization.ShortName,
                Mentees = g.Members.Where(m => m.Role == MemberRole.Mentee && m.LeftOn == null && db.People.Processable().Any(p => p.Id == m.PersonId))
                    .Select(m => m.Person.LastName + " " + m.Person.FirstName).ToList(),
            })
            .ToDictionaryAsync(g => g.Id, ct);
        var organizations = pairs.Values.Select(p => p.OrganizationId).Distinct().ToArray();
        var curators = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Curator && a.User.IsActive && a.OrganizationId != null && organizations.Contains(a.OrganizationId.Value))
            .Select(a => new { a.UserId, OrganizationId = a.OrganizationId!.Value, a.User.Email })
            .ToListAsync(ct);
        var curatorEmails = await db.Users.AsNoTracking().Where(u => pairs.Values.Select(p => p.CuratorUserId).Contains(u.Id) && u.IsActive)
            .ToDictionaryAsync(u => u.Id, u => u.Email, ct);

        var planned = new List<Notifier.Note>();
        foreach (var row in flagged)
        {
            var pair = pairs[row.GroupId];
            // The pair's own curator when one is named, otherwise every curator of the school.
            var to = pair.CuratorUserId is { } own && curatorEmails.TryGetValue(own, out var ownEmail)
                ? [(own, ownEmail)]
                : curators.Where(c => c.OrganizationId == pair.OrganizationId).Select(c => (c.UserId, c.Email)).ToList();
            var who = string.Join(", ", pair.Mentees);
            foreach (var (userId, email) in to)
            {
                if (row.OverdueContacts)
                {
                    planned.Add(new Notifier.Note(userId, $"Просрочены контакты куратора с парой ({who}, {pair.Organization})",
                        $"/Pairs/Contacts/{row.GroupId}", $"pair:{row.GroupId}:contacts-overdue:{month}", email));
                }
                if (row.Stalled)
                {
                    planned.Add(new Notifier.Note(userId, $"Пара {who} ({pair.Organization}) не встречалась 30 дней",
                        $"/Pairs/Contacts/{row.GroupId}", $"pair:{row.GroupId}:stalled:{month}", email));
                }
            }
        }

        // Members whose side has given no feedback for 30 days, reached through their login (users.person_id).
        var silent = flagged.Where(r => r.MissingFeedback).Select(r => r.GroupId).ToArray();
        var since = MoscowTime.StartOfDay(today.AddDays(-(WatchRules.FeedbackDays - 1)));
        var members = await (
            from m in db.GroupMembers.AsNoTracking()
            where silent.Contains(m.GroupId) && m.LeftOn == null
                && !db.Feedback.Any(f => f.GroupId == m.GroupId && f.Role == m.Role && f.SubmittedAt >= since)
            join u in db.Users on m.PersonId equals u.PersonId
            where u.IsActive
            select new { m.GroupId, u.Id, u.Email }).ToListAsync(ct);
        foreach (var m in members)
        {
            planned.Add(new Notifier.Note(m.Id, "Заполните, пожалуйста, ежемесячную обратную связь о работе вашей наставнической пары",
                $"/Pairs/Feedback/{m.GroupId}", $"pair:{m.GroupId}:feedback:{month}", m.Email));
        }

        var fresh = await Notifier.FreshAsync(db, planned, ct);
        if (fresh.Count == 0) return new Run(false, 0, 0);

        var emails = await Notifier.AddAsync(db, fresh, clock.GetUtcNow(), mine => new Notifier.Letter(
            $"Наставник: наставнические пары требуют внимания ({mine.Count})",
            "Здравствуйте!\n\n" + string.Join("\n", mine.Select(p => "• " + p.Text)) + "\n\nЭто письмо отправлено автоматически."));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Run(false, fresh.Count, emails);
    }
}

public static class PairWatchServices
{
    public static IServiceCollection AddPairWatchServices(this IServiceCollection services)
    {
        services.AddOptions<PairReminderService.Settings>().BindConfiguration("Nastavnik:Pairs:Reminders");
        services.AddSingleton<PairReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<PairReminderService>());
        services.AddSingleton<WatchRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchRefreshService>());
        return services;
    }
}

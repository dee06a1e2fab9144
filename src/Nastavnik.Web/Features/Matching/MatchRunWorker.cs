using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// Runs queued matching runs in the background. A run is claimed with FOR UPDATE SKIP LOCKED and marked running in a
/// short transaction, so with several web nodes each run is taken by one of them; a run left «running» by a node that
/// died is taken again after <see cref="Settings.StaleMinutes"/>. The engine reports its stages, written to the run
/// row at once (the curator's card polls it); the proposal (or, in mentee-choice mode, the shortlists) is saved in one
/// transaction with the run's status Draft, or the run fails with a Russian error.
/// </summary>
public sealed class MatchRunWorker(IServiceScopeFactory scopes, MatchRunSignal signal, IOptions<MatchRunWorker.Settings> settings,
    TimeProvider clock, ILogger<MatchRunWorker> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Matching</c>.</summary>
    public sealed class Settings
    {
        /// <summary>Off: the background loop does not run (a round may still be started by calling it).</summary>
        public bool Enabled { get; set; } = true;
        /// <summary>How often the queue is looked at when no run was created on this node.</summary>
        public double PollSeconds { get; set; } = 3;
        /// <summary>A run «running» longer than this is taken to belong to a dead node and is run again.</summary>
        public double StaleMinutes { get; set; } = 30;
        /// <summary>Threads for the engine (0: as many as the machine has).</summary>
        public int Threads { get; set; }
        /// <summary>Offers per mentee in mentee-choice mode.</summary>
        public int ShortlistSize { get; set; } = 5;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled)
        {
            log.LogInformation("The matching worker is switched off (Nastavnik:Matching:Enabled = false)");
            return;
        }
        var poll = TimeSpan.FromSeconds(Math.Max(0.2, settings.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken) is not null)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Matching worker round failed");
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims and runs the oldest queued run; returns its id, or null when the queue is empty. Public for tests.</summary>
    public async Task<long?> RunNextAsync(CancellationToken ct = default)
    {
        var id = await ClaimAsync(ct);
        if (id is null) return null;
        try
        {
            await ExecuteRunAsync(id.Value, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Matching run {Id} failed", id);
            await FailAsync(id.Value, "Подбор завершился ошибкой: " + e.Message, CancellationToken.None);
        }
        return id;
    }

    private async Task<long?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var staleBefore = now - TimeSpan.FromMinutes(settings.Value.StaleMinutes);
        // xmin is a system column that * leaves out; the entity's row version needs it.
        var run = (await db.MatchRuns.FromSql($"""
            select *, xmin from match_runs
            where status = 'queued' or (status = 'running' and started_at < {staleBefore})
            order by created_at, id
            limit 1
            for update skip locked
            """).ToListAsync(ct)).FirstOrDefault();
        if (run is null) return null;
        run.Status = MatchRunStatus.Running;
        run.StartedAt = now;
        run.FinishedAt = null;
        run.Progress = 0;
        run.ProgressNote = "Загрузка баз наставников и наставляемых";
        run.Error = "";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run.Id;
    }

    private async Task ExecuteRunAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var run = await db.MatchRuns.SingleAsync(r => r.Id == id, ct);
        var proposals = await db.MatchProposals.Where(p => p.RunId == id).ToListAsync(ct);
        var today = clock.MoscowToday();
        var input = await MatchInputs.LoadAsync(db, run, proposals, today, ct);
        input = input with { Threads = settings.Value.Threads };
        if (input.Mentees.Count == 0)
        {
            await FailAsync(id, "В базе наставляемых программы нет никого, кого можно включить в подбор", ct);
            return;
        }
        if (input.Mentors.Count == 0)
        {
            await FailAsync(id, "В базе наставников программы нет никого, кого можно включить в подбор", ct);
            return;
        }
        await ProgressAsync(id, 5, $"Загружено: наставляемых {input.Mentees.Count}, наставников {input.Mentors.Count}", ct);

        var watch = Stopwatch.StartNew();
        // The engine is CPU-bound and reports synchronously; each stage is written at once by a short command.
        var outcome = await Task.Run(() => MatchEngine.Run(input,
            (percent, note) => ProgressAsync(id, 5 + Math.Clamp(percent, 0, 100) * 90 / 100, note, ct).GetAwaiter().GetResult()), ct);
        watch.Stop();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The curator may have discarded the run meanwhile: its row is locked and read again before anything is written
        // (the progress updates changed its row version too).
        await db.Database.ExecuteSqlAsync($"select id from match_runs where id = {id} for update", ct);
        await db.Entry(run).ReloadAsync(ct);
        if (run.Status != MatchRunStatus.Running)
        {
            await tx.RollbackAsync(ct);
            return;
        }
        var (matched, unmatched) = (outcome.Pairs.Count, outcome.Unmatched.Count);
        if (run.Mode == MatchMode.Choice) (matched, unmatched) = await SaveChoicesAsync(db, run, input, ct);
        else SaveProposals(db, run, proposals, outcome);
        run.Status = MatchRunStatus.Draft;
        run.Progress = 100;
        run.ProgressNote = $"Готово; независимых частей графа кандидатов: {outcome.Components}";
        run.TotalScore = outcome.Total;
        run.Matched = matched;
        run.Unmatched = unmatched;
        run.SolveMs = (int)Math.Min(int.MaxValue, Math.Max(outcome.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds));
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Replaces the proposal: locked (and manual) rows stay, refreshed with their score; the rest is written anew.</summary>
    private static void SaveProposals(NastavnikDb db, MatchRun run, List<MatchProposal> existing, MatchOutcome outcome)
    {
        var kept = existing.Where(p => p.IsLocked && p.MentorProfileId is not null).ToDictionary(p => p.MenteeProfileId);
        db.MatchProposals.RemoveRange(existing.Where(p => !kept.ContainsKey(p.MenteeProfileId)));
        foreach (var pair in outcome.Pairs)
        {
            if (!kept.TryGetValue(pair.MenteeId, out var row))
            {
                row = new MatchProposal { RunId = run.Id, MenteeProfileId = pair.MenteeId };
                db.MatchProposals.Add(row);
            }
            else if (row.MentorProfileId != pair.MentorId)
            {
                continue;
            }
            row.MentorProfileId = pair.MentorId;
            row.Score = ProposalRules.ClampScore(pair.Score);
            row.Breakdown = Breakdown.Write(pair.Breakdown);
            row.AlternativeMentorProfileId = pair.AlternativeMentorId;
            row.AlternativeScore = pair.AlternativeScore;
            row.UnmatchedReason = "";
        }
        foreach (var unmatched in outcome.Unmatched.Where(u => !kept.ContainsKey(u.MenteeId)))
        {
            db.MatchProposals.Add(new MatchProposal
            {
                RunId = run.Id, MenteeProfileId = unmatched.MenteeId, UnmatchedReason = Cut(unmatched.Reason, 1000),
            });
        }
    }

    /// <summary>
    /// Mentee-choice mode: each mentee's shortlist as offers; offers already chosen or decided stay as they are.
    /// Returns how many mentees got offers and how many none.
    /// </summary>
    private async Task<(int WithOffers, int Without)> SaveChoicesAsync(NastavnikDb db, MatchRun run, MatchInput input, CancellationToken ct)
    {
        var existing = await db.MatchChoices.Where(c => c.RunId == run.Id).ToListAsync(ct);
        // Open offers are refreshed in place (a delete and insert of the same pair would trip the unique key), the rest removed.
        var open = existing.Where(c => c.Status == ChoiceStatus.Offered).ToDictionary(c => (c.MenteeProfileId, c.MentorProfileId));
        var refreshed = new HashSet<long>();
        var decided = existing.Where(c => c.Status != ChoiceStatus.Offered).Select(c => (c.MenteeProfileId, c.MentorProfileId)).ToHashSet();
        var engaged = existing.Where(c => c.Status is ChoiceStatus.Chosen or ChoiceStatus.Accepted).Select(c => c.MenteeProfileId).ToHashSet();
        var now = clock.GetUtcNow();
        var (withOffers, without) = (0, 0);
        foreach (var list in ChoiceShortlist.Build(input, settings.Value.ShortlistSize))
        {
            if (engaged.Contains(list.MenteeId))
            {
                withOffers++;
                continue;
            }
            if (list.Offers.Count > 0) withOffers++;
            else without++;
            var rank = 0;
            foreach (var offer in list.Offers)
            {
                rank++;
                if (decided.Contains((list.MenteeId, offer.MentorId))) continue;
                if (open.TryGetValue((list.MenteeId, offer.MentorId), out var row))
                {
                    row.Rank = Math.Min(rank, 20);
                    row.Score = ProposalRules.ClampScore(offer.Score);
                    row.Breakdown = Breakdown.Write(offer.Breakdown);
                    refreshed.Add(row.Id);
                    continue;
                }
                db.MatchChoices.Add(new MatchChoice
                {
                    RunId = run.Id, RegionId = run.RegionId, OrganizationId = run.OrganizationId, MenteeProfileId = list.MenteeId,
                    MentorProfileId = offer.MentorId, Rank = Math.Min(rank, 20), Score = ProposalRules.ClampScore(offer.Score),
                    Breakdown = Breakdown.Write(offer.Breakdown), Status = ChoiceStatus.Offered, CreatedAt = now,
                });
            }
        }
        db.MatchChoices.RemoveRange(open.Values.Where(c => !refreshed.Contains(c.Id)));
        return (withOffers, without);
    }

    private async Task ProgressAsync(long id, int percent, string note, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var text = Cut(note, 500);
        await db.MatchRuns.Where(r => r.Id == id && r.Status == MatchRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, Math.Clamp(percent, 0, 100)).SetProperty(r => r.ProgressNote, text), ct);
    }

    private async Task FailAsync(long id, string error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var run = await db.MatchRuns.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != MatchRunStatus.Running) return;
        run.Status = MatchRunStatus.Failed;
        run.Error = Cut(error, 2000);
        run.ProgressNote = "Ошибка";
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

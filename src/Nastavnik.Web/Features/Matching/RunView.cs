using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A run as its card shows it: the summary, the pairs with their explanations, the unmatched, and the pickers.</summary>
public sealed class RunView
{
    public long Id { get; init; }
    public long RegionId { get; init; }
    public string Program { get; init; } = "";
    public string Organization { get; init; } = "";
    public string Form { get; init; } = "";
    public string DeliveryMode { get; init; } = "";
    public MatchMode Mode { get; init; }
    public bool IsGroup { get; init; }
    public MatchWeights Weights { get; init; } = null!;
    public MatchRunStatus Status { get; init; }
    public int Progress { get; init; }
    public string ProgressNote { get; init; } = "";
    public string Error { get; init; } = "";
    public long? TotalScore { get; init; }
    public int? Matched { get; init; }
    public int? Unmatched { get; init; }
    public int? SolveMs { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateOnly? StartDate { get; init; }
    public string OrderNumber { get; init; } = "";
    public DateOnly? OrderDate { get; init; }
    public uint RowVersion { get; init; }
    public List<PairRow> Pairs { get; init; } = [];
    public List<UnmatchedRow> UnmatchedRows { get; init; } = [];
    public List<Option> MenteeOptions { get; init; } = [];
    public List<Option> MentorOptions { get; init; } = [];

    public bool IsWorking => Status is MatchRunStatus.Queued or MatchRunStatus.Running;
    public bool IsDraft => Status == MatchRunStatus.Draft;

    public sealed record PairRow(long ProposalId, long MenteeProfileId, string Mentee, string MenteeClass, long MentorProfileId, string Mentor,
        string MentorRole, int Score, IReadOnlyList<ScoreFactor> Breakdown, string? Alternative, int? AlternativeScore, bool Locked, bool Manual,
        List<string> Warnings)
    {
        /// <summary>The factors that earned most, for the table; the full breakdown is under «Почему?».</summary>
        public IEnumerable<ScoreFactor> TopFactors => Breakdown.Where(f => f.Points > 0).OrderByDescending(f => f.Points).Take(3);
    }

    public sealed record UnmatchedRow(long ProposalId, long MenteeProfileId, string Mentee, string MenteeClass, string Reason);

    public sealed record Option(long Id, string Text);

    public static async Task<RunView?> LoadAsync(NastavnikDb db, Scope scope, long id)
    {
        var run = await db.MatchRuns.AsNoTracking().InScope(scope).Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.RegionId, r.ProgramId, Program = r.Program.Name, Organization = r.Program.Organization.ShortName, r.Form, r.DeliveryMode, r.Mode,
                r.IsGroup, r.Weights, r.Status, r.Progress, r.ProgressNote, r.Error, r.TotalScore, r.Matched, r.Unmatched, r.SolveMs, r.CreatedAt,
                r.StartDate, r.OrderNumber, r.OrderDate, r.RowVersion,
            })
            .SingleOrDefaultAsync();
        if (run is null) return null;
        var rows = await db.MatchProposals.AsNoTracking().Where(p => p.RunId == id)
            .Select(p => new
            {
                p.Id, p.MenteeProfileId, MenteeLast = p.MenteeProfile.Person.LastName, MenteeFirst = p.MenteeProfile.Person.FirstName,
                MenteeMiddle = p.MenteeProfile.Person.MiddleName, MenteeClass = p.MenteeProfile.Person.ClassName,
                p.MentorProfileId, MentorLast = p.MentorProfile!.Person.LastName, MentorFirst = p.MentorProfile.Person.FirstName,
                MentorMiddle = p.MentorProfile.Person.MiddleName, MentorPosition = p.MentorProfile.Person.Position, MentorClass = p.MentorProfile.Person.ClassName,
                p.Score, p.Breakdown, AltLast = p.AlternativeMentorProfile!.Person.LastName, AltFirst = p.AlternativeMentorProfile.Person.FirstName,
                AltMiddle = p.AlternativeMentorProfile.Person.MiddleName, p.AlternativeScore, p.IsLocked, p.IsManual, p.Warnings, p.UnmatchedReason,
            })
            .ToListAsync();
        var pairs = rows.Where(p => p.MentorProfileId is not null)
            .Select(p => new PairRow(p.Id, p.MenteeProfileId, PeopleTerms.FullName(p.MenteeLast, p.MenteeFirst, p.MenteeMiddle), p.MenteeClass,
                p.MentorProfileId!.Value, PeopleTerms.FullName(p.MentorLast, p.MentorFirst, p.MentorMiddle), RoleOf(p.MentorPosition, p.MentorClass),
                p.Score, Breakdown.Read(p.Breakdown), p.AltLast is null ? null : PeopleTerms.FullName(p.AltLast, p.AltFirst, p.AltMiddle), p.AlternativeScore,
                p.IsLocked, p.IsManual, p.Warnings))
            .OrderBy(p => p.Mentor, StringComparer.Ordinal).ThenBy(p => p.MentorProfileId).ThenBy(p => p.Mentee, StringComparer.Ordinal).ThenBy(p => p.ProposalId)
            .ToList();
        var unmatched = rows.Where(p => p.MentorProfileId is null)
            .Select(p => new UnmatchedRow(p.Id, p.MenteeProfileId, PeopleTerms.FullName(p.MenteeLast, p.MenteeFirst, p.MenteeMiddle), p.MenteeClass,
                p.UnmatchedReason.Length > 0 ? p.UnmatchedReason : "подходящий наставник не найден"))
            .OrderBy(p => p.Mentee, StringComparer.Ordinal).ThenBy(p => p.ProposalId).ToList();

        var editable = run.Status == MatchRunStatus.Draft;
        var programId = run.ProgramId;
        var menteeOptions = !editable ? [] : (await db.MenteeProfiles.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Person.Status != PersonStatus.Blocked && m.Person.Status != PersonStatus.Destroyed)
            .OrderBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.ClassName })
            .ToListAsync())
            .Select(m => new Option(m.Id, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName) + (m.ClassName.Length > 0 ? $", {m.ClassName}" : "")))
            .ToList();
        var mentorOptions = !editable ? [] : (await db.MentorProfiles.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Person.Status != PersonStatus.Blocked && m.Person.Status != PersonStatus.Destroyed)
            .OrderBy(m => m.Person.LastName).ThenBy(m => m.Person.FirstName).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.Position, m.Person.ClassName })
            .ToListAsync())
            .Select(m => new Option(m.Id, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName) + ", " + RoleOf(m.Position, m.ClassName)))
            .ToList();

        return new RunView
        {
            Id = run.Id, RegionId = run.RegionId, Program = run.Program, Organization = run.Organization, Form = run.Form, DeliveryMode = run.DeliveryMode,
            Mode = run.Mode, IsGroup = run.IsGroup, Weights = RunWeights.Read(run.Weights), Status = run.Status, Progress = run.Progress,
            ProgressNote = run.ProgressNote, Error = run.Error, TotalScore = run.TotalScore, Matched = run.Matched, Unmatched = run.Unmatched,
            SolveMs = run.SolveMs, CreatedAt = run.CreatedAt, StartDate = run.StartDate, OrderNumber = run.OrderNumber, OrderDate = run.OrderDate,
            RowVersion = run.RowVersion, Pairs = pairs, UnmatchedRows = unmatched, MenteeOptions = menteeOptions, MentorOptions = mentorOptions,
        };
    }

    /// <summary>«учитель математики» for staff, «10А класс» for a pupil.</summary>
    public static string RoleOf(string position, string className) =>
        position.Trim().Length > 0 ? position.Trim() : className.Trim().Length > 0 ? $"{className.Trim()} класс" : "";
}

using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// Reads a programme's bases into the matcher's input: the mentee and mentor profiles of listed people (not blocked,
/// not destroyed), with consent, eligibility, load, ages, grades, topics, subjects and municipality. Mentees who
/// already have an active pair in the run's form, participations that are finished or left, and people whose kind the
/// form does not pair (teachers in «ученик – ученик») are not offered.
/// </summary>
public static class MatchInputs
{
    private static readonly char[] SubjectSeparators = [',', ';', '/'];

    /// <param name="proposals">The run's current proposal: locked rows become locks, the others incumbents.</param>
    /// <param name="anyKind">Keep people whose kind the form does not pair (a manual pair is checked against all filters).</param>
    public static async Task<MatchInput> LoadAsync(NastavnikDb db, MatchRun run, IReadOnlyCollection<MatchProposal> proposals, DateOnly today,
        CancellationToken ct = default, bool anyKind = false)
    {
        var programId = run.ProgramId;
        var form = run.Form;
        var menteeRows = await db.MenteeProfiles.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Status != ParticipationStatus.Finished && m.Status != ParticipationStatus.Left)
            .Where(m => m.Person.Status != PersonStatus.Blocked && m.Person.Status != PersonStatus.Destroyed)
            // One pair per form (DOMAIN.md §3): a mentee in an active or paused pair of this form is not matched again.
            .Where(m => !db.GroupMembers.Any(g => g.PersonId == m.PersonId && g.Role == MemberRole.Mentee && g.LeftOn == null
                && g.Group.Status != GroupStatus.Closed && g.Group.Form == form && g.Group.MatchRunId != run.Id))
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Person.Kind, m.Person.Grade, m.Person.BirthDate, m.OrganizationId, m.Person.Organization.MunicipalityId,
                m.KeyTopicId, m.ExtraTopicIds, m.Availability, m.PreferredMentorProfileId, m.ExcludedMentorProfileIds, PersonStatus = m.Person.Status,
                PersonSubjects = m.Person.Subjects,
            })
            .ToListAsync(ct);
        var mentorRows = await db.MentorProfiles.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Status != ParticipationStatus.Finished && m.Status != ParticipationStatus.Left)
            .Where(m => m.Person.Status != PersonStatus.Blocked && m.Person.Status != PersonStatus.Destroyed)
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Person.Kind, m.Person.Grade, m.Person.BirthDate, m.Person.ExperienceStart, m.OrganizationId,
                m.Person.Organization.MunicipalityId, m.Person.PartnerId, m.CompetencyTopicIds, PersonSubjects = m.Person.Subjects, m.Availability,
                m.DesiredAgeMin, m.DesiredAgeMax, m.Capacity, m.AllowedForms, PersonStatus = m.Person.Status, m.Status, m.ScreeningDone,
                m.TrainingHours, m.TrainingCompletedOn,
                // Mentees the mentor already has in active or paused pairs and groups outside this run.
                Load = db.GroupMembers.Count(g => g.Role == MemberRole.Mentee && g.LeftOn == null && g.Group.Status != GroupStatus.Closed
                    && g.Group.MatchRunId != run.Id
                    && g.Group.Members.Any(x => x.Role == MemberRole.Mentor && x.MentorProfileId == m.Id && x.LeftOn == null)),
            })
            .ToListAsync(ct);
        var topicIds = menteeRows.SelectMany(m => m.ExtraTopicIds.Append(m.KeyTopicId ?? 0)).Concat(mentorRows.SelectMany(m => m.CompetencyTopicIds))
            .Where(id => id > 0).Distinct().ToArray();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.Subject }).ToListAsync(ct);
        var topicNames = topics.ToDictionary(t => t.Id, t => t.Name);
        var topicSubjects = topics.Where(t => t.Subject.Trim().Length > 0).ToDictionary(t => t.Id, t => t.Subject.Trim());

        var locked = proposals.Where(p => p.IsLocked && p.MentorProfileId is not null).ToDictionary(p => p.MenteeProfileId, p => p.MentorProfileId!.Value);
        var current = proposals.Where(p => !p.IsLocked && p.MentorProfileId is not null).ToDictionary(p => p.MenteeProfileId, p => p.MentorProfileId!.Value);

        // Only people the form pairs take part: a «ученик – ученик» run does not list the young teachers of the same
        // programme among its unmatched.
        var menteeKinds = FormRoles.MenteeKinds(run.Form);
        var mentorKinds = FormRoles.MentorKinds(run.Form);
        if (!anyKind && menteeKinds.Count > 0) menteeRows = menteeRows.Where(m => menteeKinds.Contains(m.Kind)).ToList();
        if (!anyKind && mentorKinds.Count > 0) mentorRows = mentorRows.Where(m => mentorKinds.Contains(m.Kind)).ToList();
        var mentees = menteeRows.Select(m =>
        {
            IReadOnlyList<long> requested = m.KeyTopicId is { } key ? [key, .. m.ExtraTopicIds.Where(t => t != key)] : [.. m.ExtraTopicIds];
            return new MenteeInput(m.Id, m.Kind, m.Grade, AgeOf(m.BirthDate, today), m.OrganizationId, m.MunicipalityId, requested,
                SubjectsOf(requested, topicSubjects, m.PersonSubjects), m.Availability, m.PreferredMentorProfileId, m.ExcludedMentorProfileIds,
                m.PersonStatus == PersonStatus.Active,
                CurrentMentorId: current.TryGetValue(m.Id, out var c) ? c : null,
                LockedMentorId: locked.TryGetValue(m.Id, out var l) ? l : null);
        }).ToList();
        var mentors = mentorRows.Select(m => new MentorInput(m.Id, m.Kind, m.Grade, AgeOf(m.BirthDate, today),
            m.ExperienceStart is { } start ? Math.Max(0, ConsentRules.AgeOn(start, today)) : null,
            m.OrganizationId, m.MunicipalityId, m.PartnerId, m.CompetencyTopicIds, SubjectsOf(m.CompetencyTopicIds, topicSubjects, m.PersonSubjects),
            m.Availability, m.DesiredAgeMin, m.DesiredAgeMax, m.Capacity, m.Load, m.AllowedForms,
            MentorEligibility.Missing(m.PersonStatus, m.Status, m.ScreeningDone, m.TrainingHours, m.TrainingCompletedOn))).ToList();

        var rules = new MatchRules(run.Form, run.DeliveryMode, run.IsGroup, RunWeights.Read(run.Weights),
            // Online delivery brings mentors of other municipalities into reach (partners' and networked schools' staff).
            CrossMunicipality: run.DeliveryMode == "virtual", TopicNames: topicNames);
        return new MatchInput(mentees, mentors, rules);
    }

    private static int? AgeOf(DateOnly? birthDate, DateOnly today) => birthDate is { } b ? ConsentRules.AgeOn(b, today) : null;

    /// <summary>
    /// Subjects from the topics (a topic may carry one) and the person's own: what a teacher teaches, what a pupil
    /// mentor is strong in or a pupil mentee asks help with («Математика, физика»).
    /// </summary>
    private static IReadOnlyList<string> SubjectsOf(IEnumerable<long> topicIds, Dictionary<long, string> topicSubjects, string own) =>
        topicIds.Where(topicSubjects.ContainsKey).Select(t => topicSubjects[t])
            .Concat(own.Split(SubjectSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Where(s => s.Length > 0).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
}

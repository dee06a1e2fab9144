using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Matching;

// The matcher's input and output at the level of people (ids are base-profile ids). Built by the web from the
// bases; turned into a MatchInstance by the candidate filters and the score, solved by MatchSolver, explained back.

/// <summary>A mentee as the matcher sees it. <see cref="TopicIds"/>: the key request first, then up to three more.</summary>
public sealed record MenteeInput(
    long Id,
    PersonKind Kind,
    int? Grade,
    int? Age,
    long OrganizationId,
    long MunicipalityId,
    IReadOnlyList<long> TopicIds,
    IReadOnlyList<string> Subjects,
    string Availability,
    long? PreferredMentorId,
    IReadOnlyList<long> ExcludedMentorIds,
    bool ConsentValid,
    long? CurrentMentorId = null,
    long? LockedMentorId = null);

/// <summary>
/// A mentor as the matcher sees it. <see cref="Ineligible"/>: what keeps the mentor out of matching in Russian
/// (no consent, not interviewed, not trained, not admitted — <see cref="MentorEligibility.Missing"/>); empty when
/// eligible. <see cref="Load"/>: mentees the mentor already has outside this run.
/// </summary>
public sealed record MentorInput(
    long Id,
    PersonKind Kind,
    int? Grade,
    int? Age,
    int? ExperienceYears,
    long OrganizationId,
    long MunicipalityId,
    long? PartnerId,
    IReadOnlyList<long> CompetencyTopicIds,
    IReadOnlyList<string> Subjects,
    string Availability,
    int? DesiredAgeMin,
    int? DesiredAgeMax,
    int Capacity,
    int Load,
    IReadOnlyList<string> AllowedForms,
    IReadOnlyList<string> Ineligible);

/// <summary>Weights of the score factors (any non-negative integers; the score is normalised to 0–1000).</summary>
public sealed record MatchWeights(int Topics, int Subject, int Availability, int Age, int SameSchool, int Preference);

/// <summary>
/// The rules of one run: the form (role pairing) and delivery mode, group mode, the grade gap for pupil mentors,
/// the minimum teaching experience for «учитель – учитель», which other organizations' and partners' mentors may take
/// part, and whether mentors of other municipalities may (online forms). <see cref="TopicNames"/>: names of the
/// taxonomy's topics, for the score's explanations (without them the explanation says «запрос №id»).
/// </summary>
public sealed record MatchRules(
    string Form,
    string DeliveryMode,
    bool GroupMode,
    MatchWeights Weights,
    int MinGradeGap = 2,
    int MinTeacherExperienceYears = 3,
    IReadOnlyList<long>? LinkedOrganizationIds = null,
    IReadOnlyList<long>? LinkedPartnerIds = null,
    bool CrossMunicipality = false,
    int IncumbentBonus = 30,
    IReadOnlyDictionary<long, string>? TopicNames = null);

public sealed record MatchInput(IReadOnlyList<MenteeInput> Mentees, IReadOnlyList<MentorInput> Mentors, MatchRules Rules, int Threads = 0);

/// <summary>One factor of a score: code (topics, subject, …), Russian title, points earned and why.</summary>
public sealed record ScoreFactor(string Code, string Title, int Points, string Detail);

public sealed record ProposedPair(
    long MenteeId,
    long MentorId,
    int Score,
    IReadOnlyList<ScoreFactor> Breakdown,
    long? AlternativeMentorId,
    int? AlternativeScore,
    bool Locked);

/// <summary>An unmatched mentee and why, in Russian (which filter removed most candidates, or all were full).</summary>
public sealed record UnmatchedMentee(long MenteeId, string Reason, int CandidateCount);

public sealed record MatchOutcome(
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<UnmatchedMentee> Unmatched,
    long Total,
    int Components,
    TimeSpan Elapsed);

using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.Matching;

/// <summary>Hand-built mentees, mentors and rules for the matcher tests: a valid pair by default, changed with `with`.</summary>
internal static class MatchPeople
{
    public const long School = 10;
    public const long Town = 100;

    public static MenteeInput Mentee(long id, params long[] topics) => new(
        Id: id, Kind: PersonKind.Pupil, Grade: 7, Age: 13, OrganizationId: School, MunicipalityId: Town,
        TopicIds: topics.Length == 0 ? [1] : topics, Subjects: ["математика"], Availability: "пн, ср после 15:00",
        PreferredMentorId: null, ExcludedMentorIds: [], ConsentValid: true);

    public static MentorInput Mentor(long id, params long[] competencies) => new(
        Id: id, Kind: PersonKind.Pupil, Grade: 10, Age: 16, ExperienceYears: null, OrganizationId: School, MunicipalityId: Town,
        PartnerId: null, CompetencyTopicIds: competencies.Length == 0 ? [1] : competencies, Subjects: ["математика"],
        Availability: "по будням после уроков", DesiredAgeMin: 12, DesiredAgeMax: 14, Capacity: 1, Load: 0,
        AllowedForms: [], Ineligible: []);

    public static MatchRules Rules(string form = "pupil_pupil") => new(form, "traditional", false, WeightPresets.Default.Weights);

    public static MatchInput Input(IEnumerable<MenteeInput> mentees, IEnumerable<MentorInput> mentors, MatchRules? rules = null, int threads = 1) =>
        new(mentees.ToList(), mentors.ToList(), rules ?? Rules(), threads);
}

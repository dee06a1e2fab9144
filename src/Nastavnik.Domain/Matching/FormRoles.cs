using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Matching;

/// <summary>
/// Who may be the mentor and who the mentee in each form of <see cref="Forms.All"/> (DOMAIN.md §3). An unknown form
/// allows nobody, so a programme with a retired form matches no one instead of everyone.
/// </summary>
public static class FormRoles
{
    private static readonly Dictionary<string, (PersonKind Mentor, PersonKind Mentee)> Roles = new()
    {
        ["pupil_pupil"] = (PersonKind.Pupil, PersonKind.Pupil),
        ["teacher_teacher"] = (PersonKind.Teacher, PersonKind.Teacher),
        ["student_pupil"] = (PersonKind.Student, PersonKind.Pupil),
        ["employer_pupil"] = (PersonKind.EmployerStaff, PersonKind.Pupil),
        ["employer_student"] = (PersonKind.EmployerStaff, PersonKind.Student),
        ["student_student"] = (PersonKind.Student, PersonKind.Student),
        ["teacher_learner"] = (PersonKind.Teacher, PersonKind.Pupil),
        ["educator_educator"] = (PersonKind.Teacher, PersonKind.Teacher),
        ["head_educator"] = (PersonKind.Teacher, PersonKind.Teacher),
        ["employer_pedagogy_student"] = (PersonKind.EmployerStaff, PersonKind.Student),
    };

    private static readonly IReadOnlySet<PersonKind> None = new HashSet<PersonKind>();

    public static IReadOnlySet<PersonKind> MentorKinds(string form) =>
        Roles.TryGetValue(form, out var roles) ? new HashSet<PersonKind> { roles.Mentor } : None;

    public static IReadOnlySet<PersonKind> MenteeKinds(string form) =>
        Roles.TryGetValue(form, out var roles) ? new HashSet<PersonKind> { roles.Mentee } : None;

    /// <summary>Forms whose mentors must have teaching experience (<see cref="MatchRules.MinTeacherExperienceYears"/>).</summary>
    public static bool NeedsTeacherExperience(string form) => form is "teacher_teacher" or "educator_educator";
}

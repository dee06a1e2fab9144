namespace Nastavnik.Domain.People;

/// <summary>A form of mentoring (a role pairing, DOMAIN.md §3): its code, name and model family.</summary>
public sealed record MentoringForm(string Code, string Name, ModelFamily Family);

/// <summary>The seeded forms and delivery modes of DOMAIN.md §3 (codes are stored in programmes and profiles).</summary>
public static class Forms
{
    public static readonly IReadOnlyList<MentoringForm> All =
    [
        new("pupil_pupil", "Ученик – ученик", ModelFamily.Learners),
        new("teacher_teacher", "Учитель – учитель", ModelFamily.Learners),
        new("student_pupil", "Студент – ученик", ModelFamily.Learners),
        new("employer_pupil", "Работодатель – ученик", ModelFamily.Learners),
        new("employer_student", "Работодатель – студент", ModelFamily.Learners),
        new("student_student", "Студент – студент", ModelFamily.Learners),
        new("teacher_learner", "Педагог – обучающийся", ModelFamily.Learners),
        new("educator_educator", "Педагог – педагог", ModelFamily.Teachers),
        new("head_educator", "Руководитель образовательной организации – педагог", ModelFamily.Teachers),
        new("employer_pedagogy_student", "Работодатель – студент педагогического вуза/колледжа", ModelFamily.Teachers),
    ];

    public static readonly IReadOnlyDictionary<string, string> DeliveryModes = new Dictionary<string, string>
    {
        ["traditional"] = "Традиционное (один-на-один)",
        ["group"] = "Групповое",
        ["virtual"] = "Виртуальное (дистанционное)",
        ["short_term"] = "Краткосрочное (целеполагающее)",
        ["reverse"] = "Реверсивное",
        ["situational"] = "Ситуационное",
        ["speed"] = "Скоростное",
    };

    public static IEnumerable<MentoringForm> Of(ModelFamily family) => All.Where(f => f.Family == family);

    /// <summary>The form's name, or the code itself when it is not (or no longer) seeded.</summary>
    public static string NameOf(string code) => All.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public static bool IsKnown(string code, ModelFamily family) => All.Any(f => f.Code == code && f.Family == family);
}

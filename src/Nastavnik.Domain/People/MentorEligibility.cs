namespace Nastavnik.Domain.People;

/// <summary>
/// Who may be offered to matching as a mentor (DOMAIN.md §4 gates): a valid processing consent, an interview held,
/// training done for at least the seeded minimum of hours (0 disables the check), and the curator's «допущен».
/// </summary>
public static class MentorEligibility
{
    /// <summary>Seeded minimum of training hours, editable per region later; 0 disables the training gate.</summary>
    public const decimal MinTrainingHours = 2m;

    public const string Interview = "interview";

    /// <summary>What is missing, in Russian; empty when the mentor may be offered to matching.</summary>
    public static IReadOnlyList<string> Missing(PersonStatus person, ParticipationStatus status, IReadOnlyCollection<string> screeningDone,
        decimal? trainingHours, DateOnly? trainingCompletedOn, decimal minHours = MinTrainingHours)
    {
        var missing = new List<string>();
        if (person != PersonStatus.Active) missing.Add("нет действующего согласия на обработку персональных данных");
        if (!screeningDone.Contains(Interview)) missing.Add("не проведено собеседование");
        if (minHours > 0 && (trainingCompletedOn is null || (trainingHours ?? 0) < minHours))
        {
            missing.Add($"не пройдено обучение наставников (не менее {minHours:0.#} ч)");
        }
        if (status is not (ParticipationStatus.Admitted or ParticipationStatus.InPair)) missing.Add("куратор не допустил к подбору пар");
        return missing;
    }

    public static bool IsEligible(PersonStatus person, ParticipationStatus status, IReadOnlyCollection<string> screeningDone,
        decimal? trainingHours, DateOnly? trainingCompletedOn) =>
        Missing(person, status, screeningDone, trainingHours, trainingCompletedOn).Count == 0;
}

using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class MentorEligibilityTests
{
    private static readonly DateOnly Trained = new(2026, 9, 20);

    [Fact]
    public void Missing_AdmittedInterviewedTrainedWithConsent_IsEligible()
    {
        Assert.Empty(MentorEligibility.Missing(PersonStatus.Active, ParticipationStatus.Admitted, [MentorEligibility.Interview], 2m, Trained));
        Assert.True(MentorEligibility.IsEligible(PersonStatus.Active, ParticipationStatus.InPair, [MentorEligibility.Interview], 6m, Trained));
    }

    [Fact]
    public void Missing_NoConsent_SaysSo()
    {
        var missing = MentorEligibility.Missing(PersonStatus.AwaitingConsent, ParticipationStatus.Admitted, [MentorEligibility.Interview], 2m, Trained);

        Assert.Equal(["нет действующего согласия на обработку персональных данных"], missing);
    }

    [Fact]
    public void Missing_TrainingShorterThanMinimumOrNotCompleted_SaysSo()
    {
        Assert.Contains("не пройдено обучение наставников (не менее 2 ч)",
            MentorEligibility.Missing(PersonStatus.Active, ParticipationStatus.Admitted, [MentorEligibility.Interview], 1.5m, Trained));
        Assert.Single(MentorEligibility.Missing(PersonStatus.Active, ParticipationStatus.Admitted, [MentorEligibility.Interview], 4m, null));
    }

    [Fact]
    public void Missing_ZeroMinimum_DisablesTrainingGate()
    {
        Assert.Empty(MentorEligibility.Missing(PersonStatus.Active, ParticipationStatus.Admitted, [MentorEligibility.Interview], null, null, minHours: 0));
    }

    [Fact]
    public void Missing_CandidateWithoutInterview_ListsBoth()
    {
        var missing = MentorEligibility.Missing(PersonStatus.Active, ParticipationStatus.Candidate, [], 2m, Trained);

        Assert.Equal(["не проведено собеседование", "куратор не допустил к подбору пар"], missing);
    }
}

using Nastavnik.Domain.Matching;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchScoringTests
{
    private static readonly MatchWeights Equal = new(1, 1, 1, 1, 1, 1);

    private static ScoreFactor Factor(IReadOnlyList<ScoreFactor> breakdown, string code) => breakdown.Single(f => f.Code == code);

    [Fact]
    public void Score_EverythingFits_Is1000()
    {
        var mentee = Mentee(1, 1, 2) with { PreferredMentorId = 11 };
        var mentor = Mentor(11, 1, 2) with { Availability = "в любое время" };

        var (score, breakdown) = MatchScoring.Score(mentee, mentor, Rules());

        Assert.Equal(1000, score);
        Assert.Equal(1000, breakdown.Sum(f => f.Points));
    }

    [Fact]
    public void Score_NothingFits_IsAtLeastOne()
    {
        var mentee = Mentee(1, 1) with { Subjects = ["физика"], Age = 20, PreferredMentorId = 99, Availability = "суббота" };
        var mentor = Mentor(11, 5) with { OrganizationId = 99, Availability = "понедельник" };

        var (score, breakdown) = MatchScoring.Score(mentee, mentor, Rules());

        Assert.Equal(1, score);
        Assert.Equal(1, breakdown.Sum(f => f.Points));
    }

    [Fact]
    public void Score_KeyRequestCovered_EarnsKeyShareOfTopics()
    {
        var rules = Rules() with { Weights = new MatchWeights(1, 0, 0, 0, 0, 0), TopicNames = new Dictionary<long, string> { [1] = "Подготовка к ОГЭ/ЕГЭ" } };

        var (keyOnly, breakdown) = MatchScoring.Score(Mentee(1, 1, 2, 3), Mentor(11, 1), rules);
        var (extrasOnly, _) = MatchScoring.Score(Mentee(1, 1, 2, 3), Mentor(11, 2, 3), rules);

        Assert.Equal(600, keyOnly);
        Assert.Equal(400, extrasOnly);
        Assert.Equal("закрыт ключевой запрос «Подготовка к ОГЭ/ЕГЭ»; дополнительные запросы не закрыты", Factor(breakdown, MatchScoring.Topics).Detail);
    }

    [Fact]
    public void Score_TopicNamesMissing_SaysRequestNumber()
    {
        var (_, breakdown) = MatchScoring.Score(Mentee(1, 4, 2), Mentor(11, 2), Rules());

        Assert.Equal("ключевой запрос «запрос №4» не закрыт; дополнительные: 1 из 1 («запрос №2»)", Factor(breakdown, MatchScoring.Topics).Detail);
    }

    [Fact]
    public void Score_SubjectsPartlyShared_CountsShareOfMenteeSubjects()
    {
        var rules = Rules() with { Weights = new MatchWeights(0, 1, 0, 0, 0, 0) };
        var mentee = Mentee(1) with { Subjects = ["Математика", "физика"] };

        var (score, breakdown) = MatchScoring.Score(mentee, Mentor(11) with { Subjects = ["математика ", "химия"] }, rules);

        Assert.Equal(500, score);
        Assert.Equal("общие предметы: Математика", Factor(breakdown, MatchScoring.Subject).Detail);
    }

    [Fact]
    public void Score_AvailabilityHalfCovered_EarnsHalf()
    {
        var rules = Rules() with { Weights = new MatchWeights(0, 0, 1, 0, 0, 0) };

        var (score, breakdown) = MatchScoring.Score(Mentee(1), Mentor(11) with { Availability = "пн после 15" }, rules);

        Assert.Equal(500, score);
        Assert.Equal("совпадает 50% удобного времени наставляемого", Factor(breakdown, MatchScoring.AvailabilityCode).Detail);
    }

    [Theory]
    [InlineData(13, 1000)]
    [InlineData(15, 500)]
    [InlineData(11, 500)]
    [InlineData(17, 1)]
    public void Score_DesiredAge_InRangeOneWithinAYearHalf(int age, int expected)
    {
        var rules = Rules() with { Weights = new MatchWeights(0, 0, 0, 1, 0, 0) };

        Assert.Equal(expected, MatchScoring.Score(Mentee(1) with { Age = age }, Mentor(11), rules).Score);
    }

    [Fact]
    public void Score_UnknownAgeOrRange_IsNeutral()
    {
        var rules = Rules() with { Weights = new MatchWeights(0, 0, 0, 1, 0, 0) };

        Assert.Equal(500, MatchScoring.Score(Mentee(1) with { Age = null }, Mentor(11), rules).Score);
        Assert.Equal(500, MatchScoring.Score(Mentee(1), Mentor(11) with { DesiredAgeMin = null, DesiredAgeMax = null }, rules).Score);
    }

    [Fact]
    public void Score_Preference_ChosenOneOtherZeroNoneHalf()
    {
        var rules = Rules() with { Weights = new MatchWeights(0, 0, 0, 0, 0, 1) };

        Assert.Equal(1000, MatchScoring.Score(Mentee(1) with { PreferredMentorId = 11 }, Mentor(11), rules).Score);
        Assert.Equal(1, MatchScoring.Score(Mentee(1) with { PreferredMentorId = 12 }, Mentor(11), rules).Score);
        Assert.Equal(500, MatchScoring.Score(Mentee(1), Mentor(11), rules).Score);
    }

    [Fact]
    public void Score_AllWeightsZero_FallsBackToEqualWeights()
    {
        var zero = Rules() with { Weights = new MatchWeights(0, 0, 0, 0, 0, 0) };
        var equal = Rules() with { Weights = Equal };

        Assert.Equal(MatchScoring.Score(Mentee(1), Mentor(11), equal).Score, MatchScoring.Score(Mentee(1), Mentor(11), zero).Score);
    }

    [Fact]
    public void Score_RandomPairs_BoundedAndBreakdownSumsToScore()
    {
        var rnd = new Random(5);
        string[] times = ["", "пн, ср после 15:00", "по будням после уроков", "суббота утром", "в любое время", "вт 14-16"];
        string[] subjects = ["математика", "физика", "химия", "история"];
        for (var round = 0; round < 2000; round++)
        {
            var mentee = Mentee(1, Enumerable.Range(0, rnd.Next(0, 5)).Select(_ => (long)rnd.Next(1, 6)).Distinct().ToArray()) with
            {
                Subjects = subjects.Where(_ => rnd.Next(2) == 0).ToList(),
                Availability = times[rnd.Next(times.Length)],
                Age = rnd.Next(3) == 0 ? null : rnd.Next(10, 18),
                PreferredMentorId = rnd.Next(3) == 0 ? null : rnd.Next(10, 13),
                TopicIds = Enumerable.Range(0, rnd.Next(0, 5)).Select(_ => (long)rnd.Next(1, 6)).Distinct().ToList(),
            };
            var mentor = Mentor(11) with
            {
                CompetencyTopicIds = Enumerable.Range(0, rnd.Next(0, 4)).Select(_ => (long)rnd.Next(1, 6)).ToList(),
                Subjects = subjects.Where(_ => rnd.Next(2) == 0).ToList(),
                Availability = times[rnd.Next(times.Length)],
                OrganizationId = rnd.Next(9, 11),
            };
            var weights = new MatchWeights(rnd.Next(0, 50), rnd.Next(0, 50), rnd.Next(0, 50), rnd.Next(0, 50), rnd.Next(0, 50), rnd.Next(0, 50));

            var (score, breakdown) = MatchScoring.Score(mentee, mentor, Rules() with { Weights = weights });

            Assert.InRange(score, 1, 1000);
            Assert.Equal(score, breakdown.Sum(f => f.Points));
            Assert.All(breakdown, f => Assert.True(f.Points >= 0));
            Assert.Equal(MatchScoring.Factors.Select(f => f.Code), breakdown.Select(f => f.Code));
        }
    }

    [Fact]
    public void Score_ThirdsOfEqualWeights_DistributesRoundingToLargestFractions()
    {
        var rules = Rules() with { Weights = new MatchWeights(1, 1, 1, 0, 0, 0) };

        var (score, breakdown) = MatchScoring.Score(Mentee(1) with { Availability = "" }, Mentor(11), rules);

        // x = 1, 1, 0.5 → 333.3 + 333.3 + 166.7 = 833.3 → 833; the spare unit goes to the largest fraction.
        Assert.Equal(833, score);
        Assert.Equal([333, 333, 167, 0, 0, 0], breakdown.Select(f => f.Points));
    }

    [Fact]
    public void Presets_DefaultIsBalancedAndAllFourHaveRussianNames()
    {
        Assert.Equal("Сбалансированный", WeightPresets.Default.Name);
        Assert.Equal(["Сбалансированный", "Прежде всего запросы", "Удобство встреч", "Пожелания наставляемого"], WeightPresets.All.Select(p => p.Name));
        Assert.Equal(4, WeightPresets.All.Select(p => p.Code).Distinct().Count());
        Assert.Same(WeightPresets.Default, WeightPresets.Find("no_such_preset"));
        Assert.Equal("convenience", WeightPresets.Find("convenience").Code);
    }

    [Fact]
    public void Presets_EachLeansOnItsFactor()
    {
        var topics = WeightPresets.Find("topics_first").Weights;
        var convenience = WeightPresets.Find("convenience").Weights;
        var wishes = WeightPresets.Find("mentee_wishes").Weights;

        Assert.True(topics.Topics > WeightPresets.Default.Weights.Topics);
        Assert.True(convenience.Availability + convenience.SameSchool > WeightPresets.Default.Weights.Availability + WeightPresets.Default.Weights.SameSchool);
        Assert.True(wishes.Preference > WeightPresets.Default.Weights.Preference);
    }
}

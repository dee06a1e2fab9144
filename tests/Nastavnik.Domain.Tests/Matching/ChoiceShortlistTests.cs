using Nastavnik.Domain.Matching;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class ChoiceShortlistTests
{
    [Fact]
    public void Build_FewCandidates_OffersAllBestFirst()
    {
        var input = Input([Mentee(1, 1, 2)], [Mentor(11, 2), Mentor(12, 1, 2), Mentor(13, 1)]);

        var list = Assert.Single(ChoiceShortlist.Build(input));

        Assert.Equal(1, list.MenteeId);
        Assert.Equal([12L, 13L, 11L], list.Offers.Select(o => o.MentorId));
        Assert.Equal(list.Offers.Select(o => o.Score).OrderDescending(), list.Offers.Select(o => o.Score));
        Assert.All(list.Offers, o => Assert.Equal(o.Score, o.Breakdown.Sum(f => f.Points)));
    }

    [Fact]
    public void Build_ManyCandidates_OffersAtMostSize()
    {
        var mentors = Enumerable.Range(11, 10).Select(id => Mentor(id)).ToList();

        var list = Assert.Single(ChoiceShortlist.Build(Input([Mentee(1)], mentors), size: 5));

        Assert.Equal(5, list.Offers.Count);
    }

    [Fact]
    public void Build_NoCandidate_GivesEmptyList()
    {
        var list = Assert.Single(ChoiceShortlist.Build(Input([Mentee(1) with { ConsentValid = false }], [Mentor(11)])));

        Assert.Empty(list.Offers);
    }

    [Fact]
    public void Build_OnePopularMentor_NotShownToEveryone()
    {
        // Mentor 11 alone covers everybody's key request, so every mentee ranks it first.
        var mentees = Enumerable.Range(1, 20).Select(id => Mentee(id, 1)).ToList();
        var mentors = new[] { Mentor(11, 1) }.Concat(Enumerable.Range(12, 24).Select(id => Mentor(id, 2))).ToList();

        var lists = ChoiceShortlist.Build(Input(mentees, mentors), size: 5);

        Assert.Equal(5, lists.Count(l => l.Offers.Any(o => o.MentorId == 11)));
        Assert.All(lists, l => Assert.Equal(5, l.Offers.Count));
    }

    [Fact]
    public void Build_MentorWithManyPlaces_ShownUpToExposureTimesPlaces()
    {
        var mentees = Enumerable.Range(1, 30).Select(id => Mentee(id, 1)).ToList();
        var mentors = new[] { Mentor(11, 1) with { Capacity = 4 } }.Concat(Enumerable.Range(12, 30).Select(id => Mentor(id, 2))).ToList();

        var lists = ChoiceShortlist.Build(Input(mentees, mentors), size: 5, exposure: 3);

        Assert.Equal(12, lists.Count(l => l.Offers.Any(o => o.MentorId == 11)));
    }

    [Fact]
    public void Build_RandomProgramme_IncludesOptimalMentorAndRespectsExposureCap()
    {
        var (mentees, mentors) = MatchEngineTests.RandomProgramme(new Random(21), 600, 200);
        var input = Input(mentees, mentors);

        var lists = ChoiceShortlist.Build(input, size: 5);
        var optimum = MatchEngine.Run(input);

        var offered = lists.ToDictionary(l => l.MenteeId, l => l.Offers.Select(o => o.MentorId).ToHashSet());
        Assert.All(optimum.Pairs, p => Assert.Contains(p.MentorId, offered[p.MenteeId]));
        Assert.All(lists, l => Assert.InRange(l.Offers.Count, 0, 5));
        Assert.All(lists, l => Assert.Equal(l.Offers.Count, l.Offers.Select(o => o.MentorId).Distinct().Count()));
        var shown = lists.SelectMany(l => l.Offers).GroupBy(o => o.MentorId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var mentor in mentors.Where(m => shown.ContainsKey(m.Id)))
        {
            Assert.True(shown[mentor.Id] <= Math.Max(5, 3 * (mentor.Capacity - mentor.Load)), $"mentor {mentor.Id} shown {shown[mentor.Id]} times");
        }
    }

    [Fact]
    public void Build_SameInputAnyThreads_SameLists()
    {
        var (mentees, mentors) = MatchEngineTests.RandomProgramme(new Random(22), 400, 150);

        static string Describe(IReadOnlyList<MenteeShortlist> lists) =>
            string.Join("\n", lists.Select(l => $"{l.MenteeId}: " + string.Join(",", l.Offers.Select(o => $"{o.MentorId}={o.Score}"))));

        Assert.Equal(Describe(ChoiceShortlist.Build(Input(mentees, mentors, threads: 1))),
            Describe(ChoiceShortlist.Build(Input(mentees, mentors, threads: 4))));
    }
}

using Nastavnik.Domain.Matching;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchEngineTests
{
    [Fact]
    public void Run_TwoMenteesTwoMentors_PairsEachWithBestTotal()
    {
        var input = Input([Mentee(1, 1), Mentee(2, 2)], [Mentor(11, 1), Mentor(12, 2)]);

        var outcome = MatchEngine.Run(input);

        Assert.Equal([(1L, 11L), (2L, 12L)], outcome.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        Assert.Empty(outcome.Unmatched);
        Assert.Equal(outcome.Pairs.Sum(p => (long)p.Score), outcome.Total);
    }
}

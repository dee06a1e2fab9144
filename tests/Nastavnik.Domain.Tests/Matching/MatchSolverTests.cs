using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchSolverTests
{
    [Fact]
    public void Solve_RandomSmallInstances_EqualsExhaustiveSearch()
    {
        var rnd = new Random(20261121);
        for (var round = 0; round < 400; round++)
        {
            var instance = RandomInstance(rnd, rnd.Next(1, 8), rnd.Next(1, 5));
            var result = MatchSolver.Solve(instance);
            Assert.Equal(Exhaustive.Best(instance), result.Total);
            AssertFeasible(instance, result.MentorOf);
        }
    }

    internal static MatchInstance RandomInstance(Random rnd, int mentees, int mentors)
    {
        var capacity = Enumerable.Range(0, mentors).Select(_ => rnd.Next(1, 3)).ToArray();
        var edges = new List<(int, int, int)>();
        for (var i = 0; i < mentees; i++)
        {
            foreach (var j in Enumerable.Range(0, mentors).Where(_ => rnd.Next(3) > 0)) edges.Add((i, j, rnd.Next(1, 1001)));
        }
        return MatchInstance.FromEdges(capacity, mentees, edges);
    }

    internal static void AssertFeasible(MatchInstance instance, int[] mentorOf)
    {
        var load = new int[instance.MentorCount];
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (mentorOf[i] < 0) continue;
            Assert.True(instance.ScoreOf(i, mentorOf[i]) > 0, $"mentee {i} got a mentor that is not a candidate");
            load[mentorOf[i]]++;
        }
        for (var j = 0; j < load.Length; j++) Assert.True(load[j] <= instance.Capacity[j], $"mentor {j} over capacity");
    }
}

/// <summary>Tries every assignment (each mentee: unmatched or one of its candidates) within capacities.</summary>
internal static class Exhaustive
{
    public static long Best(MatchInstance instance, int[]? locked = null)
    {
        var load = new int[instance.MentorCount];
        long best = 0;
        void Go(int i, long sum)
        {
            if (i == instance.MenteeCount) { best = Math.Max(best, sum); return; }
            if (locked is not null && locked[i] >= 0)
            {
                load[locked[i]]++;
                Go(i + 1, sum + instance.ScoreOf(i, locked[i]));
                load[locked[i]]--;
                return;
            }
            Go(i + 1, sum);
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var j = instance.EdgeMentor[e];
                if (load[j] >= instance.Capacity[j]) continue;
                load[j]++;
                Go(i + 1, sum + instance.EdgeScore[e]);
                load[j]--;
            }
        }
        Go(0, 0);
        return best;
    }
}

using System.Globalization;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class ReferenceSolverTests
{
    [Fact]
    public void Solve_TinyRandomInstances_EqualsExhaustiveSearch()
    {
        var rnd = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var instance = RandomInstance(rnd, rnd.Next(1, 8), rnd.Next(1, 5), rnd.Next(0, 4));

            var result = ReferenceSolver.Solve(instance);

            Assert.Equal(BestByExhaustiveSearch(instance), result.Total);
            AssertFeasible(instance, result);
        }
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Solve_RandomInstancesUpToFewHundredMentees_EqualsMatchSolver()
    {
        var rnd = new Random(11);
        for (var round = 0; round < 40; round++)
        {
            var instance = round % 2 == 0
                ? RandomInstance(rnd, rnd.Next(10, 300), rnd.Next(3, 100), 3)
                : InstanceGenerator.Generate(rnd.Next(20, 400), municipalities: rnd.Next(1, 12), candidates: rnd.Next(1, 15), seed: (ulong)round);

            var reference = ReferenceSolver.Solve(instance);
            var solver = MatchSolver.Solve(instance);

            Assert.Equal(solver.Total, reference.Total);
            AssertFeasible(instance, reference);
        }
    }

    [Fact]
    public void Solve_TwoMunicipalitiesApart_CountsComponentsWithMentees()
    {
        // Mentor 3 has no candidate mentee: not a component of its own.
        var instance = MatchInstance.FromEdges([1, 1, 1], 3, [(0, 0, 5), (1, 0, 6), (2, 1, 7)]);

        var result = ReferenceSolver.Solve(instance);

        Assert.Equal(2, result.Components);
        Assert.Equal(13, result.Total);
        Assert.Equal([-1, 0, 1], result.MentorOf);
    }

    [Fact]
    public void MinCostFlow_DimacsOfRandomInstances_OptimumIsMinusTotal()
    {
        var rnd = new Random(5);
        for (var round = 0; round < 30; round++)
        {
            var instance = InstanceGenerator.Generate(rnd.Next(1, 150), municipalities: rnd.Next(1, 4), candidates: rnd.Next(1, 8), seed: (ulong)round + 100);
            var writer = new StringWriter();
            Dimacs.Write(instance, writer);

            var (supply, arcs) = ReadDimacs(writer.ToString());
            var (cost, _) = ReferenceSolver.MinCostFlow(supply, arcs);

            Assert.Equal(-MatchSolver.Solve(instance).Total, cost);
        }
    }

    [Fact]
    public void MinCostFlow_LowerBoundForcesExpensiveArc_PaysForIt()
    {
        // 0 → 2 directly costs 1, via 1 costs 5 + 5; at least 1 unit must go 0 → 1.
        var arcs = new List<ReferenceSolver.Arc> { new(0, 2, 0, 5, 1), new(0, 1, 1, 5, 5), new(1, 2, 0, 5, 5) };

        var (cost, flow) = ReferenceSolver.MinCostFlow([3, 0, -3], arcs);

        Assert.Equal(2 * 1 + 10, cost);
        Assert.Equal([2, 1, 1], flow);
    }

    [Fact]
    public void MinCostFlow_NotEnoughCapacity_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ReferenceSolver.MinCostFlow([2, -2], [new ReferenceSolver.Arc(0, 1, 0, 1, 0)]));
    }

    /// <summary>A small DIMACS min-cost-flow reader: `p min`, `n`, `a` lines (1-based nodes), comments skipped.</summary>
    internal static (long[] Supply, List<ReferenceSolver.Arc> Arcs) ReadDimacs(string text)
    {
        long[]? supply = null;
        var arcs = new List<ReferenceSolver.Arc>();
        var declaredArcs = -1;
        foreach (var raw in text.Split('\n'))
        {
            var f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0 || f[0] == "c") continue;
            long N(int k) => long.Parse(f[k], CultureInfo.InvariantCulture);
            switch (f[0])
            {
                case "p":
                    Assert.Equal("min", f[1]);
                    supply = new long[N(2)];
                    declaredArcs = (int)N(3);
                    break;
                case "n":
                    supply![N(1) - 1] = N(2);
                    break;
                case "a":
                    arcs.Add(new ReferenceSolver.Arc((int)N(1) - 1, (int)N(2) - 1, N(3), N(4), N(5)));
                    break;
                default:
                    Assert.Fail($"unexpected DIMACS line «{raw}»");
                    break;
            }
        }
        Assert.NotNull(supply);
        Assert.Equal(declaredArcs, arcs.Count);
        return (supply, arcs);
    }

    internal static MatchInstance RandomInstance(Random rnd, int mentees, int mentors, int maxCapacity)
    {
        var capacity = Enumerable.Range(0, mentors).Select(_ => rnd.Next(0, maxCapacity + 1)).ToArray();
        var edges = new List<(int, int, int)>();
        for (var i = 0; i < mentees; i++)
        {
            foreach (var j in Enumerable.Range(0, mentors).Where(_ => rnd.Next(4) == 0 || mentors < 6 && rnd.Next(2) == 0))
            {
                edges.Add((i, j, rnd.Next(1, 1001)));
            }
        }
        return MatchInstance.FromEdges(capacity, mentees, edges);
    }

    internal static void AssertFeasible(MatchInstance instance, SolveResult result)
    {
        var load = new int[instance.MentorCount];
        long total = 0;
        for (var i = 0; i < result.MentorOf.Length; i++)
        {
            if (result.MentorOf[i] < 0) continue;
            var score = instance.ScoreOf(i, result.MentorOf[i]);
            Assert.True(score > 0, $"mentee {i} got a mentor that is not a candidate");
            total += score;
            load[result.MentorOf[i]]++;
        }
        for (var j = 0; j < load.Length; j++) Assert.True(load[j] <= instance.Capacity[j], $"mentor {j} over capacity");
        Assert.Equal(total, result.Total);
        Assert.Equal(result.MentorOf.Count(j => j >= 0), result.Matched);
    }

    /// <summary>Every assignment (each mentee: none or one of its candidates) within capacities.</summary>
    private static long BestByExhaustiveSearch(MatchInstance instance)
    {
        var load = new int[instance.MentorCount];
        long best = 0;
        void Go(int i, long sum)
        {
            if (i == instance.MenteeCount) { best = Math.Max(best, sum); return; }
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

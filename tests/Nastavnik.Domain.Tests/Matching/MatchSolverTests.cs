using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchSolverTests
{
    [Fact]
    public void Solve_RandomSmallInstances_EqualsExhaustiveSearch()
    {
        var rnd = new Random(20261121);
        for (var round = 0; round < 1000; round++)
        {
            var instance = TestInstances.Small(rnd, rnd.Next(1, 8), rnd.Next(1, 5));
            var result = MatchSolver.Solve(instance, new SolveOptions(Threads: 1 + round % 3));
            Assert.Equal(Exhaustive.Best(instance), result.Total);
            AssertFeasible(instance, result);
        }
    }

    [Fact]
    public void Solve_RandomSmallInstancesWithLocksAndIncumbents_EqualsExhaustiveSearch()
    {
        var rnd = new Random(7);
        for (var round = 0; round < 1000; round++)
        {
            var instance = TestInstances.Small(rnd, rnd.Next(1, 8), rnd.Next(1, 5));
            var n = instance.MenteeCount;
            var locked = new int[n];
            var incumbent = new int[n];
            for (var i = 0; i < n; i++)
            {
                locked[i] = rnd.Next(6) == 0 ? rnd.Next(instance.MentorCount) : -1;
                incumbent[i] = rnd.Next(2) == 0 ? rnd.Next(instance.MentorCount) : -1;
            }
            var bonus = rnd.Next(4) * 40;
            var result = MatchSolver.Solve(instance, new SolveOptions(1 + round % 2, locked, incumbent, bonus));

            Assert.Equal(Exhaustive.Best(instance, locked, incumbent, bonus), Exhaustive.Objective(instance, result.MentorOf, incumbent, bonus));
            Assert.Equal(Exhaustive.Objective(instance, result.MentorOf, null, 0), result.Total);
            for (var i = 0; i < n; i++)
            {
                if (locked[i] >= 0) Assert.Equal(locked[i], result.MentorOf[i]);
            }
        }
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Solve_RandomSmallInstancesWithoutWarmStart_EqualsExhaustiveSearch()
    {
        var rnd = new Random(99);
        for (var round = 0; round < 1000; round++)
        {
            var instance = TestInstances.Small(rnd, rnd.Next(1, 8), rnd.Next(1, 5));
            var result = MatchSolver.Solve(instance, null, warmStart: false, auctionFrom: int.MaxValue);
            Assert.Equal(Exhaustive.Best(instance), result.Total);
            AssertFeasible(instance, result);
        }
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Solve_MidSizeCongestedInstances_WarmStartGivesTheSameTotalAsPlainShortestPaths()
    {
        // One component each (cross-municipality edges), few mentors per mentee and coarse scores: the auction
        // meets ties and runs out of budget, so both the auction and the shortest paths that finish after it are used.
        for (var seed = 0; seed < 6; seed++)
        {
            var instance = TestInstances.Realistic(3_000, 1 + seed * 10, 6 + seed, 0.05, seed);
            var rnd = new Random(seed);
            var locked = new int[instance.MenteeCount];
            var incumbent = new int[instance.MenteeCount];
            for (var i = 0; i < locked.Length; i++)
            {
                var degree = instance.EdgeStart[i + 1] - instance.EdgeStart[i];
                locked[i] = degree > 0 && rnd.Next(50) == 0 ? instance.EdgeMentor[instance.EdgeStart[i]] : -1;
                incumbent[i] = degree > 0 && rnd.Next(2) == 0 ? instance.EdgeMentor[instance.EdgeStart[i] + rnd.Next(degree)] : -1;
            }
            var options = new SolveOptions(2, locked, incumbent, IncumbentBonus: 25 * seed);

            var warm = MatchSolver.Solve(instance, options);
            var plain = MatchSolver.Solve(instance, options, warmStart: false, auctionFrom: int.MaxValue);

            Assert.Equal(Exhaustive.Objective(instance, plain.MentorOf, incumbent, 25 * seed),
                Exhaustive.Objective(instance, warm.MentorOf, incumbent, 25 * seed));
            AssertFeasible(instance, warm);
        }
    }

    [Fact]
    public void Solve_RandomSmallInstancesByAuction_EqualsExhaustiveSearch()
    {
        var rnd = new Random(2026);
        for (var round = 0; round < 1000; round++)
        {
            var instance = TestInstances.Small(rnd, rnd.Next(1, 8), rnd.Next(1, 5));
            var n = instance.MenteeCount;
            var locked = new int[n];
            var incumbent = new int[n];
            var lockLoad = new int[instance.MentorCount];
            for (var i = 0; i < n; i++)
            {
                // Locks on candidates within capacity, so that the result must also pass AssertFeasible.
                var degree = instance.EdgeStart[i + 1] - instance.EdgeStart[i];
                var j = degree > 0 && rnd.Next(8) == 0 ? instance.EdgeMentor[instance.EdgeStart[i] + rnd.Next(degree)] : -1;
                locked[i] = j >= 0 && lockLoad[j] < instance.Capacity[j] ? j : -1;
                if (locked[i] >= 0) lockLoad[j]++;
                incumbent[i] = rnd.Next(2) == 0 ? rnd.Next(instance.MentorCount) : -1;
            }
            var bonus = rnd.Next(3) * 30;
            var options = new SolveOptions(1 + round % 2, locked, incumbent, bonus);

            var result = MatchSolver.Solve(instance, options, warmStart: true, auctionFrom: 1);

            Assert.Equal(Exhaustive.Best(instance, locked, incumbent, bonus), Exhaustive.Objective(instance, result.MentorOf, incumbent, bonus));
            AssertFeasible(instance, result);
        }
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Solve_MidSizeInstancesByAuction_GiveTheSameTotalAsShortestPaths()
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var instance = TestInstances.Realistic(4_000, 1 + seed * 20, 5 + 5 * seed, 0.05, seed);
            var incumbent = MatchSolver.Solve(TestInstances.Realistic(4_000, 1 + seed * 20, 5 + 5 * seed, 0.05, seed + 100)).MentorOf;
            var options = new SolveOptions(2, Incumbent: incumbent, IncumbentBonus: 20 * seed);

            var auction = MatchSolver.Solve(instance, options, warmStart: true, auctionFrom: 1);
            var paths = MatchSolver.Solve(instance, options, warmStart: true, auctionFrom: int.MaxValue);

            Assert.Equal(Exhaustive.Objective(instance, paths.MentorOf, incumbent, 20 * seed),
                Exhaustive.Objective(instance, auction.MentorOf, incumbent, 20 * seed));
            AssertFeasible(instance, auction);
        }
    }

    [Fact]
    public void Solve_LocksBeyondCapacity_KeepsLocksAndGivesTheMentorNoOneElse()
    {
        // Mentor 0 (capacity 1) is locked to two mentees by the curator; mentee 2 would like it too.
        var instance = MatchInstance.FromEdges([1, 1], 3, [(0, 0, 10), (1, 0, 20), (2, 0, 900), (2, 1, 5)]);

        var result = MatchSolver.Solve(instance, new SolveOptions(Locked: [0, 0, -1]));

        Assert.Equal([0, 0, 1], result.MentorOf);
        Assert.Equal(35, result.Total);
        Assert.Equal(3, result.Matched);
    }

    [Fact]
    public void Solve_MenteesWithoutCandidates_StayUnmatched()
    {
        var instance = MatchInstance.FromEdges([2], 3, [(1, 0, 50)]);

        var result = MatchSolver.Solve(instance);

        Assert.Equal([-1, 0, -1], result.MentorOf);
        Assert.Equal(50, result.Total);
        Assert.Equal(1, result.Matched);
    }

    [Fact]
    public void Solve_RealisticInstance_RespectsCapacitiesAndReportsItsTotal()
    {
        var instance = TestInstances.Realistic(20_000, 200, 20, 0.05, seed: 3);

        var result = MatchSolver.Solve(instance);

        AssertFeasible(instance, result);
        Assert.True(result.Matched > 19_000);
    }

    [Fact]
    public void Solve_ManyComponentsOnOneTwoOrEightThreads_GivesIdenticalMentorOf()
    {
        var instance = TestInstances.Realistic(30_000, 300, 20, 0, seed: 11);
        var locked = new int[instance.MenteeCount];
        Array.Fill(locked, -1);
        for (var i = 0; i < locked.Length; i += 97) locked[i] = instance.EdgeMentor[instance.EdgeStart[i]];

        var one = MatchSolver.Solve(instance, new SolveOptions(1, locked));
        var two = MatchSolver.Solve(instance, new SolveOptions(2, locked));
        var eight = MatchSolver.Solve(instance, new SolveOptions(8, locked));

        Assert.True(one.Components >= 300);
        Assert.Equal(one.MentorOf, two.MentorOf);
        Assert.Equal(one.MentorOf, eight.MentorOf);
        Assert.Equal(one.Total, eight.Total);
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Solve_OnePercentRescoredWithIncumbentBonus_FewUntouchedMenteesChangeAndTotalBarelyDrops()
    {
        var before = TestInstances.Realistic(20_000, 200, 20, 0.05, seed: 5);
        var first = MatchSolver.Solve(before);
        var (after, touched) = Rescore(before, share: 0.01, seed: 6);

        var optimum = MatchSolver.Solve(after);
        var kept = MatchSolver.Solve(after, new SolveOptions(Incumbent: first.MentorOf, IncumbentBonus: ChurnBonus));

        var untouched = 0;
        var changed = 0;
        for (var i = 0; i < after.MenteeCount; i++)
        {
            if (touched[i]) continue;
            untouched++;
            if (kept.MentorOf[i] != first.MentorOf[i]) changed++;
        }
        Assert.True(changed <= 0.05 * untouched, $"{changed} of {untouched} untouched mentees changed mentor");
        Assert.True(kept.Total >= optimum.Total * 0.999, $"total {kept.Total} against the optimum {optimum.Total}");
    }

    /// <summary>The bonus suggested to callers: see the churn figures in the solver's notes.</summary>
    internal const int ChurnBonus = 30;

    /// <summary>Gives a share of the mentees new random scores on all their candidate edges.</summary>
    internal static (MatchInstance Instance, bool[] Touched) Rescore(MatchInstance instance, double share, int seed)
    {
        var rnd = new Random(seed);
        var scores = (int[])instance.EdgeScore.Clone();
        var touched = new bool[instance.MenteeCount];
        for (var i = 0; i < instance.MenteeCount; i++)
        {
            if (rnd.NextDouble() >= share) continue;
            touched[i] = true;
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++) scores[e] = rnd.Next(1, 1001);
        }
        return (new MatchInstance(instance.Capacity, instance.EdgeStart, instance.EdgeMentor, scores), touched);
    }

    internal static void AssertFeasible(MatchInstance instance, SolveResult result)
    {
        var load = new int[instance.MentorCount];
        long total = 0;
        var matched = 0;
        for (var i = 0; i < result.MentorOf.Length; i++)
        {
            if (result.MentorOf[i] < 0) continue;
            var score = instance.ScoreOf(i, result.MentorOf[i]);
            Assert.True(score > 0, $"mentee {i} got a mentor that is not a candidate");
            load[result.MentorOf[i]]++;
            total += score;
            matched++;
        }
        for (var j = 0; j < load.Length; j++) Assert.True(load[j] <= instance.Capacity[j], $"mentor {j} over capacity");
        Assert.Equal(total, result.Total);
        Assert.Equal(matched, result.Matched);
    }
}

using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class DimacsTests
{
    [Fact]
    public void Write_SmallInstance_NumbersNodesAndArcsAsDocumented()
    {
        // 2 mentees, 2 mentors: source 1, mentees 2..3, mentors 4..5, sink 6.
        var instance = MatchInstance.FromEdges([1, 2], 2, [(0, 0, 10), (0, 1, 8), (1, 0, 9)]);
        var writer = new StringWriter();

        Dimacs.Write(instance, writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("c ")).ToArray();
        Assert.Equal([
            "p min 6 9",
            "n 1 2", "n 6 -2",
            "a 1 2 0 1 0", "a 1 3 0 1 0",
            "a 2 6 0 1 0", "a 3 6 0 1 0",
            "a 2 4 0 1 -10", "a 2 5 0 1 -8", "a 3 4 0 1 -9",
            "a 4 6 0 1 0", "a 5 6 0 2 0",
        ], lines);
    }

    [Fact]
    public void Write_GeneratedInstance_CountsMatchProblemLine()
    {
        var instance = InstanceGenerator.Generate(2000, municipalities: 20, candidates: 10, seed: 3);
        var writer = new StringWriter();

        Dimacs.Write(instance, writer);

        var (supply, arcs) = ReferenceSolverTests.ReadDimacs(writer.ToString());
        Assert.Equal(instance.MenteeCount + instance.MentorCount + 2, supply.Length);
        Assert.Equal(2 * instance.MenteeCount + instance.EdgeCount + instance.MentorCount, arcs.Count);
        Assert.Equal(0, supply.Sum());
        Assert.All(arcs, a => Assert.InRange(a.From, 0, supply.Length - 1));
        Assert.All(arcs, a => Assert.InRange(a.To, 0, supply.Length - 1));
    }

    [Fact]
    public void Write_SmallInstance_ReferenceOptimumIsMinusTotal()
    {
        var instance = MatchInstance.FromEdges([1, 2], 2, [(0, 0, 10), (0, 1, 8), (1, 0, 9)]);
        var writer = new StringWriter();
        Dimacs.Write(instance, writer);

        var (supply, arcs) = ReferenceSolverTests.ReadDimacs(writer.ToString());
        var (cost, _) = ReferenceSolver.MinCostFlow(supply, arcs);

        Assert.Equal(-17, cost);
        Assert.Equal(17, MatchSolver.Solve(instance).Total);
    }
}

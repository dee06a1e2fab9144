using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class InstanceGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameInstance()
    {
        var a = InstanceGenerator.Generate(5000, municipalities: 50, seed: 42);
        var b = InstanceGenerator.Generate(5000, municipalities: 50, seed: 42);
        var c = InstanceGenerator.Generate(5000, municipalities: 50, seed: 43);

        InstanceFileTests.AssertSame(a, b);
        Assert.NotEqual(a.EdgeScore, c.EdgeScore);
    }

    [Fact]
    public void Write_SameArguments_SameTextAsGenerateThenWrite()
    {
        var writer = new StringWriter();

        var (mentors, edges) = InstanceGenerator.Write(writer, 3000, mentorRatio: 2, municipalities: 40, candidates: 9, crossShare: 0.2, seed: 8);

        var instance = InstanceGenerator.Generate(3000, mentorRatio: 2, municipalities: 40, candidates: 9, crossShare: 0.2, seed: 8);
        Assert.Equal(InstanceFileTests.Text(instance), writer.ToString());
        Assert.Equal((instance.MentorCount, (long)instance.EdgeCount), (mentors, edges));
    }

    [Fact]
    public void Generate_Defaults_ShapeAsAsked()
    {
        var instance = InstanceGenerator.Generate(9000, mentorRatio: 3, capacityMin: 2, capacityMax: 4, municipalities: 30, candidates: 20, seed: 1);

        Assert.Equal(9000, instance.MenteeCount);
        Assert.Equal(3000, instance.MentorCount);
        Assert.All(instance.Capacity, c => Assert.InRange(c, 2, 4));
        Assert.Equal([2, 3, 4], instance.Capacity.Distinct().Order());
        Assert.All(instance.EdgeScore, s => Assert.InRange(s, 1, 1000));
        for (var i = 0; i < instance.MenteeCount; i++)
        {
            var mentors = instance.EdgeMentor[instance.EdgeStart[i]..instance.EdgeStart[i + 1]];
            Assert.InRange(mentors.Length, 18, 20); // a crowded cross-municipality draw may give up
            Assert.Equal(mentors.Order(), mentors);  // ascending, so no repeats
            Assert.Equal(mentors.Length, mentors.Distinct().Count());
        }
    }

    [Fact]
    public void Generate_CrossShare_MostEdgesLocalTheRestInTheDistrict()
    {
        var (mentees, g) = (20_000, 200);
        var instance = InstanceGenerator.Generate(mentees, municipalities: g, candidates: 10, crossShare: 0.05, seed: 2);

        var (local, cross) = (0, 0);
        for (var i = 0; i < mentees; i++)
        {
            var home = InstanceGenerator.MunicipalityOf(i, mentees, g);
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var there = InstanceGenerator.MunicipalityOf(instance.EdgeMentor[e], instance.MentorCount, g);
                if (there == home) { local++; continue; }
                cross++;
                Assert.Equal(home / InstanceGenerator.DistrictSize, there / InstanceGenerator.DistrictSize);
            }
        }
        var share = (double)cross / (local + cross);
        Assert.InRange(share, 0.04, 0.06);
    }

    [Fact]
    public void Generate_Municipalities_ComponentsAreDistricts()
    {
        var many = InstanceGenerator.Generate(10_000, municipalities: 100, candidates: 10, seed: 4);
        var one = InstanceGenerator.Generate(3000, municipalities: 1, candidates: 10, seed: 4);
        var noCross = InstanceGenerator.Generate(3000, municipalities: 30, candidates: 10, crossShare: 0, seed: 4);

        Assert.Equal(100 / InstanceGenerator.DistrictSize, Components(many));
        Assert.Equal(1, Components(one));
        Assert.Equal(30, Components(noCross));
    }

    /// <summary>Connected components of mentees and mentors (mentors without candidates do not count).</summary>
    private static int Components(MatchInstance instance)
    {
        var n = instance.MenteeCount;
        var parent = Enumerable.Range(0, n + instance.MentorCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < n; i++)
        {
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++) parent[Find(i)] = Find(n + instance.EdgeMentor[e]);
        }
        return Enumerable.Range(0, n).Select(Find).Distinct().Count();
    }

    [Fact]
    public void Generate_Popularity_SomeMentorsWantedByManyWithBetterScores()
    {
        var instance = InstanceGenerator.Generate(30_000, municipalities: 30, candidates: 5, seed: 6);

        var wanted = new int[instance.MentorCount];
        var scoreSum = new long[instance.MentorCount];
        for (var e = 0; e < instance.EdgeCount; e++)
        {
            wanted[instance.EdgeMentor[e]]++;
            scoreSum[instance.EdgeMentor[e]] += instance.EdgeScore[e];
        }
        var byDemand = Enumerable.Range(0, instance.MentorCount).Where(j => wanted[j] > 0).OrderByDescending(j => wanted[j]).ToArray();
        var top = byDemand.Take(byDemand.Length / 10).ToArray();
        var bottom = byDemand.Skip(byDemand.Length / 2).ToArray();
        // The top tenth of mentors is asked for by well over a tenth of the edges: contention.
        Assert.True(top.Sum(j => wanted[j]) > 0.25 * instance.EdgeCount);
        double Mean(int[] js) => (double)js.Sum(j => scoreSum[j]) / js.Sum(j => wanted[j]);
        Assert.True(Mean(top) > Mean(bottom) + 50);
    }
}

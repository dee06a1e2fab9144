using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

/// <summary>
/// Random instances for the solver tests: tiny ones for exhaustive search and realistic ones (mentors ≈ mentees/3 with
/// capacity 1..5, candidates inside the mentee's municipality with a few popular mentors, a share across municipalities).
/// </summary>
internal static class TestInstances
{
    public static MatchInstance Small(Random rnd, int mentees, int mentors)
    {
        var capacity = Enumerable.Range(0, mentors).Select(_ => rnd.Next(1, 3)).ToArray();
        var edges = new List<(int, int, int)>();
        for (var i = 0; i < mentees; i++)
        {
            // Few distinct scores make ties, which is where a careless solver goes wrong.
            var coarse = rnd.Next(2) == 0;
            foreach (var j in Enumerable.Range(0, mentors).Where(_ => rnd.Next(3) > 0))
            {
                edges.Add((i, j, coarse ? rnd.Next(1, 4) * 10 : rnd.Next(1, 1001)));
            }
        }
        return MatchInstance.FromEdges(capacity, mentees, edges);
    }

    public static MatchInstance Realistic(int mentees, int municipalities, int candidates, double crossShare, int seed)
    {
        var rnd = new Random(seed);
        var m = Math.Max(1, mentees / 3);
        var capacity = new int[m];
        var quality = new int[m];
        for (var j = 0; j < m; j++)
        {
            capacity[j] = rnd.Next(1, 6);
            quality[j] = rnd.Next(0, 500);
        }
        int First(int q) => (int)((long)q * m / municipalities);
        var start = new int[mentees + 1];
        var mentors = new List<int>(mentees * candidates);
        var scores = new List<int>(mentees * candidates);
        var seen = new HashSet<int>();
        for (var i = 0; i < mentees; i++)
        {
            var q = (int)((long)i * municipalities / mentees);
            int lo = First(q), size = First(q + 1) - lo;
            seen.Clear();
            for (var tries = 0; seen.Count < Math.Min(candidates, size) && tries < 20 * candidates; tries++)
            {
                int j;
                if (municipalities > 1 && rnd.NextDouble() < crossShare)
                {
                    var q2 = rnd.Next(municipalities);
                    var size2 = First(q2 + 1) - First(q2);
                    if (size2 == 0) continue;
                    j = First(q2) + (int)(size2 * Math.Pow(rnd.NextDouble(), 2));
                }
                else
                {
                    j = lo + (int)(size * Math.Pow(rnd.NextDouble(), 2));   // low indexes are the popular mentors
                }
                if (!seen.Add(j)) continue;
                mentors.Add(j);
                scores.Add(Math.Clamp(quality[j] + rnd.Next(1, 501), 1, 1000));
            }
            start[i + 1] = mentors.Count;
        }
        return new MatchInstance(capacity, start, mentors.ToArray(), scores.ToArray());
    }
}

/// <summary>
/// Tries every assignment (each mentee: unmatched or one of its candidates) within capacities and returns the best
/// objective: the scores plus the bonus for every mentee kept with its incumbent mentor.
/// </summary>
internal static class Exhaustive
{
    public static long Best(MatchInstance instance, int[]? locked = null, int[]? incumbent = null, int bonus = 0)
    {
        var load = new int[instance.MentorCount];
        if (locked is not null)
        {
            foreach (var j in locked.Where(j => j >= 0)) load[j]++;
        }
        long best = 0;
        void Go(int i, long sum)
        {
            if (i == instance.MenteeCount) { best = Math.Max(best, sum); return; }
            if (locked is not null && locked[i] >= 0)
            {
                Go(i + 1, sum + Value(instance, i, locked[i], incumbent, bonus));
                return;
            }
            Go(i + 1, sum);
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var j = instance.EdgeMentor[e];
                if (load[j] >= instance.Capacity[j]) continue;
                load[j]++;
                Go(i + 1, sum + Value(instance, i, j, incumbent, bonus));
                load[j]--;
            }
        }
        Go(0, 0);
        return best;
    }

    /// <summary>The objective of a solution: its scores plus the bonus for kept incumbents (only on candidate edges).</summary>
    public static long Objective(MatchInstance instance, int[] mentorOf, int[]? incumbent, int bonus)
    {
        long sum = 0;
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (mentorOf[i] >= 0) sum += Value(instance, i, mentorOf[i], incumbent, bonus);
        }
        return sum;
    }

    private static long Value(MatchInstance instance, int i, int j, int[]? incumbent, int bonus)
    {
        var score = instance.ScoreOf(i, j);
        return score + (incumbent is not null && incumbent[i] == j && score > 0 ? bonus : 0);
    }
}

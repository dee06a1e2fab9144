namespace Nastavnik.Domain.Matching;

/// <summary>
/// The matcher's input at the level of numbers: mentors with capacities and, per mentee, the candidate mentors that
/// passed the hard filters with their scores (1..1000). Indexes are 0-based here (the text format is 1-based).
/// Edges are kept per mentee in one flat array (compressed rows): those of mentee i are
/// [<see cref="EdgeStart"/>[i], <see cref="EdgeStart"/>[i + 1]). A mentee has at most one edge to a given mentor.
/// </summary>
public sealed class MatchInstance
{
    public MatchInstance(int[] capacity, int[] edgeStart, int[] edgeMentor, int[] edgeScore)
    {
        if (edgeStart.Length == 0 || edgeStart[0] != 0) throw new ArgumentException("Edge index must start at 0.", nameof(edgeStart));
        if (edgeMentor.Length != edgeScore.Length || edgeStart[^1] != edgeMentor.Length)
            throw new ArgumentException("Edge arrays do not agree.", nameof(edgeMentor));
        Capacity = capacity;
        EdgeStart = edgeStart;
        EdgeMentor = edgeMentor;
        EdgeScore = edgeScore;
    }

    public int MentorCount => Capacity.Length;
    public int MenteeCount => EdgeStart.Length - 1;
    public int EdgeCount => EdgeMentor.Length;
    public int[] Capacity { get; }
    public int[] EdgeStart { get; }
    public int[] EdgeMentor { get; }
    public int[] EdgeScore { get; }

    /// <summary>The score of mentee → mentor, or 0 when the mentor is not a candidate.</summary>
    public int ScoreOf(int mentee, int mentor)
    {
        for (var e = EdgeStart[mentee]; e < EdgeStart[mentee + 1]; e++)
        {
            if (EdgeMentor[e] == mentor) return EdgeScore[e];
        }
        return 0;
    }

    /// <summary>Builds an instance from (mentee, mentor, score) triples in any order.</summary>
    public static MatchInstance FromEdges(int[] capacity, int menteeCount, IEnumerable<(int Mentee, int Mentor, int Score)> edges)
    {
        var list = edges.ToList();
        var start = new int[menteeCount + 1];
        foreach (var (mentee, _, _) in list) start[mentee + 1]++;
        for (var i = 0; i < menteeCount; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var mentors = new int[list.Count];
        var scores = new int[list.Count];
        foreach (var (mentee, mentor, score) in list)
        {
            var at = fill[mentee]++;
            mentors[at] = mentor;
            scores[at] = score;
        }
        return new MatchInstance(capacity, start, mentors, scores);
    }
}

/// <summary>
/// How to solve: <see cref="Threads"/> (0 = all cores) only changes speed, never the result;
/// <see cref="Locked"/>[i] is a mentor index the curator fixed for mentee i (-1 none);
/// <see cref="Incumbent"/>[i] is mentee i's current mentor (-1 none), kept unless a change gains more than
/// <see cref="IncumbentBonus"/> points, which bounds churn when the input changes a little.
/// </summary>
public sealed record SolveOptions(int Threads = 0, int[]? Locked = null, int[]? Incumbent = null, int IncumbentBonus = 0);

/// <summary>The optimum: per mentee the mentor index or -1; the total of the original scores (bonus excluded).</summary>
public sealed record SolveResult(int[] MentorOf, long Total, int Matched, int Components);

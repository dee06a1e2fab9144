namespace Nastavnik.Domain.Matching;

/// <summary>One mentor offered to a mentee in mentee-choice mode, with the score and its breakdown.</summary>
public sealed record ChoiceOffer(long MentorId, int Score, IReadOnlyList<ScoreFactor> Breakdown);

/// <summary>A mentee's shortlist, best score first (ties by mentor id). Empty when no mentor passed the filters.</summary>
public sealed record MenteeShortlist(long MenteeId, IReadOnlyList<ChoiceOffer> Offers);

/// <summary>
/// Shortlists for mentee-choice mode: each mentee sees up to <c>size</c> of its best-scoring candidates, but one
/// popular mentor is not shown to everyone — a mentor appears on at most max(size, ⌈exposure × free places⌉) lists.
/// First every mentee gets the mentor the optimiser would give it (so the lists together always contain a full
/// optimal matching); then the lists are filled in rounds, one offer per mentee per round in rank order, mentees with
/// fewer candidates first (ties by id), skipping mentors whose exposure is used up. Deterministic.
/// </summary>
public static class ChoiceShortlist
{
    public const int DefaultExposure = 3;

    public static IReadOnlyList<MenteeShortlist> Build(MatchInput input, int size = 5, int exposure = DefaultExposure)
    {
        var graph = CandidateGraph.Build(input);
        var inst = graph.Instance;
        var solved = MatchSolver.Solve(inst, new SolveOptions(input.Threads, graph.Locked, graph.Incumbent, input.Rules.IncumbentBonus));
        var n = graph.Mentees.Length;
        var m = graph.Mentors.Length;

        var cap = new int[m];
        for (var j = 0; j < m; j++)
        {
            var free = Math.Max(0, graph.Mentors[j].Capacity - graph.Mentors[j].Load);
            cap[j] = Math.Max(size, (int)Math.Ceiling((double)exposure * free));
        }
        var shown = new int[m];

        // Each mentee's candidates by score, best first; ties by mentor id (= index order).
        var ranked = new int[n][];
        for (var i = 0; i < n; i++)
        {
            ranked[i] = Enumerable.Range(inst.EdgeStart[i], inst.EdgeStart[i + 1] - inst.EdgeStart[i])
                .Where(e => !graph.LockedOnly[e])
                .OrderByDescending(e => inst.EdgeScore[e]).ThenBy(e => inst.EdgeMentor[e])
                .ToArray();
        }
        var offers = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            offers[i] = [];
            var j = solved.MentorOf[i];
            if (j < 0 || size <= 0) continue;
            offers[i].Add(j);
            shown[j]++;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => ranked[i].Length).ThenBy(i => graph.Mentees[i].Id).ToArray();
        var next = new int[n];
        var added = true;
        while (added)
        {
            added = false;
            foreach (var i in order)
            {
                if (offers[i].Count >= size) continue;
                while (next[i] < ranked[i].Length)
                {
                    var j = inst.EdgeMentor[ranked[i][next[i]++]];
                    if (offers[i].Contains(j) || shown[j] >= cap[j]) continue;
                    offers[i].Add(j);
                    shown[j]++;
                    added = true;
                    break;
                }
            }
        }

        var result = new MenteeShortlist[n];
        for (var i = 0; i < n; i++)
        {
            var mentee = graph.Mentees[i];
            result[i] = new MenteeShortlist(mentee.Id, offers[i]
                .Select(j =>
                {
                    var (score, breakdown) = MatchScoring.Score(mentee, graph.Mentors[j], input.Rules, graph.MenteeSlots[i], graph.MentorSlots[j]);
                    return new ChoiceOffer(graph.Mentors[j].Id, score, breakdown);
                })
                .OrderByDescending(o => o.Score).ThenBy(o => o.MentorId)
                .ToList());
        }
        return result;
    }
}

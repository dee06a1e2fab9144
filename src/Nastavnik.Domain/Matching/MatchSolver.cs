namespace Nastavnik.Domain.Matching;

/// <summary>
/// The optimum of <see cref="MatchInstance"/>: the largest total score with at most one mentor per mentee and at most
/// capacity mentees per mentor, as a min-cost flow solved by successive shortest paths with potentials (Dijkstra on
/// reduced costs, stopped as soon as the sink is settled). Mentees are added one at a time; after each the matching is
/// optimal for the mentees added so far, because the best augmenting path from the new mentee is taken only when it
/// gains (a path may end at a free mentor slot, or at a matched mentee who is let go, or the mentee stays unmatched).
/// </summary>
public static class MatchSolver
{
    public static SolveResult Solve(MatchInstance instance, SolveOptions? options = null)
    {
        options ??= new SolveOptions();
        var n = instance.MenteeCount;
        var m = instance.MentorCount;
        var locked = options.Locked;
        var incumbent = options.Incumbent;
        var capacity = (int[])instance.Capacity.Clone();
        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        if (locked is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (locked[i] < 0) continue;
                mentorOf[i] = locked[i];
                capacity[locked[i]]--;
            }
        }

        // Working scores: the incumbent edge carries the bonus.
        var score = instance.EdgeScore;
        if (incumbent is not null && options.IncumbentBonus > 0)
        {
            score = (int[])score.Clone();
            for (var i = 0; i < n; i++)
            {
                if (incumbent[i] < 0) continue;
                for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
                {
                    if (instance.EdgeMentor[e] == incumbent[i]) score[e] += options.IncumbentBonus;
                }
            }
        }

        var state = new State(instance, score, capacity);
        for (var i = 0; i < n; i++)
        {
            if (locked is not null && locked[i] >= 0) continue;
            state.Add(i);
        }
        for (var i = 0; i < n; i++)
        {
            if (state.Edge[i] >= 0) mentorOf[i] = instance.EdgeMentor[state.Edge[i]];
        }
        long total = 0;
        var matched = 0;
        for (var i = 0; i < n; i++)
        {
            if (mentorOf[i] < 0) continue;
            matched++;
            total += instance.ScoreOf(i, mentorOf[i]);
        }
        return new SolveResult(mentorOf, total, matched, 1);
    }

    /// <summary>Residual state: nodes 0..n-1 mentees, n..n+m-1 mentors, n+m the sink.</summary>
    private sealed class State
    {
        private readonly MatchInstance inst;
        private readonly int[] score;
        private readonly int[] free;
        private readonly int n;
        private readonly int sink;
        public readonly int[] Edge;           // mentee → its edge index, -1 unmatched
        private readonly int[] head, next, prev; // per mentor, the linked list of its mentees
        private readonly long[] pi;
        private readonly long[] dist;
        private readonly int[] predNode, predEdge;
        private readonly int[] stamp;
        private int round;
        private readonly List<int> visited = [];
        private readonly PriorityQueue<int, long> queue = new();

        public State(MatchInstance inst, int[] score, int[] capacity)
        {
            this.inst = inst;
            this.score = score;
            n = inst.MenteeCount;
            var m = inst.MentorCount;
            sink = n + m;
            free = capacity;
            Edge = new int[n];
            Array.Fill(Edge, -1);
            head = new int[m];
            Array.Fill(head, -1);
            next = new int[n];
            prev = new int[n];
            pi = new long[n + m + 1];
            var max = 0;
            foreach (var s in score) max = Math.Max(max, s);
            for (var j = 0; j < m; j++) pi[n + j] = -max;
            pi[sink] = -max;
            dist = new long[n + m + 1];
            predNode = new int[n + m + 1];
            predEdge = new int[n + m + 1];
            stamp = new int[n + m + 1];
        }

        public void Add(int v)
        {
            round++;
            visited.Clear();
            queue.Clear();
            Relax(v, 0, -1, -1);
            long dSink = long.MaxValue;
            var settledSink = false;
            while (queue.TryDequeue(out var x, out var d))
            {
                if (d > dist[x]) continue;
                if (x == sink) { dSink = d; settledSink = true; break; }
                if (x < n)
                {
                    // Mentee: to the sink (left unmatched), or to any candidate mentor it does not hold.
                    Relax(sink, d + pi[x] - pi[sink], x, -1);
                    for (var e = inst.EdgeStart[x]; e < inst.EdgeStart[x + 1]; e++)
                    {
                        if (e == Edge[x]) continue;
                        var y = n + inst.EdgeMentor[e];
                        Relax(y, d - score[e] + pi[x] - pi[y], x, e);
                    }
                }
                else
                {
                    var j = x - n;
                    if (free[j] > 0) Relax(sink, d + pi[x] - pi[sink], x, -1);
                    for (var i = head[j]; i >= 0; i = next[i]) Relax(i, d + score[Edge[i]] + pi[x] - pi[i], x, Edge[i]);
                }
            }
            if (!settledSink) throw new InvalidOperationException("The sink is always reachable.");
            foreach (var x in visited)
            {
                if (dist[x] < dSink) pi[x] += dist[x] - dSink;
            }
            Augment();
        }

        private void Relax(int y, long d, int from, int edge)
        {
            if (stamp[y] == round && dist[y] <= d) return;
            if (stamp[y] != round) { stamp[y] = round; visited.Add(y); }
            dist[y] = d;
            predNode[y] = from;
            predEdge[y] = edge;
            queue.Enqueue(y, d);
        }

        private void Augment()
        {
            var x = predNode[sink];
            if (x >= n) free[x - n]--;          // ends at a free slot of a mentor
            else Detach(x);                      // ends at a mentee who is let go (or the new one stays unmatched)
            while (true)
            {
                if (x >= n)
                {
                    // Mentor reached from a mentee by a forward edge: that mentee moves here.
                    var i = predNode[x];
                    var e = predEdge[x];
                    Detach(i);
                    Attach(i, e);
                    x = i;
                }
                else
                {
                    // Mentee reached from its current mentor (already detached above), or the start.
                    var from = predNode[x];
                    if (from < 0) break;
                    x = from;
                }
            }
        }

        private void Attach(int i, int e)
        {
            var j = inst.EdgeMentor[e];
            Edge[i] = e;
            prev[i] = -1;
            next[i] = head[j];
            if (head[j] >= 0) prev[head[j]] = i;
            head[j] = i;
        }

        private void Detach(int i)
        {
            var e = Edge[i];
            if (e < 0) return;
            var j = inst.EdgeMentor[e];
            if (prev[i] >= 0) next[prev[i]] = next[i]; else head[j] = next[i];
            if (next[i] >= 0) prev[next[i]] = prev[i];
            Edge[i] = -1;
        }
    }
}

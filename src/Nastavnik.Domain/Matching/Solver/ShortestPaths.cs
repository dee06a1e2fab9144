namespace Nastavnik.Domain.Matching.Solver;

/// <summary>
/// Successive shortest paths with potentials inside one component: mentees are added one at a time in ascending
/// index order; each is routed along a shortest path in the residual network (Dijkstra on reduced costs, stopped as
/// soon as the sink is settled) to a free mentor slot, to a matched mentee who is let go, or straight to the sink
/// (it stays unmatched). After each step the matching is optimal for the mentees added so far.
/// Nodes: mentees 0..N-1, mentors N..N+M-1; the sink is implicit (its potential is a local). Arc costs: mentee → mentor
/// −score, mentor → its mentee +score, mentee → sink 0 (unmatched), mentor → sink 0 while it has a free slot.
/// Per-node arrays are shared by all workers (components are disjoint); the heap and visited list are per worker and
/// reused across searches, with a round stamp instead of clearing.
/// </summary>
internal sealed class ShortestPaths
{
    private readonly Residual r;
    private readonly long[] pi;
    private readonly long[] dist;
    private readonly int[] stamp;
    private readonly int[] pos;
    private readonly int[] predMentee, predEdge; // per mentor: the mentee and edge it was reached by

    public ShortestPaths(Residual residual, int maxScore)
    {
        r = residual;
        var n = r.N;
        var m = r.Free.Length;
        pi = new long[n + m];
        // Start dual-feasible: every mentee → mentor arc has reduced cost −score + maxScore ≥ 0.
        for (var j = 0; j < m; j++) pi[n + j] = -maxScore;
        dist = new long[n + m];
        stamp = new int[n + m];
        pos = new int[n + m];
        predMentee = new int[m];
        predEdge = new int[m];
    }

    /// <summary>Per-thread scratch: an indexed binary heap and the list of nodes a search touched.</summary>
    public sealed class Worker
    {
        public int Round;
        public int[] HeapNode = new int[64];
        public long[] HeapKey = new long[64];
        public int HeapCount;
        public int[] Visited = new int[64];
        public int VisitedCount;
        public long FullSearches, FastPaths, Touched;
    }

    public void SolveComponent(ReadOnlySpan<int> mentees, int maxScore, Worker w)
    {
        var piT = (long)-maxScore;
        foreach (var v in mentees) Add(v, ref piT, w);
    }

    private void Add(int v, ref long piT, Worker w)
    {
        var n = r.N;
        var score = r.Score;
        var edgeMentor = r.EdgeMentor;
        var free = r.Free;
        int s = r.EdgeStart[v], t = r.EdgeStart[v + 1];
        var piV = pi[v];

        // Fast path (the greedy step): the shortest path is v → j → sink when the cheapest first arc goes to a mentor
        // with a free slot whose arc to the sink is tight — every other path starts with an arc at least as expensive,
        // and reduced costs are non-negative, so no path is shorter. Dijkstra would settle only v before the sink,
        // so the only potential change is pi[v] −= L, exactly what the full search does: dual feasibility is kept
        // (arcs out of v drop by L ≤ their reduced cost, the new matched arc's reverse gets reduced cost 0).
        long best = piV - piT;
        var bestE = -1;
        var rmin = long.MaxValue;
        for (var e = s; e < t; e++)
        {
            var y = n + edgeMentor[e];
            var rc = piV - score[e] - pi[y];
            if (rc < rmin) rmin = rc;
            if (free[edgeMentor[e]] > 0)
            {
                var c = rc + pi[y] - piT;
                if (c < best) { best = c; bestE = e; }
            }
        }
        if (best <= rmin)
        {
            pi[v] = piV - best;
            if (bestE >= 0) { r.Attach(v, bestE); free[edgeMentor[bestE]]--; }
            w.FastPaths++;
            return;
        }
        w.FullSearches++;

        var round = ++w.Round;
        w.HeapCount = 0;
        w.VisitedCount = 0;
        stamp[v] = round;
        dist[v] = 0;
        w.Visited[w.VisitedCount++] = v;
        var dSink = piV - piT;
        var sinkFrom = v;
        for (var e = s; e < t; e++)
        {
            var y = n + edgeMentor[e];
            var nd = piV - score[e] - pi[y];
            if (stamp[y] == round && dist[y] <= nd) continue;
            Relax(w, y, nd, v, e, round);
        }
        var head = r.Head;
        var next = r.Next;
        var edgeOf = r.EdgeOf;
        var edgeStart = r.EdgeStart;
        while (w.HeapCount > 0)
        {
            var d = w.HeapKey[0];
            if (d >= dSink) break;
            var x = PopMin(w);
            var px = pi[x];
            if (x >= n)
            {
                var j = x - n;
                if (free[j] > 0)
                {
                    var c = d + px - piT;
                    if (c < dSink) { dSink = c; sinkFrom = x; }
                }
                for (var i = head[j]; i >= 0; i = next[i])
                {
                    var nd = d + score[edgeOf[i]] + px - pi[i];
                    if (stamp[i] == round && dist[i] <= nd) continue;
                    RelaxMentee(w, i, nd, round);
                }
            }
            else
            {
                var c = d + px - piT;
                if (c < dSink) { dSink = c; sinkFrom = x; }
                var held = edgeOf[x];
                for (int e = edgeStart[x], end = edgeStart[x + 1]; e < end; e++)
                {
                    if (e == held) continue;
                    var y = n + edgeMentor[e];
                    var nd = d - score[e] + px - pi[y];
                    if (stamp[y] == round && dist[y] <= nd) continue;
                    Relax(w, y, nd, x, e, round);
                }
            }
        }
        w.Touched += w.VisitedCount;
        for (var k = 0; k < w.VisitedCount; k++)
        {
            var x = w.Visited[k];
            if (dist[x] < dSink) pi[x] += dist[x] - dSink;
        }
        Augment(v, sinkFrom);
    }

    private void Augment(int v, int sinkFrom)
    {
        var n = r.N;
        int j;
        if (sinkFrom >= n)
        {
            j = sinkFrom - n;
            r.Free[j]--;
        }
        else
        {
            if (sinkFrom == v) return;          // v stays unmatched
            j = r.MentorOf(sinkFrom);           // a matched mentee is let go
            r.Detach(sinkFrom);
        }
        while (true)
        {
            // Mentor j gets the mentee it was reached from; that mentee leaves its own mentor (or is v).
            var i = predMentee[j];
            var old = i == v ? -1 : r.MentorOf(i);
            r.Detach(i);
            r.Attach(i, predEdge[j]);
            if (i == v) return;
            j = old;
        }
    }

    private void Relax(Worker w, int y, long d, int from, int e, int round)
    {
        var j = y - r.N;
        predMentee[j] = from;
        predEdge[j] = e;
        RelaxMentee(w, y, d, round);
    }

    private void RelaxMentee(Worker w, int y, long d, int round)
    {
        dist[y] = d;
        if (stamp[y] != round)
        {
            stamp[y] = round;
            if (w.VisitedCount == w.Visited.Length) Array.Resize(ref w.Visited, w.Visited.Length * 2);
            w.Visited[w.VisitedCount++] = y;
            Push(w, y);
        }
        else
        {
            SiftUp(w, pos[y], y, d);
        }
    }

    private void Push(Worker w, int y)
    {
        if (w.HeapCount == w.HeapNode.Length)
        {
            Array.Resize(ref w.HeapNode, w.HeapCount * 2);
            Array.Resize(ref w.HeapKey, w.HeapCount * 2);
        }
        SiftUp(w, w.HeapCount++, y, dist[y]);
    }

    private void SiftUp(Worker w, int at, int y, long d)
    {
        var nodes = w.HeapNode;
        var keys = w.HeapKey;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (keys[parent] <= d) break;
            nodes[at] = nodes[parent];
            keys[at] = keys[parent];
            pos[nodes[at]] = at;
            at = parent;
        }
        nodes[at] = y;
        keys[at] = d;
        pos[y] = at;
    }

    private int PopMin(Worker w)
    {
        var nodes = w.HeapNode;
        var keys = w.HeapKey;
        var top = nodes[0];
        pos[top] = -1;
        var count = --w.HeapCount;
        if (count == 0) return top;
        var y = nodes[count];
        var d = keys[count];
        var at = 0;
        while (true)
        {
            var c = 2 * at + 1;
            if (c >= count) break;
            if (c + 1 < count && keys[c + 1] < keys[c]) c++;
            if (keys[c] >= d) break;
            nodes[at] = nodes[c];
            keys[at] = keys[c];
            pos[nodes[at]] = at;
            at = c;
        }
        nodes[at] = y;
        keys[at] = d;
        pos[y] = at;
        return top;
    }
}

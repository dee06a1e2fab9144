namespace Nastavnik.Domain.Matching.Solver;

/// <summary>
/// Successive shortest paths with potentials inside one component, warm-started by an exact auction: the auction
/// places most mentees cheaply (see <c>Auction</c>); the mentees it defers are added one at a time in the order it
/// deferred them, each routed along a shortest path in the residual network (Dijkstra on reduced costs, stopped as soon
/// as the sink is settled, never relaxing beyond the sink's distance) to a free mentor slot, to a matched mentee who
/// is let go, or straight to the sink (it stays unmatched). After each step the matching is optimal for the mentees
/// placed so far, because the potentials stay dual-feasible (every residual arc has a non-negative reduced cost).
/// Nodes: mentees 0..N-1, mentors N..N+M-1; the sink is implicit (its potential is a local). Arc costs: mentee → mentor
/// −score, mentor → its mentee +score, mentee → sink 0 (unmatched), mentor → sink 0 while it has a free slot.
/// Per-node arrays are shared by all workers (components are disjoint); the heap and visited list are per worker and
/// reused across searches, with a round stamp instead of clearing.
/// </summary>
internal sealed class ShortestPaths
{
    // The sink's potential never changes (its distance is the one every update is measured from), so it stays 0:
    // mentor j's price is −pi[j].
    private const long PiT = 0;
    private readonly Residual _r;
    // Per node, side by side so that one arc touches one cache line: potential, tentative distance, the round that
    // distance belongs to, and the position in the heap (-1 once settled).
    private struct Node
    {
        public long Pi, Dist;
        public int Stamp, Pos;
    }
    private readonly Node[] _node;
    private readonly int[] _predMentee, _predEdge; // per mentor: the mentee and edge it was reached by

    public ShortestPaths(Residual residual)
    {
        _r = residual;
        var n = _r.N;
        var m = _r.Free.Length;
        _node = new Node[n + m];
        _predMentee = new int[m];
        _predEdge = new int[m];
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
        public int[] Queue = new int[64];
        public readonly List<int> Deferred = [];
    }

    public void SolveComponent(ReadOnlySpan<int> mentees, Worker w, bool warmStart)
    {
        w.Deferred.Clear();
        if (warmStart) Auction(mentees, w);
        else w.Deferred.AddRange(mentees);
        var n = _r.N;
        foreach (var i in mentees)
        {
            var e = _r.EdgeOf[i];
            _node[i].Pi = e < 0 ? 0 : _r.Score[e] + _node[n + _r.EdgeMentor[e]].Pi;
        }
        foreach (var v in w.Deferred) Add(v, w);
    }

    /// <summary>
    /// The warm start: an auction with ε = 0 (Jonker–Volgenant's augmenting row reduction, with capacities). Mentor j
    /// has price P = −pi[j] ≥ 0, positive only while it is full; a mentee's value of j is score − P, of staying
    /// unmatched 0. Invariant (exact complementary slackness): every placed mentee holds an option of the largest
    /// value, and a mentor with a free slot has price 0. A mentee takes its best mentor's free slot; at a full mentor
    /// it outbids the holder with the least slack (value there minus its best alternative), raising the price by
    /// δ = min(its own best − second best, the second least slack), so it still prefers this mentor and every
    /// other holder still does too; the outbid mentee goes back to the queue. Prices only rise, so a mentee that chose
    /// to stay unmatched keeps that choice valid, and a full mentor stays full. When the bid budget runs out the rest
    /// are deferred to the shortest paths, which start from these prices: with pi[mentee] = its value (set by the
    /// caller) every residual arc has a non-negative reduced cost, so they are dual-feasible as they stand.
    /// </summary>
    private void Auction(ReadOnlySpan<int> mentees, Worker w)
    {
        var n = _r.N;
        var score = _r.Score;
        var edgeMentor = _r.EdgeMentor;
        var edgeStart = _r.EdgeStart;
        var edgeOf = _r.EdgeOf;
        var free = _r.Free;
        var queue = w.Queue;
        if (queue.Length < mentees.Length) queue = w.Queue = new int[Math.Max(mentees.Length, 2 * queue.Length)];
        // A ring buffer: a mentee is queued only while unplaced, so at most one entry per mentee is ever waiting.
        int headAt = 0, count = 0, cap = queue.Length;
        foreach (var i in mentees) queue[count++] = i;
        // Ties let bids go round in circles (δ = 0); the budget bounds that, the shortest paths finish the job.
        var budget = 8L * mentees.Length;
        while (count > 0)
        {
            var i = queue[headAt];
            headAt = headAt + 1 == cap ? 0 : headAt + 1;
            count--;
            long u1 = 0, u2 = long.MinValue;
            var e1 = -1;
            for (int e = edgeStart[i], end = edgeStart[i + 1]; e < end; e++)
            {
                var value = score[e] + _node[n + edgeMentor[e]].Pi;
                if (value > u1) { u2 = u1; u1 = value; e1 = e; }
                else if (value > u2)
                {
                    u2 = value;
                }
            }
            if (e1 < 0) continue;                       // staying unmatched is best
            var j = edgeMentor[e1];
            if (free[j] > 0)
            {
                _r.Attach(i, e1);
                free[j]--;
                continue;
            }
            if (--budget < 0) { w.Deferred.Add(i); continue; }
            // Slack of each holder at the current price; the least one is outbid.
            var weakest = -1;
            long least = long.MaxValue, second = long.MaxValue;
            for (var h = _r.Head[j]; h >= 0; h = _r.Next[h])
            {
                var slack = score[edgeOf[h]] + _node[n + j].Pi - Alternative(h, j);
                if (slack < least) { second = least; least = slack; weakest = h; }
                else if (slack < second)
                {
                    second = slack;
                }
            }
            var delta = Math.Max(0, Math.Min(u1 - u2, second));
            _node[n + j].Pi -= delta;
            _r.Detach(weakest);
            _r.Attach(i, e1);
            var tail = headAt + count++;
            queue[tail >= cap ? tail - cap : tail] = weakest;
        }
    }

    /// <summary>The best value of mentee h outside mentor j: another candidate, or 0 for staying unmatched.</summary>
    private long Alternative(int h, int j)
    {
        var n = _r.N;
        long best = 0;
        for (int e = _r.EdgeStart[h], end = _r.EdgeStart[h + 1]; e < end; e++)
        {
            var k = _r.EdgeMentor[e];
            if (k == j) continue;
            var value = _r.Score[e] + _node[n + k].Pi;
            if (value > best) best = value;
        }
        return best;
    }

    private bool TryFast(int v, Worker w)
    {
        var n = _r.N;
        var score = _r.Score;
        var edgeMentor = _r.EdgeMentor;
        var free = _r.Free;
        int s = _r.EdgeStart[v], t = _r.EdgeStart[v + 1];
        var piV = _node[v].Pi;

        // Fast path (the greedy step): the shortest path is v → j → sink when the cheapest first arc goes to a mentor
        // with a free slot whose arc to the sink is tight — every other path starts with an arc at least as expensive,
        // and reduced costs are non-negative, so no path is shorter. Dijkstra would settle only v before the sink,
        // so the only potential change is pi[v] −= L, exactly what the full search does: dual feasibility is kept
        // (arcs out of v drop by L ≤ their reduced cost, the new matched arc's reverse gets reduced cost 0).
        var best = piV - PiT;
        var bestE = -1;
        var rmin = long.MaxValue;
        for (var e = s; e < t; e++)
        {
            var y = n + edgeMentor[e];
            var rc = piV - score[e] - _node[y].Pi;
            if (rc < rmin) rmin = rc;
            if (free[edgeMentor[e]] > 0)
            {
                var c = rc + _node[y].Pi - PiT;
                if (c < best) { best = c; bestE = e; }
            }
        }
        if (best <= rmin)
        {
            _node[v].Pi = piV - best;
            if (bestE >= 0) { _r.Attach(v, bestE); free[edgeMentor[bestE]]--; }
            return true;
        }
        return false;
    }

    private void Add(int v, Worker w)
    {
        // v has no arcs in yet: its potential only has to make its own arcs non-negative (the best one tight).
        long top = 0;
        for (var e = _r.EdgeStart[v]; e < _r.EdgeStart[v + 1]; e++) top = Math.Max(top, _r.Score[e] + _node[_r.N + _r.EdgeMentor[e]].Pi);
        _node[v].Pi = top;
        if (TryFast(v, w)) return;
        var n = _r.N;
        var score = _r.Score;
        var edgeMentor = _r.EdgeMentor;
        var free = _r.Free;
        int s = _r.EdgeStart[v], t = _r.EdgeStart[v + 1];
        var piV = _node[v].Pi;

        var round = ++w.Round;
        w.HeapCount = 0;
        w.VisitedCount = 0;
        _node[v].Stamp = round;
        _node[v].Dist = 0;
        w.Visited[w.VisitedCount++] = v;
        var dSink = piV - PiT;
        var sinkFrom = v;
        for (var e = s; e < t; e++)
        {
            var y = n + edgeMentor[e];
            var nd = piV - score[e] - _node[y].Pi;
            if (nd >= dSink || (_node[y].Stamp == round && _node[y].Dist <= nd)) continue;
            Relax(w, y, nd, v, e, round);
        }
        var head = _r.Head;
        var next = _r.Next;
        var edgeOf = _r.EdgeOf;
        var edgeStart = _r.EdgeStart;
        while (w.HeapCount > 0)
        {
            var d = w.HeapKey[0];
            if (d >= dSink) break;
            var x = PopMin(w);
            var px = _node[x].Pi;
            if (x >= n)
            {
                var j = x - n;
                if (free[j] > 0)
                {
                    var c = d + px - PiT;
                    if (c < dSink) { dSink = c; sinkFrom = x; }
                }
                for (var i = head[j]; i >= 0; i = next[i])
                {
                    var nd = d + score[edgeOf[i]] + px - _node[i].Pi;
                    if (nd >= dSink || (_node[i].Stamp == round && _node[i].Dist <= nd)) continue;
                    RelaxMentee(w, i, nd, round);
                }
            }
            else
            {
                var c = d + px - PiT;
                if (c < dSink) { dSink = c; sinkFrom = x; }
                var held = edgeOf[x];
                for (int e = edgeStart[x], end = edgeStart[x + 1]; e < end; e++)
                {
                    if (e == held) continue;
                    var y = n + edgeMentor[e];
                    var nd = d - score[e] + px - _node[y].Pi;
                    if (nd >= dSink || (_node[y].Stamp == round && _node[y].Dist <= nd)) continue;
                    Relax(w, y, nd, x, e, round);
                }
            }
        }
        for (var k = 0; k < w.VisitedCount; k++)
        {
            var x = w.Visited[k];
            if (_node[x].Dist < dSink) _node[x].Pi += _node[x].Dist - dSink;
        }
        Augment(v, sinkFrom);
    }

    private void Augment(int v, int sinkFrom)
    {
        var n = _r.N;
        int j;
        if (sinkFrom >= n)
        {
            j = sinkFrom - n;
            _r.Free[j]--;
        }
        else
        {
            if (sinkFrom == v) return;          // v stays unmatched
            j = _r.MentorOf(sinkFrom);           // a matched mentee is let go
            _r.Detach(sinkFrom);
        }
        while (true)
        {
            // Mentor j gets the mentee it was reached from; that mentee leaves its own mentor (or is v).
            var i = _predMentee[j];
            var old = i == v ? -1 : _r.MentorOf(i);
            _r.Detach(i);
            _r.Attach(i, _predEdge[j]);
            if (i == v) return;
            j = old;
        }
    }

    private void Relax(Worker w, int y, long d, int from, int e, int round)
    {
        var j = y - _r.N;
        _predMentee[j] = from;
        _predEdge[j] = e;
        RelaxMentee(w, y, d, round);
    }

    private void RelaxMentee(Worker w, int y, long d, int round)
    {
        _node[y].Dist = d;
        if (_node[y].Stamp != round)
        {
            _node[y].Stamp = round;
            if (w.VisitedCount == w.Visited.Length) Array.Resize(ref w.Visited, w.Visited.Length * 2);
            w.Visited[w.VisitedCount++] = y;
            Push(w, y);
        }
        else
        {
            SiftUp(w, _node[y].Pos, y, d);
        }
    }

    private void Push(Worker w, int y)
    {
        if (w.HeapCount == w.HeapNode.Length)
        {
            Array.Resize(ref w.HeapNode, w.HeapCount * 2);
            Array.Resize(ref w.HeapKey, w.HeapCount * 2);
        }
        SiftUp(w, w.HeapCount++, y, _node[y].Dist);
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
            _node[nodes[at]].Pos = at;
            at = parent;
        }
        nodes[at] = y;
        keys[at] = d;
        _node[y].Pos = at;
    }

    private int PopMin(Worker w)
    {
        var nodes = w.HeapNode;
        var keys = w.HeapKey;
        var top = nodes[0];
        _node[top].Pos = -1;
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
            _node[nodes[at]].Pos = at;
            at = c;
        }
        nodes[at] = y;
        keys[at] = d;
        _node[y].Pos = at;
        return top;
    }
}

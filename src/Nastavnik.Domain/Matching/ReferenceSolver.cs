namespace Nastavnik.Domain.Matching;

/// <summary>
/// An exact solver kept deliberately independent of <see cref="MatchSolver"/>, to check its optimum: the instance is
/// turned into the explicit min-cost-flow network of <see cref="Dimacs"/> (per connected component, or it would never
/// finish) and solved by successive shortest paths: Bellman-Ford in queue form (SPFA) on the residual network finds
/// the distances, with no potentials and no early stop, then every path made of tight arcs is augmented before the next
/// search (primal-dual phases). Slow on a giant component, but simple enough to trust.
/// </summary>
public static class ReferenceSolver
{
    /// <summary>An arc of a general network: flow between <see cref="Low"/> and <see cref="Capacity"/>, cost per unit.</summary>
    public readonly record struct Arc(int From, int To, long Low, long Capacity, long Cost);

    public static SolveResult Solve(MatchInstance instance)
    {
        var n = instance.MenteeCount;
        var m = instance.MentorCount;

        // Components over mentees 0..n-1 and mentors n..n+m-1.
        var parent = new int[n + m];
        for (var x = 0; x < parent.Length; x++) parent[x] = x;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (var i = 0; i < n; i++)
        {
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                var (a, b) = (Find(i), Find(n + instance.EdgeMentor[e]));
                if (a != b) parent[a] = b;
            }
        }
        var members = new Dictionary<int, (List<int> Mentees, List<int> Mentors)>();
        for (var x = 0; x < n + m; x++)
        {
            var root = Find(x);
            if (!members.TryGetValue(root, out var group)) members[root] = group = ([], []);
            if (x < n) group.Mentees.Add(x); else group.Mentors.Add(x - n);
        }

        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        var local = new int[m];
        var components = 0;
        foreach (var (mentees, mentors) in members.Values)
        {
            if (mentees.Count == 0) continue;
            components++;
            // Local nodes: 0 source, 1..a mentees, a+1..a+b mentors, a+b+1 sink.
            var (a, b) = (mentees.Count, mentors.Count);
            for (var k = 0; k < b; k++) local[mentors[k]] = a + 1 + k;
            var sink = a + b + 1;
            var supply = new long[a + b + 2];
            supply[0] = a;
            supply[sink] = -a;
            var arcs = new List<Arc>();
            var pairOf = new List<(int Mentee, int Mentor)>();
            for (var k = 0; k < a; k++)
            {
                arcs.Add(new Arc(0, k + 1, 0, 1, 0));
                arcs.Add(new Arc(k + 1, sink, 0, 1, 0));
            }
            var firstPair = arcs.Count;
            for (var k = 0; k < a; k++)
            {
                var i = mentees[k];
                for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
                {
                    arcs.Add(new Arc(k + 1, local[instance.EdgeMentor[e]], 0, 1, -instance.EdgeScore[e]));
                    pairOf.Add((i, instance.EdgeMentor[e]));
                }
            }
            foreach (var j in mentors) arcs.Add(new Arc(local[j], sink, 0, instance.Capacity[j], 0));
            var (_, flow) = MinCostFlow(supply, arcs);
            for (var p = 0; p < pairOf.Count; p++)
            {
                if (flow[firstPair + p] > 0) mentorOf[pairOf[p].Mentee] = pairOf[p].Mentor;
            }
        }

        long total = 0;
        var matched = 0;
        for (var i = 0; i < n; i++)
        {
            if (mentorOf[i] < 0) continue;
            matched++;
            total += instance.ScoreOf(i, mentorOf[i]);
        }
        return new SolveResult(mentorOf, total, matched, components);
    }

    /// <summary>
    /// The least-cost flow meeting every node's supply (positive: produces, negative: consumes) within the arcs' bounds.
    /// Returns the cost and the flow per arc. The network must have no negative-cost cycle (ours are acyclic);
    /// throws when the supplies cannot be met.
    /// </summary>
    public static (long Cost, long[] Flow) MinCostFlow(long[] supply, IReadOnlyList<Arc> arcs)
    {
        var nodes = supply.Length;
        var balance = (long[])supply.Clone();
        long fixedCost = 0;
        foreach (var arc in arcs)
        {
            if (arc.Low > arc.Capacity || arc.Low < 0) throw new ArgumentException($"Arc {arc.From}→{arc.To} has bounds {arc.Low}..{arc.Capacity}.");
            // Lower bounds: send them up front and keep only the rest as capacity.
            balance[arc.From] -= arc.Low;
            balance[arc.To] += arc.Low;
            fixedCost += arc.Low * arc.Cost;
        }

        // Residual network with a super source S and a super sink T; arc k and its reverse are 2k and 2k+1.
        var s = nodes;
        var t = nodes + 1;
        var count = nodes + 2;
        var toList = new List<int>();
        var capList = new List<long>();
        var costList = new List<long>();
        var nextList = new List<int>();
        var head = new int[count];
        Array.Fill(head, -1);
        void Add(int u, int v, long c, long w)
        {
            toList.Add(v); capList.Add(c); costList.Add(w); nextList.Add(head[u]); head[u] = toList.Count - 1;
            toList.Add(u); capList.Add(0); costList.Add(-w); nextList.Add(head[v]); head[v] = toList.Count - 1;
        }
        foreach (var arc in arcs) Add(arc.From, arc.To, arc.Capacity - arc.Low, arc.Cost);
        long required = 0;
        for (var v = 0; v < nodes; v++)
        {
            if (balance[v] > 0) { Add(s, v, balance[v], 0); required += balance[v]; }
            else if (balance[v] < 0)
            {
                Add(v, t, -balance[v], 0);
            }
        }
        var (to, cap, cost, next) = (toList.ToArray(), capList.ToArray(), costList.ToArray(), nextList.ToArray());

        var dist = new long[count];
        var queued = new bool[count];
        var queue = new Queue<int>();
        var current = new int[count];   // per node, the next arc to try in this phase
        var dead = new bool[count];
        var onPath = new bool[count];
        var path = new Stack<int>();
        long sent = 0, total = 0;
        while (sent < required)
        {
            Array.Fill(dist, long.MaxValue);
            dist[s] = 0;
            queue.Enqueue(s);
            queued[s] = true;
            while (queue.TryDequeue(out var u))
            {
                queued[u] = false;
                for (var k = head[u]; k >= 0; k = next[k])
                {
                    if (cap[k] == 0) continue;
                    var d = dist[u] + cost[k];
                    if (d >= dist[to[k]]) continue;
                    dist[to[k]] = d;
                    if (!queued[to[k]]) { queued[to[k]] = true; queue.Enqueue(to[k]); }
                }
            }
            if (dist[t] == long.MaxValue) throw new InvalidOperationException("The supplies cannot be met.");

            // One phase: augment along every shortest path there is, i.e. along tight arcs (dist[v] = dist[u] + cost),
            // each found by a depth-first walk with a current arc per node. Augmenting on tight arcs only adds tight
            // reverse arcs, so dist stays a valid bound and every path of the phase costs exactly dist[t].
            Array.Copy(head, current, count);
            Array.Clear(dead);
            var x = s;
            onPath[s] = true;
            while (sent < required)
            {
                if (x == t)
                {
                    var push = required - sent;
                    foreach (var k in path) push = Math.Min(push, cap[k]);
                    foreach (var k in path)
                    {
                        cap[k] -= push;
                        cap[k ^ 1] += push;
                        onPath[to[k]] = false;
                    }
                    sent += push;
                    total += push * dist[t];
                    path.Clear();
                    x = s;
                    continue;
                }
                var advanced = false;
                for (; current[x] >= 0; current[x] = next[current[x]])
                {
                    var k = current[x];
                    var y = to[k];
                    if (cap[k] == 0 || dead[y] || onPath[y] || dist[y] != dist[x] + cost[k]) continue;
                    path.Push(k);
                    onPath[y] = true;
                    x = y;
                    advanced = true;
                    break;
                }
                if (advanced) continue;
                dead[x] = true;
                if (x == s) break;
                var back = path.Pop();
                onPath[x] = false;
                x = to[back ^ 1];
                current[x] = next[current[x]];
            }
            onPath[s] = false;
        }

        var flow = new long[arcs.Count];
        for (var k = 0; k < arcs.Count; k++) flow[k] = arcs[k].Low + cap[2 * k + 1];
        return (fixedCost + total, flow);
    }
}

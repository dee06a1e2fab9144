using System.Runtime.InteropServices;

namespace Nastavnik.Domain.Matching.Solver;

/// <summary>
/// Exact ε-scaling forward/reverse auction (Bertsekas–Castañon, for assignment problems where persons and objects may
/// stay unassigned) for large components. Persons are mentees, objects are mentor slots (a mentor with capacity c is
/// c interchangeable slots, each with its own price); a mentee may also take its private null object (unmatched,
/// value 0, price 0). Scores are multiplied by K = mentees + 1, so ε-complementary slackness with ε = 1 at the end
/// means the total is within mentees·1 &lt; K of the optimum, that is, optimal in the original scores.
/// Each phase keeps the prices and the mentees whose choice is within the new ε of their best; forward bids (a mentee raises the price of its best
/// slot by best − second best + ε) run until every mentee holds a slot or its null; then reverse bids (a free slot with
/// a positive price lowers its price to attract the mentee with the best margin, or drops to 0 and stays free) run
/// until no free slot has a positive price — the condition the asymmetric problem needs for optimality.
/// Why it is exact: with π_i = max(0, best value of i) and the prices as duals, ε-slackness bounds the gap between the
/// dual and the total by mentees·ε plus the prices of free slots, which the reverse bids bring to 0.
/// It does in bulk what shortest paths do one mentee at a time, so it wins on components of hundreds of thousands of
/// mentees where the last, congested mentees each need a search across most of the component.
/// Components are disjoint, so per-slot and per-mentee arrays are shared by all workers.
/// </summary>
internal sealed class Auction
{
    private const int Unassigned = -1, Null = -2;
    private const long Alpha = 8;                // ε shrinks by this factor per phase
    private readonly Residual _r;
    private readonly int[] _slotStart;       // per mentor, its slots [slotStart[j], slotStart[j + 1])
    private readonly int[] _slotMentor;
    private readonly int[] _mentorMark;      // per mentor, 1 + the first mentee of the component that listed it
    private readonly long[] _price;
    private readonly int[] _holder;          // per slot, mentee or -1
    private readonly int[] _slotOf;          // per mentee: slot, Unassigned or Null
    private readonly int[] _edgeOfSlot;      // per mentee: the edge to its slot's mentor
    private readonly int[] _inStart, _inMentee, _inEdge; // per mentor, its candidate mentees and their edges

    public Auction(Residual residual, bool[] active)
    {
        _r = residual;
        var m = _r.Free.Length;
        _slotStart = new int[m + 1];
        for (var j = 0; j < m; j++) _slotStart[j + 1] = _slotStart[j] + _r.Free[j];
        _slotMentor = new int[_slotStart[m]];
        for (var j = 0; j < m; j++) Array.Fill(_slotMentor, j, _slotStart[j], _slotStart[j + 1] - _slotStart[j]);
        _mentorMark = new int[m];
        _price = new long[_slotStart[m]];
        _holder = new int[_slotStart[m]];
        Array.Fill(_holder, -1);
        _slotOf = new int[_r.N];
        Array.Fill(_slotOf, Unassigned);
        _edgeOfSlot = new int[_r.N];
        _inStart = new int[m + 1];
        for (var i = 0; i < _r.N; i++)
        {
            if (!active[i]) continue;
            for (var e = _r.EdgeStart[i]; e < _r.EdgeStart[i + 1]; e++) _inStart[_r.EdgeMentor[e] + 1]++;
        }
        for (var j = 0; j < m; j++) _inStart[j + 1] += _inStart[j];
        var fill = (int[])_inStart.Clone();
        _inMentee = new int[_inStart[m]];
        _inEdge = new int[_inStart[m]];
        for (var i = 0; i < _r.N; i++)
        {
            if (!active[i]) continue;
            for (var e = _r.EdgeStart[i]; e < _r.EdgeStart[i + 1]; e++)
            {
                var at = fill[_r.EdgeMentor[e]]++;
                _inMentee[at] = i;
                _inEdge[at] = e;
            }
        }
    }

    public sealed class Worker
    {
        public int[] Queue = new int[64];
        public readonly List<int> Mentors = [];
        public readonly List<int> FreeSlots = [];
        public readonly List<int> Pending = [];
    }

    public void SolveComponent(ReadOnlySpan<int> mentees, Worker w)
    {
        var k = (long)mentees.Length + 1;
        var maxScore = 1L;
        w.Mentors.Clear();
        var mark = mentees[0] + 1;
        foreach (var i in mentees)
        {
            for (var e = _r.EdgeStart[i]; e < _r.EdgeStart[i + 1]; e++)
            {
                maxScore = Math.Max(maxScore, _r.Score[e]);
                var j = _r.EdgeMentor[e];
                if (_mentorMark[j] == mark) continue;
                _mentorMark[j] = mark;
                w.Mentors.Add(j);
            }
        }
        var eps = Math.Max(1, maxScore * k / Alpha);
        while (true)
        {
            // Keep every mentee whose choice is still within the new ε of its best; the rest bid again.
            w.Pending.Clear();
            foreach (var i in mentees)
            {
                if (_slotOf[i] != Unassigned && Profit(i, k) >= BestValue(i, k) - eps) continue;
                if (_slotOf[i] >= 0) _holder[_slotOf[i]] = -1;
                _slotOf[i] = Unassigned;
                w.Pending.Add(i);
            }
            Forward(CollectionsMarshal.AsSpan(w.Pending), k, eps, w);
            Reverse(k, eps, w);
            if (eps == 1) break;
            eps = Math.Max(1, eps / Alpha);
        }
        foreach (var i in mentees)
        {
            if (_slotOf[i] < 0) continue;
            _r.Attach(i, _edgeOfSlot[i]);
            _r.Free[_r.EdgeMentor[_edgeOfSlot[i]]]--;
        }
    }

    private void Forward(ReadOnlySpan<int> mentees, long k, long eps, Worker w)
    {
        var queue = w.Queue;
        if (queue.Length < mentees.Length) queue = w.Queue = new int[Math.Max(mentees.Length, 2 * queue.Length)];
        int headAt = 0, count = 0, cap = queue.Length;
        foreach (var i in mentees) queue[count++] = i;
        var score = _r.Score;
        var edgeMentor = _r.EdgeMentor;
        var edgeStart = _r.EdgeStart;
        while (count > 0)
        {
            var i = queue[headAt];
            headAt = headAt + 1 == cap ? 0 : headAt + 1;
            count--;
            // Best and second-best value among the null (0) and every slot; the cheapest slot of a mentor stands for
            // it, its second cheapest competes for second place.
            long u1 = 0, u2 = long.MinValue;
            int bestSlot = -1, bestEdge = -1;
            for (int e = edgeStart[i], end = edgeStart[i + 1]; e < end; e++)
            {
                var j = edgeMentor[e];
                int s0 = _slotStart[j], s1 = _slotStart[j + 1];
                long p1 = _price[s0], p2 = long.MaxValue;
                var at = s0;
                for (var s = s0 + 1; s < s1; s++)
                {
                    var p = _price[s];
                    if (p < p1) { p2 = p1; p1 = p; at = s; }
                    else if (p < p2)
                    {
                        p2 = p;
                    }
                }
                var a = score[e] * k;
                var v1 = a - p1;
                if (v1 > u1) { u2 = u1; u1 = v1; bestSlot = at; bestEdge = e; }
                else if (v1 > u2)
                {
                    u2 = v1;
                }

                if (p2 != long.MaxValue && a - p2 > u2) u2 = a - p2;
            }
            if (bestSlot < 0)
            {
                _slotOf[i] = Null;
                continue;
            }
            _price[bestSlot] += u1 - u2 + eps;
            var old = _holder[bestSlot];
            _holder[bestSlot] = i;
            _slotOf[i] = bestSlot;
            _edgeOfSlot[i] = bestEdge;
            if (old >= 0)
            {
                _slotOf[old] = Unassigned;
                var tail = headAt + count++;
                queue[tail >= cap ? tail - cap : tail] = old;
            }
        }
    }

    private void Reverse(long k, long eps, Worker w)
    {
        var free = w.FreeSlots;
        free.Clear();
        foreach (var j in w.Mentors)
        {
            for (var s = _slotStart[j]; s < _slotStart[j + 1]; s++)
            {
                if (_holder[s] < 0 && _price[s] > 0) free.Add(s);
            }
        }
        var score = _r.Score;
        while (free.Count > 0)
        {
            var s = free[^1];
            free.RemoveAt(free.Count - 1);
            var j = _slotMentor[s];
            // Margin of mentee i for this slot: its score here minus its current profit.
            long b1 = long.MinValue, b2 = long.MinValue;
            int best = -1, bestEdge = -1;
            for (var at = _inStart[j]; at < _inStart[j + 1]; at++)
            {
                var i = _inMentee[at];
                var e = _inEdge[at];
                var b = score[e] * k - Profit(i, k);
                if (b > b1) { b2 = b1; b1 = b; best = i; bestEdge = e; }
                else if (b > b2)
                {
                    b2 = b;
                }
            }
            if (best < 0 || b1 - eps <= 0)
            {
                _price[s] = 0;
                continue;
            }
            // The slot's price falls to where the runner-up (or staying free at 0) is ε short of taking it.
            _price[s] = b2 == long.MinValue ? 0 : Math.Max(0, b2 - eps);
            var from = _slotOf[best];
            if (from >= 0) _holder[from] = -1;
            _holder[s] = best;
            _slotOf[best] = s;
            _edgeOfSlot[best] = bestEdge;
            if (from >= 0 && _price[from] > 0) free.Add(from);
        }
    }

    /// <summary>The value of mentee i's best option: its null (0) or the cheapest slot of a candidate mentor.</summary>
    private long BestValue(int i, long k)
    {
        long best = 0;
        for (var e = _r.EdgeStart[i]; e < _r.EdgeStart[i + 1]; e++)
        {
            var j = _r.EdgeMentor[e];
            var p = _price[_slotStart[j]];
            for (var s = _slotStart[j] + 1; s < _slotStart[j + 1]; s++) p = Math.Min(p, _price[s]);
            best = Math.Max(best, _r.Score[e] * k - p);
        }
        return best;
    }

    private long Profit(int i, long k)
    {
        var s = _slotOf[i];
        return s < 0 ? 0 : _r.Score[_edgeOfSlot[i]] * k - _price[s];
    }
}

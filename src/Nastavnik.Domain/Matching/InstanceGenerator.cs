namespace Nastavnik.Domain.Matching;

/// <summary>
/// Realistic random instances for benchmarks and tests, the same for the same arguments (own PRNG, one thread).
/// Mentees and mentors are split into <c>municipalities</c> contiguous blocks of near-equal size (mentee i lives in
/// <see cref="MunicipalityOf"/>(i, mentees, G)). Each mentee gets <c>candidates</c> distinct mentors: most from its own
/// municipality, drawn with popularity weights (log-normal, so a few mentors are wanted by many: contention), and a
/// <c>crossShare</c> of them from another municipality of the same district (online forms). A district is
/// <see cref="DistrictSize"/> consecutive municipalities: online programmes are run by a district or a city, and
/// this keeps the graph falling apart into components of about 10 municipalities, as real regions do, instead of one
/// giant component. Scores 1..1000 grow with the mentor's popularity, plus noise per pair. G = 1: one giant component.
/// </summary>
public static class InstanceGenerator
{
    public const int DistrictSize = 10;

    public static MatchInstance Generate(int mentees, double mentorRatio = 3, int capacityMin = 1, int capacityMax = 5,
        int municipalities = 1, int candidates = 20, double crossShare = 0.05, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mentees);
        int[] capacity = [];
        var start = new int[mentees + 1];
        var mentorList = new int[(long)mentees * candidates <= Array.MaxLength ? mentees * candidates : 0];
        var scoreList = new int[mentorList.Length];
        var edges = 0;
        Run(mentees, mentorRatio, capacityMin, capacityMax, municipalities, candidates, crossShare, seed, c => capacity = c,
            (i, mentors, scores) =>
            {
                if (edges + mentors.Length > mentorList.Length)
                {
                    Array.Resize(ref mentorList, Math.Max(edges + mentors.Length, edges * 2));
                    Array.Resize(ref scoreList, mentorList.Length);
                }
                mentors.CopyTo(mentorList.AsSpan(edges));
                scores.CopyTo(scoreList.AsSpan(edges));
                edges += mentors.Length;
                start[i + 1] = edges;
            });
        Array.Resize(ref mentorList, edges);
        Array.Resize(ref scoreList, edges);
        return new MatchInstance(capacity, start, mentorList, scoreList);
    }

    /// <summary>
    /// The same instance as <see cref="Generate"/>, written in the file format as it is drawn (no edge arrays, so any
    /// size fits in memory); returns the mentor and edge counts.
    /// </summary>
    public static (int Mentors, long Edges) Write(TextWriter writer, int mentees, double mentorRatio = 3, int capacityMin = 1, int capacityMax = 5,
        int municipalities = 1, int candidates = 20, double crossShare = 0.05, ulong seed = 1)
    {
        var line = new InstanceFile.LineWriter(writer);
        var (mentorCount, edgeCount) = (0, 0L);
        Run(mentees, mentorRatio, capacityMin, capacityMax, municipalities, candidates, crossShare, seed,
            capacity =>
            {
                mentorCount = capacity.Length;
                line.Text("mentors ").Number(capacity.Length).End();
                line.Text("mentees ").Number(mentees).End();
                for (var j = 0; j < capacity.Length; j++) line.Text("m ").Number(j + 1).Text(" ").Number(capacity[j]).End();
            },
            (i, mentors, scores) =>
            {
                for (var k = 0; k < mentors.Length; k++) line.Text("e ").Number(i + 1).Text(" ").Number(mentors[k] + 1).Text(" ").Number(scores[k]).End();
                edgeCount += mentors.Length;
            });
        line.Flush();
        return (mentorCount, edgeCount);
    }

    /// <summary>The mentors and scores of one mentee's candidates, ascending by mentor.</summary>
    private delegate void MenteeEdges(int mentee, ReadOnlySpan<int> mentors, ReadOnlySpan<int> scores);

    private static void Run(int mentees, double mentorRatio, int capacityMin, int capacityMax, int municipalities, int candidates,
        double crossShare, ulong seed, Action<int[]> mentorsReady, MenteeEdges menteeReady)
    {
        if (mentees < 0) throw new ArgumentOutOfRangeException(nameof(mentees));
        if (mentorRatio <= 0) throw new ArgumentOutOfRangeException(nameof(mentorRatio));
        if (capacityMin < 0 || capacityMax < capacityMin) throw new ArgumentOutOfRangeException(nameof(capacityMax));
        if (candidates < 0) throw new ArgumentOutOfRangeException(nameof(candidates));
        if (crossShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(crossShare));
        var mentors = Math.Max(1, (int)Math.Round(mentees / mentorRatio));
        var g = Math.Clamp(municipalities, 1, Math.Max(1, Math.Min(mentees, mentors)));
        var rnd = new SplitMix(seed);

        var capacity = new int[mentors];
        var popularity = new double[mentors];   // the normal deviate behind the log-normal weight
        var cumulative = new double[mentors + 1];
        var inverseWeight = new double[mentors];
        for (var j = 0; j < mentors; j++)
        {
            capacity[j] = capacityMin + (int)rnd.Below((ulong)(capacityMax - capacityMin + 1));
            popularity[j] = rnd.Normal();
            cumulative[j + 1] = cumulative[j] + Math.Exp(popularity[j]);
            inverseWeight[j] = Math.Exp(-popularity[j]);
        }
        var firstMentor = new int[g + 1];
        for (var t = 0; t <= g; t++) firstMentor[t] = (int)(((long)t * mentors + g - 1) / g); // exactly the j with MunicipalityOf(j, mentors, g) == t

        mentorsReady(capacity);
        var mentorList = new int[candidates];
        var scoreList = new int[candidates];
        var taken = new int[mentors];            // the last mentee (1-based) that took this mentor
        var keys = new double[0];
        var order = new int[0];
        var edges = 0;                           // of the current mentee
        for (var i = 0; i < mentees; i++)
        {
            var home = MunicipalityOf(i, mentees, g);
            var (from, to) = (firstMentor[home], firstMentor[home + 1]);
            var district = home / DistrictSize * DistrictSize;
            var districtEnd = Math.Min(g, district + DistrictSize);
            var cross = 0;
            if (districtEnd - district > 1)
            {
                for (var k = 0; k < candidates; k++) cross += rnd.Unit() < crossShare ? 1 : 0;
            }
            var local = Math.Min(candidates - cross, to - from);
            edges = 0;

            if (2 * local >= to - from)
            {
                // Most of a small pool: the k smallest of Exp(1)/weight keys is a weighted sample without replacement.
                var size = to - from;
                if (keys.Length < size) { keys = new double[size]; order = new int[size]; }
                for (var k = 0; k < size; k++)
                {
                    keys[k] = -Math.Log(1 - rnd.Unit()) * inverseWeight[from + k];
                    order[k] = from + k;
                }
                Array.Sort(keys, order, 0, size);
                for (var k = 0; k < local; k++) Add(i, order[k]);
            }
            else
            {
                for (var k = 0; k < local;)
                {
                    var j = Pick(from, to);
                    if (taken[j] == i + 1) continue;
                    Add(i, j);
                    k++;
                }
            }
            for (var k = 0; k < cross; k++)
            {
                // Another municipality of the district, then a mentor there by popularity; give up on a crowded draw.
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    var other = district + (int)rnd.Below((ulong)(districtEnd - district - 1));
                    if (other >= home) other++;
                    if (firstMentor[other] == firstMentor[other + 1]) continue;
                    var j = Pick(firstMentor[other], firstMentor[other + 1]);
                    if (taken[j] == i + 1) continue;
                    Add(i, j);
                    break;
                }
            }
            // Edges of a mentee sorted by mentor: files and orders do not depend on the drawing order.
            Array.Sort(mentorList, scoreList, 0, edges);
            menteeReady(i, mentorList.AsSpan(0, edges), scoreList.AsSpan(0, edges));
        }

        int Pick(int from, int to)
        {
            var u = cumulative[from] + rnd.Unit() * (cumulative[to] - cumulative[from]);
            var at = Array.BinarySearch(cumulative, from, to - from + 1, u);
            if (at < 0) at = ~at - 1;
            return Math.Clamp(at, from, to - 1);
        }

        void Add(int mentee, int mentor)
        {
            taken[mentor] = mentee + 1;
            // Popular mentors are popular for a reason: better scores on average, but every pair has its own fit.
            var score = 500 + 130 * popularity[mentor] + 160 * rnd.Normal();
            mentorList[edges] = mentor;
            scoreList[edges] = (int)Math.Clamp(Math.Round(score), 1, 1000);
            edges++;
        }
    }

    /// <summary>The municipality (0-based) of item <paramref name="index"/> of <paramref name="count"/> split into G blocks.</summary>
    public static int MunicipalityOf(int index, int count, int municipalities) => (int)((long)index * municipalities / count);

    /// <summary>SplitMix64: tiny, fast and the same on every platform and runtime version.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

        public ulong Below(ulong n) => n <= 1 ? 0 : (ulong)(Unit() * n);

        private double _spare = double.NaN;

        /// <summary>Standard normal by Box-Muller; each pair of uniforms gives two.</summary>
        public double Normal()
        {
            if (!double.IsNaN(_spare))
            {
                var kept = _spare;
                _spare = double.NaN;
                return kept;
            }
            var r = Math.Sqrt(-2 * Math.Log(1 - Unit()));
            var (sin, cos) = Math.SinCos(2 * Math.PI * Unit());
            _spare = r * sin;
            return r * cos;
        }
    }
}

using System.Diagnostics;
using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Matching;

/// <summary>
/// Runs the whole matcher on people: candidates through <see cref="MatchFilters"/>, scores by
/// <see cref="MatchScoring"/>, the optimum by <see cref="MatchSolver"/>, then the explanations. Deterministic: the
/// mentees and mentors are taken in id order and the parallel candidate search writes per-mentee results that are
/// joined in that order, so <see cref="MatchInput.Threads"/> changes only the speed.
/// </summary>
public static class MatchEngine
{
    public static MatchOutcome Run(MatchInput input, Action<int, string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        progress?.Invoke(0, "Подготовка данных");
        var graph = CandidateGraph.Build(input);
        progress?.Invoke(50, $"Отобрано пар-кандидатов: {graph.Instance.EdgeCount}; поиск оптимального распределения");

        var solved = MatchSolver.Solve(graph.Instance, new SolveOptions(input.Threads, graph.Locked, graph.Incumbent, input.Rules.IncumbentBonus));
        progress?.Invoke(80, "Подготовка объяснений");

        var pairs = new List<ProposedPair>();
        var unmatched = new List<UnmatchedMentee>();
        var inst = graph.Instance;
        for (var i = 0; i < graph.Mentees.Length; i++)
        {
            var mentee = graph.Mentees[i];
            var j = solved.MentorOf[i];
            var candidates = inst.EdgeStart[i + 1] - inst.EdgeStart[i];
            if (j < 0)
            {
                var reason = candidates == 0 ? graph.NoCandidateReason[i]! : $"все подходящие наставники ({candidates}) заняты";
                unmatched.Add(new UnmatchedMentee(mentee.Id, reason, candidates));
                continue;
            }
            var mentor = graph.Mentors[j];
            var (score, breakdown) = MatchScoring.Score(mentee, mentor, input.Rules, graph.MenteeSlots[i], graph.MentorSlots[j]);
            int? altScore = null;
            var alt = -1;
            for (var e = inst.EdgeStart[i]; e < inst.EdgeStart[i + 1]; e++)
            {
                var other = inst.EdgeMentor[e];
                if (other == j || graph.LockedOnly[e]) continue;
                // Mentors are indexed in id order, so the lower index wins a tie.
                if (altScore is null || inst.EdgeScore[e] > altScore || (inst.EdgeScore[e] == altScore && other < alt))
                {
                    altScore = inst.EdgeScore[e];
                    alt = other;
                }
            }
            pairs.Add(new ProposedPair(mentee.Id, mentor.Id, score, breakdown, alt >= 0 ? graph.Mentors[alt].Id : null, altScore,
                graph.Locked[i] >= 0));
        }
        progress?.Invoke(100, $"Готово: пар {pairs.Count}, без наставника {unmatched.Count}");
        return new MatchOutcome(pairs, unmatched, solved.Total, solved.Components, clock.Elapsed);
    }
}

/// <summary>
/// The candidate graph of a run: mentees and mentors in id order, the instance of candidate edges and scores, locks and
/// incumbents as mentor indexes, and for mentees with no candidate the reason in Russian. Shared by the engine and the
/// mentee-choice shortlists.
/// </summary>
internal sealed class CandidateGraph
{
    public required MenteeInput[] Mentees { get; init; }
    public required MentorInput[] Mentors { get; init; }
    public required WeeklySlots[] MenteeSlots { get; init; }
    public required WeeklySlots[] MentorSlots { get; init; }
    public required MatchInstance Instance { get; init; }
    /// <summary>Per edge: true when the edge exists only because the curator locked a pair that breaks a filter.</summary>
    public required bool[] LockedOnly { get; init; }
    public required int[] Locked { get; init; }
    public required int[] Incumbent { get; init; }
    public required string?[] NoCandidateReason { get; init; }

    private const int ChunkSize = 256;

    public static CandidateGraph Build(MatchInput input)
    {
        var rules = input.Rules;
        var mentees = input.Mentees.OrderBy(m => m.Id).ToArray();
        var mentors = input.Mentors.OrderBy(m => m.Id).ToArray();
        var mentorIndex = new Dictionary<long, int>(mentors.Length);
        for (var j = 0; j < mentors.Length; j++) mentorIndex.TryAdd(mentors[j].Id, j);
        var menteeSlots = mentees.Select(m => Availability.Parse(m.Availability)).ToArray();
        var mentorSlots = mentors.Select(m => Availability.Parse(m.Availability)).ToArray();
        var mentorKinds = FormRoles.MentorKinds(rules.Form);
        var menteeKinds = FormRoles.MenteeKinds(rules.Form);

        // Who can reach a mentee at all: the mentors of its own organization, plus those of linked organizations and
        // partners (of its municipality unless the programme crosses municipalities). Everyone else fails the
        // organization or municipality filter, so a region is never scanned mentee × mentor.
        var byOrganization = new Dictionary<long, List<int>>();
        var linkedByMunicipality = new Dictionary<long, List<int>>();
        var linkedAll = new List<int>();
        var linkedOrgs = rules.LinkedOrganizationIds?.ToHashSet() ?? [];
        var linkedPartners = rules.LinkedPartnerIds?.ToHashSet() ?? [];
        for (var j = 0; j < mentors.Length; j++)
        {
            var mentor = mentors[j];
            Add(byOrganization, mentor.OrganizationId, j);
            if (linkedOrgs.Contains(mentor.OrganizationId) || (mentor.PartnerId is { } p && linkedPartners.Contains(p)))
            {
                linkedAll.Add(j);
                Add(linkedByMunicipality, mentor.MunicipalityId, j);
            }
        }

        var edges = new (int[] Mentor, int[] Score)[mentees.Length];
        var reasons = new string?[mentees.Length];
        var chunks = (mentees.Length + ChunkSize - 1) / ChunkSize;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = input.Threads > 0 ? input.Threads : Environment.ProcessorCount };
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var pool = new List<int>();
            var failCounts = new int[MatchFilters.Order.Count];
            var candMentor = new List<int>();
            var candScore = new List<int>();
            for (var i = chunk * ChunkSize; i < Math.Min(mentees.Length, (chunk + 1) * ChunkSize); i++)
            {
                var mentee = mentees[i];
                pool.Clear();
                if (byOrganization.TryGetValue(mentee.OrganizationId, out var own)) pool.AddRange(own);
                var linked = rules.CrossMunicipality ? linkedAll : linkedByMunicipality.GetValueOrDefault(mentee.MunicipalityId);
                if (linked is not null)
                {
                    foreach (var j in linked)
                    {
                        if (mentors[j].OrganizationId != mentee.OrganizationId) pool.Add(j);
                    }
                }
                pool.Sort();
                Array.Clear(failCounts);
                candMentor.Clear();
                candScore.Clear();
                foreach (var j in pool)
                {
                    var mask = MatchFilters.FailMask(mentee, mentors[j], rules, mentorKinds, menteeKinds);
                    if (mask == 0)
                    {
                        candMentor.Add(j);
                        candScore.Add(MatchScoring.ScoreOnly(mentee, mentors[j], rules, menteeSlots[i], mentorSlots[j]));
                        continue;
                    }
                    for (var f = 0; f < failCounts.Length; f++)
                    {
                        if ((mask & (1 << f)) != 0) failCounts[f]++;
                    }
                }
                edges[i] = (candMentor.ToArray(), candScore.ToArray());
                if (candMentor.Count == 0) reasons[i] = ReasonFor(pool.Count, mentors.Length, failCounts);
            }
        });

        // Locks and incumbents as indexes; a locked pair that breaks a filter still gets its edge (and its real score).
        var locked = new int[mentees.Length];
        var incumbent = new int[mentees.Length];
        Array.Fill(locked, -1);
        Array.Fill(incumbent, -1);
        var capacity = mentors.Select(m => Math.Max(0, m.Capacity - m.Load)).ToArray();
        var lockedCount = new int[mentors.Length];
        var extraEdge = new int[mentees.Length];
        Array.Fill(extraEdge, -1);
        for (var i = 0; i < mentees.Length; i++)
        {
            if (mentees[i].LockedMentorId is { } lockId && mentorIndex.TryGetValue(lockId, out var lj))
            {
                locked[i] = lj;
                lockedCount[lj]++;
                if (Array.IndexOf(edges[i].Mentor, lj) < 0) extraEdge[i] = lj;
            }
            if (mentees[i].CurrentMentorId is { } currentId && mentorIndex.TryGetValue(currentId, out var cj)) incumbent[i] = cj;
        }
        // The curator may lock more mentees to a mentor than it has places; the solver must not see a negative capacity.
        for (var j = 0; j < mentors.Length; j++) capacity[j] = Math.Max(capacity[j], lockedCount[j]);

        var start = new int[mentees.Length + 1];
        for (var i = 0; i < mentees.Length; i++) start[i + 1] = start[i] + edges[i].Mentor.Length + (extraEdge[i] >= 0 ? 1 : 0);
        var edgeMentor = new int[start[^1]];
        var edgeScore = new int[start[^1]];
        var lockedOnly = new bool[start[^1]];
        for (var i = 0; i < mentees.Length; i++)
        {
            var at = start[i];
            edges[i].Mentor.CopyTo(edgeMentor, at);
            edges[i].Score.CopyTo(edgeScore, at);
            if (extraEdge[i] >= 0)
            {
                var e = start[i + 1] - 1;
                var j = extraEdge[i];
                edgeMentor[e] = j;
                edgeScore[e] = MatchScoring.ScoreOnly(mentees[i], mentors[j], rules, menteeSlots[i], mentorSlots[j]);
                lockedOnly[e] = true;
            }
        }
        return new CandidateGraph
        {
            Mentees = mentees,
            Mentors = mentors,
            MenteeSlots = menteeSlots,
            MentorSlots = mentorSlots,
            Instance = new MatchInstance(capacity, start, edgeMentor, edgeScore),
            LockedOnly = lockedOnly,
            Locked = locked,
            Incumbent = incumbent,
            NoCandidateReason = reasons,
        };
    }

    /// <summary>
    /// «нет подходящих наставников: чаще всего — „Свободные места“ (12 из 15)». Counted over the mentors that can reach
    /// the mentee (own, linked organizations); a mentor breaking several filters counts for each. With nobody in reach
    /// the organization filter removed all mentors of the programme.
    /// </summary>
    private static string ReasonFor(int poolSize, int mentorCount, int[] failCounts)
    {
        if (mentorCount == 0) return "нет подходящих наставников: в программе нет наставников";
        if (poolSize == 0)
        {
            return $"нет подходящих наставников: чаще всего — «{MatchFilters.TitleOf(MatchFilters.Organization)}» ({mentorCount} из {mentorCount})";
        }
        var best = 0;
        for (var f = 1; f < failCounts.Length; f++)
        {
            if (failCounts[f] > failCounts[best]) best = f;
        }
        return $"нет подходящих наставников: чаще всего — «{MatchFilters.Order[best].Title}» ({failCounts[best]} из {poolSize})";
    }

    private static void Add(Dictionary<long, List<int>> index, long key, int j)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(j);
    }
}

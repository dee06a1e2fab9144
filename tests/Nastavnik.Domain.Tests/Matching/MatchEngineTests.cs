using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using static Nastavnik.Domain.Tests.Matching.MatchPeople;

namespace Nastavnik.Domain.Tests.Matching;

public class MatchEngineTests
{
    [Fact]
    public void Run_TwoMenteesTwoMentors_PairsEachWithBestTotal()
    {
        var input = Input([Mentee(1, 1), Mentee(2, 2)], [Mentor(11, 1), Mentor(12, 2)]);

        var outcome = MatchEngine.Run(input);

        Assert.Equal([(1L, 11L), (2L, 12L)], outcome.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        Assert.Empty(outcome.Unmatched);
        Assert.Equal(outcome.Pairs.Sum(p => (long)p.Score), outcome.Total);
        Assert.All(outcome.Pairs, p => Assert.Equal(p.Score, p.Breakdown.Sum(f => f.Points)));
    }

    [Fact]
    public void Run_MentorWithCapacityTwo_TakesTwoMentees()
    {
        var input = Input([Mentee(1), Mentee(2), Mentee(3)], [Mentor(11) with { Capacity = 3, Load = 1 }]);

        var outcome = MatchEngine.Run(input);

        Assert.Equal(2, outcome.Pairs.Count);
        Assert.Single(outcome.Unmatched);
    }

    [Fact]
    public void Run_LockedPair_IsKeptAgainstTheOptimum()
    {
        // Both mentees prefer mentor 11 (key request), but the curator fixed mentee 1 with mentor 12.
        var input = Input([Mentee(1, 1) with { LockedMentorId = 12 }, Mentee(2, 1)], [Mentor(11, 1), Mentor(12, 5)]);

        var outcome = MatchEngine.Run(input);

        var locked = outcome.Pairs.Single(p => p.MenteeId == 1);
        Assert.Equal(12, locked.MentorId);
        Assert.True(locked.Locked);
        Assert.False(outcome.Pairs.Single(p => p.MenteeId == 2).Locked);
        Assert.Equal(11, outcome.Pairs.Single(p => p.MenteeId == 2).MentorId);
    }

    [Fact]
    public void Run_LockedPairBreakingAFilter_IsKeptWithItsRealScore()
    {
        var mentor = Mentor(11) with { OrganizationId = 99, Load = 1 };
        var mentee = Mentee(1) with { LockedMentorId = 11 };

        var outcome = MatchEngine.Run(Input([mentee], [mentor]));

        var pair = Assert.Single(outcome.Pairs);
        Assert.Equal(11, pair.MentorId);
        Assert.True(pair.Locked);
        Assert.Equal(MatchScoring.Score(mentee, mentor, Rules()).Score, pair.Score);
        Assert.Null(pair.AlternativeMentorId);
    }

    [Fact]
    public void Run_Incumbent_KeptWhenChangeGainsLessThanBonus()
    {
        var mentee = Mentee(1) with { CurrentMentorId = 11 };
        var current = Mentor(11) with { Availability = "пн после 15, ср 15-19" };
        var better = Mentor(12) with { Availability = "пн, ср после 15" };
        var gain = MatchScoring.Score(mentee, better, Rules()).Score - MatchScoring.Score(mentee, current, Rules()).Score;
        Assert.InRange(gain, 1, Rules().IncumbentBonus - 1);

        var kept = MatchEngine.Run(Input([mentee], [current, better]));
        var moved = MatchEngine.Run(Input([mentee], [current, better], Rules() with { IncumbentBonus = 0 }));

        Assert.Equal(11, Assert.Single(kept.Pairs).MentorId);
        Assert.Equal(12, Assert.Single(moved.Pairs).MentorId);
    }

    [Fact]
    public void Run_OtherCandidates_ReportsBestAlternativeTiesByLowerId()
    {
        var input = Input([Mentee(1, 1)], [Mentor(13, 2), Mentor(12, 2), Mentor(11, 1), Mentor(14, 3)]);

        var pair = Assert.Single(MatchEngine.Run(input).Pairs);

        Assert.Equal(11, pair.MentorId);
        Assert.Equal(12, pair.AlternativeMentorId);
        Assert.Equal(MatchScoring.Score(Mentee(1, 1), Mentor(12, 2), Rules()).Score, pair.AlternativeScore);
        Assert.True(pair.AlternativeScore < pair.Score);
    }

    [Fact]
    public void Run_SingleCandidate_HasNoAlternative()
    {
        var pair = Assert.Single(MatchEngine.Run(Input([Mentee(1)], [Mentor(11)])).Pairs);

        Assert.Null(pair.AlternativeMentorId);
        Assert.Null(pair.AlternativeScore);
    }

    [Fact]
    public void Run_AllCandidatesTaken_SaysAllSuitableMentorsBusy()
    {
        var input = Input([Mentee(1, 1), Mentee(2, 2)], [Mentor(11, 1)]);

        var outcome = MatchEngine.Run(input);

        var unmatched = Assert.Single(outcome.Unmatched);
        Assert.Equal(2, unmatched.MenteeId);
        Assert.Equal(1, unmatched.CandidateCount);
        Assert.Equal("все подходящие наставники (1) заняты", unmatched.Reason);
    }

    [Fact]
    public void Run_NoCandidatePassed_NamesFilterThatRemovedMost()
    {
        var mentors = new[]
        {
            Mentor(11) with { Load = 1 },
            Mentor(12) with { Load = 1 },
            Mentor(13) with { Ineligible = ["не проведено собеседование"] },
            Mentor(14) with { OrganizationId = 99 },
        };

        var unmatched = Assert.Single(MatchEngine.Run(Input([Mentee(1)], mentors)).Unmatched);

        Assert.Equal("нет подходящих наставников: чаще всего — «Свободные места» (2 из 3)", unmatched.Reason);
        Assert.Equal(0, unmatched.CandidateCount);
    }

    [Fact]
    public void Run_NoMentorInReach_SaysOrganization()
    {
        var unmatched = Assert.Single(MatchEngine.Run(Input([Mentee(1) with { OrganizationId = 77 }], [Mentor(11), Mentor(12)])).Unmatched);

        Assert.Equal("нет подходящих наставников: чаще всего — «Организация» (2 из 2)", unmatched.Reason);
    }

    [Fact]
    public void Run_OnlyLinkedMentorsElsewhere_SaysMunicipality()
    {
        var mentors = new[] { Mentor(11) with { OrganizationId = 50, MunicipalityId = 200 }, Mentor(12) with { OrganizationId = 50, MunicipalityId = 200 } };
        var rules = Rules() with { LinkedOrganizationIds = [50] };

        var unmatched = Assert.Single(MatchEngine.Run(Input([Mentee(1) with { OrganizationId = 77 }], mentors, rules)).Unmatched);

        Assert.Equal("нет подходящих наставников: чаще всего — «Муниципалитет» (2 из 2)", unmatched.Reason);
    }

    [Fact]
    public void Run_NoMentors_SaysProgrammeHasNone()
    {
        var unmatched = Assert.Single(MatchEngine.Run(Input([Mentee(1)], [])).Unmatched);

        Assert.Equal("нет подходящих наставников: в программе нет наставников", unmatched.Reason);
    }

    [Fact]
    public void Run_MoreLocksThanPlaces_KeepsAllLocksAndFillsNothingElse()
    {
        var mentor = Mentor(11) with { Capacity = 1 };
        var input = Input([Mentee(1) with { LockedMentorId = 11 }, Mentee(2) with { LockedMentorId = 11 }, Mentee(3)], [mentor]);

        var outcome = MatchEngine.Run(input);

        Assert.Equal([1L, 2L], outcome.Pairs.Select(p => p.MenteeId));
        Assert.All(outcome.Pairs, p => Assert.True(p.Locked));
        Assert.Equal(3, Assert.Single(outcome.Unmatched).MenteeId);
    }

    [Fact]
    public void Run_LockToUnknownMentor_IsIgnored()
    {
        var pair = Assert.Single(MatchEngine.Run(Input([Mentee(1) with { LockedMentorId = 999 }], [Mentor(11)])).Pairs);

        Assert.Equal(11, pair.MentorId);
        Assert.False(pair.Locked);
    }

    [Fact]
    public void Run_MenteeWithoutConsent_SaysConsent()
    {
        var unmatched = Assert.Single(MatchEngine.Run(Input([Mentee(1) with { ConsentValid = false }], [Mentor(11)])).Unmatched);

        Assert.Equal("нет подходящих наставников: чаще всего — «Согласие наставляемого» (1 из 1)", unmatched.Reason);
    }

    [Fact]
    public void Run_LinkedOrganizationsAcrossMunicipalities_OnlyWhenCrossMunicipality()
    {
        var mentor = Mentor(11) with { OrganizationId = 50, MunicipalityId = 200 };
        var rules = Rules() with { LinkedOrganizationIds = [50] };

        Assert.Empty(MatchEngine.Run(Input([Mentee(1)], [mentor], rules)).Pairs);
        Assert.Single(MatchEngine.Run(Input([Mentee(1)], [mentor], rules with { CrossMunicipality = true })).Pairs);
    }

    [Fact]
    public void Run_Progress_ReportsStagesFromZeroToHundred()
    {
        var stages = new List<(int Percent, string Note)>();

        MatchEngine.Run(Input([Mentee(1)], [Mentor(11)]), (percent, note) => stages.Add((percent, note)));

        Assert.Equal(0, stages[0].Percent);
        Assert.Equal(100, stages[^1].Percent);
        Assert.Equal(stages.Select(s => s.Percent).Order(), stages.Select(s => s.Percent));
        Assert.All(stages, s => Assert.Matches("[А-Яа-я]", s.Note));
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Run_SameInputAnyThreadsOrOrder_SameOutcome()
    {
        var (mentees, mentors) = RandomProgramme(new Random(11), 1500, 500);
        var rules = Rules() with { LinkedOrganizationIds = [1, 2] };

        var baseline = Describe(MatchEngine.Run(Input(mentees, mentors, rules, threads: 1)));
        var shuffled = new Random(3);

        Assert.Equal(baseline, Describe(MatchEngine.Run(Input(mentees, mentors, rules, threads: 2))));
        Assert.Equal(baseline, Describe(MatchEngine.Run(Input(mentees, mentors, rules, threads: 4))));
        Assert.Equal(baseline, Describe(MatchEngine.Run(Input(mentees.OrderBy(_ => shuffled.Next()), mentors.OrderBy(_ => shuffled.Next()), rules, threads: 0))));
    }

    [Fact]
    public void Run_RandomProgramme_RespectsCapacityAndFiltersAndTotal()
    {
        var (mentees, mentors) = RandomProgramme(new Random(12), 800, 300);
        var rules = Rules();

        var outcome = MatchEngine.Run(Input(mentees, mentors, rules));

        var byId = mentors.ToDictionary(m => m.Id);
        var menteeById = mentees.ToDictionary(m => m.Id);
        foreach (var group in outcome.Pairs.GroupBy(p => p.MentorId))
        {
            var free = byId[group.Key].Capacity - byId[group.Key].Load;
            Assert.True(group.Count() <= Math.Max(free, group.Count(p => p.Locked)), $"mentor {group.Key} over capacity");
        }
        Assert.All(outcome.Pairs.Where(p => !p.Locked), p => Assert.Empty(MatchFilters.Check(menteeById[p.MenteeId], byId[p.MentorId], rules)));
        Assert.All(mentees.Where(m => m.LockedMentorId is not null),
            m => Assert.Contains(outcome.Pairs, p => p.MenteeId == m.Id && p.MentorId == m.LockedMentorId && p.Locked));
        Assert.Equal(outcome.Pairs.Sum(p => (long)p.Score), outcome.Total);
        Assert.Equal(mentees.Count, outcome.Pairs.Count + outcome.Unmatched.Count);
    }

    internal static (List<MenteeInput> Mentees, List<MentorInput> Mentors) RandomProgramme(Random rnd, int menteeCount, int mentorCount)
    {
        string[] times = ["", "пн, ср после 15:00", "по будням после уроков", "суббота утром", "в любое время", "вт–чт 14:00–16:00"];
        string[] subjects = ["математика", "физика", "химия", "история", "литература"];
        var mentees = Enumerable.Range(1, menteeCount).Select(id => Mentee(id) with
        {
            Grade = rnd.Next(5, 10),
            Age = rnd.Next(11, 17),
            OrganizationId = rnd.Next(1, 8),
            MunicipalityId = 100 + rnd.Next(0, 2),
            TopicIds = Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => (long)rnd.Next(1, 12)).Distinct().ToList(),
            Subjects = subjects.Where(_ => rnd.Next(3) == 0).ToList(),
            Availability = times[rnd.Next(times.Length)],
            PreferredMentorId = rnd.Next(5) == 0 ? 10_000 + rnd.Next(1, mentorCount + 1) : null,
            ExcludedMentorIds = rnd.Next(10) == 0 ? [10_000 + rnd.Next(1, mentorCount + 1)] : [],
            ConsentValid = rnd.Next(30) != 0,
            CurrentMentorId = rnd.Next(8) == 0 ? 10_000 + rnd.Next(1, mentorCount + 1) : null,
            LockedMentorId = rnd.Next(40) == 0 ? 10_000 + rnd.Next(1, mentorCount + 1) : null,
        }).ToList();
        var mentors = Enumerable.Range(1, mentorCount).Select(id => Mentor(10_000 + id) with
        {
            Kind = rnd.Next(15) == 0 ? PersonKind.Teacher : PersonKind.Pupil,
            Grade = rnd.Next(7, 12),
            OrganizationId = rnd.Next(1, 8),
            MunicipalityId = 100 + rnd.Next(0, 2),
            CompetencyTopicIds = Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => (long)rnd.Next(1, 12)).Distinct().ToList(),
            Subjects = subjects.Where(_ => rnd.Next(3) == 0).ToList(),
            Availability = times[rnd.Next(times.Length)],
            DesiredAgeMin = rnd.Next(10, 14),
            DesiredAgeMax = rnd.Next(14, 18),
            Capacity = rnd.Next(1, 4),
            Load = rnd.Next(0, 2),
            Ineligible = rnd.Next(20) == 0 ? ["не проведено собеседование"] : [],
        }).ToList();
        return (mentees, mentors);
    }

    private static string Describe(MatchOutcome outcome) =>
        string.Join("\n", outcome.Pairs.Select(p =>
            $"{p.MenteeId}->{p.MentorId} {p.Score} alt {p.AlternativeMentorId}:{p.AlternativeScore} {p.Locked} "
            + string.Join("|", p.Breakdown.Select(f => $"{f.Code}={f.Points} {f.Detail}"))))
        + "\n" + string.Join("\n", outcome.Unmatched.Select(u => $"{u.MenteeId} {u.CandidateCount} {u.Reason}"))
        + $"\n{outcome.Total} {outcome.Components}";
}

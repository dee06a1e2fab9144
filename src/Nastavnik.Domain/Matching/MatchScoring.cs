namespace Nastavnik.Domain.Matching;

/// <summary>
/// The explainable score of a pair: an integer 0–1000 = round(1000 × Σ wᶠ·xᶠ / Σ wᶠ) over factors xᶠ ∈ [0, 1]
/// (topics, subject, availability, desired age, same school, the mentee's preference). Unknown data scores a neutral
/// 0.5, so a missing field neither helps nor sinks a pair. A pair scores at least 1 (the solver drops 0-score edges).
/// The breakdown's points add up to the score exactly: each factor gets the floor of its share and the units left over
/// go to the largest fractions (ties to the earlier factor).
/// </summary>
public static class MatchScoring
{
    public const string Topics = "topics";
    public const string Subject = "subject";
    public const string AvailabilityCode = "availability";
    public const string Age = "age";
    public const string SameSchool = "same_school";
    public const string Preference = "preference";

    /// <summary>Share of the topic factor earned by covering the key request; the extra requests share the rest.</summary>
    public const double KeyRequestShare = 0.6;

    public static readonly IReadOnlyList<(string Code, string Title)> Factors =
    [
        (Topics, "Запросы и компетенции"),
        (Subject, "Предмет"),
        (AvailabilityCode, "Удобное время"),
        (Age, "Желаемый возраст"),
        (SameSchool, "Та же организация"),
        (Preference, "Пожелание наставляемого"),
    ];

    public static (int Score, IReadOnlyList<ScoreFactor> Breakdown) Score(MenteeInput mentee, MentorInput mentor, MatchRules rules)
    {
        var subjects = new SubjectIndex();
        return Score(mentee, mentor, new PreparedRules(rules),
            new Traits(Availability.Parse(mentee.Availability), subjects.Of(mentee.Subjects)),
            new Traits(Availability.Parse(mentor.Availability), subjects.Of(mentor.Subjects)));
    }

    internal static (int Score, IReadOnlyList<ScoreFactor> Breakdown) Score(MenteeInput mentee, MentorInput mentor, PreparedRules prepared,
        Traits menteeTraits, Traits mentorTraits)
    {
        var rules = prepared.Rules;
        Span<double> x = stackalloc double[6];
        Values(mentee, mentor, menteeTraits, mentorTraits, x);
        var w = prepared.Weights;
        double sum = 0;
        for (var f = 0; f < 6; f++) sum += w[f];
        Span<double> exact = stackalloc double[6];
        for (var f = 0; f < 6; f++) exact[f] = 1000.0 * w[f] * x[f] / sum;
        var score = Total(x, w);
        var points = new int[6];
        var given = 0;
        for (var f = 0; f < 6; f++)
        {
            points[f] = (int)Math.Floor(exact[f] + 1e-9);
            given += points[f];
        }
        // Factors by descending fraction, ties to the earlier factor (insertion sort of six).
        Span<int> order = stackalloc int[6];
        for (var f = 0; f < 6; f++)
        {
            var k = f;
            while (k > 0 && exact[order[k - 1]] - points[order[k - 1]] < exact[f] - points[f])
            {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = f;
        }
        for (var k = 0; given < score; k = (k + 1) % 6, given++) points[order[k]]++;
        for (var k = 5; given > score; k = (k + 5) % 6)
        {
            if (points[order[k]] == 0) continue;
            points[order[k]]--;
            given--;
        }
        var breakdown = new ScoreFactor[6];
        for (var f = 0; f < 6; f++)
        {
            breakdown[f] = new ScoreFactor(Factors[f].Code, Factors[f].Title, points[f], Detail(f, mentee, mentor, rules, menteeTraits.Slots, mentorTraits.Slots, x[f]));
        }
        return (score, breakdown);
    }

    /// <summary>The score alone, without allocations: the engine's path for every candidate edge.</summary>
    internal static int ScoreOnly(MenteeInput mentee, MentorInput mentor, PreparedRules prepared, Traits menteeTraits, Traits mentorTraits)
    {
        Span<double> x = stackalloc double[6];
        Values(mentee, mentor, menteeTraits, mentorTraits, x);
        return Total(x, prepared.Weights);
    }

    private static int Total(ReadOnlySpan<double> x, ReadOnlySpan<int> w)
    {
        double sum = 0, got = 0;
        for (var f = 0; f < 6; f++)
        {
            sum += w[f];
            got += w[f] * x[f];
        }
        var score = (int)Math.Round(1000.0 * got / sum, MidpointRounding.AwayFromZero);
        return Math.Clamp(score, 1, 1000);
    }

    private static void Values(MenteeInput mentee, MentorInput mentor, Traits menteeTraits, Traits mentorTraits, Span<double> x)
    {
        x[0] = TopicValue(mentee, mentor);
        x[1] = SubjectValue(menteeTraits.Subjects, mentorTraits.Subjects);
        x[2] = Availability.Overlap(menteeTraits.Slots, mentorTraits.Slots);
        x[3] = AgeValue(mentee, mentor);
        x[4] = mentor.OrganizationId == mentee.OrganizationId ? 1 : 0;
        x[5] = mentee.PreferredMentorId is null ? 0.5 : mentee.PreferredMentorId == mentor.Id ? 1 : 0;
    }

    private static double TopicValue(MenteeInput mentee, MentorInput mentor)
    {
        var topics = mentee.TopicIds;
        if (topics.Count == 0) return 0.5;
        var key = Has(mentor.CompetencyTopicIds, topics[0]) ? 1 : 0;
        if (topics.Count == 1) return key;
        var extra = 0;
        for (var t = 1; t < topics.Count; t++)
        {
            if (Has(mentor.CompetencyTopicIds, topics[t])) extra++;
        }
        return KeyRequestShare * key + (1 - KeyRequestShare) * extra / (topics.Count - 1);
    }

    private static bool Has(IReadOnlyList<long> list, long value)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] == value) return true;
        }
        return false;
    }

    /// <summary>Share of the mentee's distinct subjects the mentor also has; both sorted subject numbers.</summary>
    private static double SubjectValue(int[] mentee, int[] mentor)
    {
        if (mentee.Length == 0) return 0.5;
        int a = 0, b = 0, shared = 0;
        while (a < mentee.Length && b < mentor.Length)
        {
            if (mentee[a] == mentor[b])
            {
                shared++;
                a++;
                b++;
            }
            else if (mentee[a] < mentor[b])
            {
                a++;
            }
            else
            {
                b++;
            }
        }
        return (double)shared / mentee.Length;
    }

    private static double AgeValue(MenteeInput mentee, MentorInput mentor)
    {
        if (mentee.Age is not { } age || (mentor.DesiredAgeMin is null && mentor.DesiredAgeMax is null)) return 0.5;
        var min = mentor.DesiredAgeMin ?? int.MinValue;
        var max = mentor.DesiredAgeMax ?? int.MaxValue;
        if (age >= min && age <= max) return 1;
        if (age >= min - 1 && age <= max + 1) return 0.5;
        return 0;
    }

    private static string Detail(int factor, MenteeInput mentee, MentorInput mentor, MatchRules rules,
        WeeklySlots menteeSlots, WeeklySlots mentorSlots, double x)
    {
        switch (factor)
        {
            case 0:
            {
                if (mentee.TopicIds.Count == 0) return "запросы наставляемого не указаны";
                var key = TopicName(mentee.TopicIds[0], rules);
                var text = Has(mentor.CompetencyTopicIds, mentee.TopicIds[0])
                    ? $"закрыт ключевой запрос «{key}»"
                    : $"ключевой запрос «{key}» не закрыт";
                if (mentee.TopicIds.Count == 1) return text;
                var covered = mentee.TopicIds.Skip(1).Where(t => Has(mentor.CompetencyTopicIds, t)).Select(t => $"«{TopicName(t, rules)}»").ToList();
                return covered.Count == 0
                    ? $"{text}; дополнительные запросы не закрыты"
                    : $"{text}; дополнительные: {covered.Count} из {mentee.TopicIds.Count - 1} ({string.Join(", ", covered)})";
            }
            case 1:
            {
                if (mentee.Subjects.Count == 0) return "предметы наставляемого не указаны";
                var shared = mentee.Subjects.Where(t => t.Trim().Length > 0).DistinctBy(SubjectIndex.Normalize)
                    .Where(t => mentor.Subjects.Any(o => SubjectIndex.Normalize(o) == SubjectIndex.Normalize(t))).Select(t => t.Trim()).ToList();
                return shared.Count == 0 ? "нет общих предметов" : "общие предметы: " + string.Join(", ", shared);
            }
            case 2:
                if (menteeSlots.IsUnknown) return "удобное время наставляемого не указано";
                if (mentorSlots.IsUnknown) return "удобное время наставника не указано";
                return $"совпадает {Math.Round(x * 100, MidpointRounding.AwayFromZero):0}% удобного времени наставляемого";
            case 3:
            {
                if (mentee.Age is null) return "возраст наставляемого не указан";
                if (mentor.DesiredAgeMin is null && mentor.DesiredAgeMax is null) return "наставник не указал желаемый возраст";
                var range = (mentor.DesiredAgeMin, mentor.DesiredAgeMax) switch
                {
                    ({ } lo, { } hi) => $"{lo}–{hi}",
                    ({ } lo, null) => $"от {lo}",
                    (null, { } hi) => $"до {hi}",
                    _ => "",
                };
                return x switch
                {
                    1 => $"возраст {mentee.Age} в желаемом диапазоне наставника ({range})",
                    0.5 => $"возраст {mentee.Age} на год вне желаемого диапазона наставника ({range})",
                    _ => $"возраст {mentee.Age} вне желаемого диапазона наставника ({range})",
                };
            }
            case 4:
                return x == 1 ? "наставник из той же организации" : "наставник из другой организации";
            default:
                if (mentee.PreferredMentorId is null) return "пожелание не указано";
                return mentee.PreferredMentorId == mentor.Id ? "наставляемый сам выбрал этого наставника" : "наставляемый назвал другого наставника";
        }
    }

    private static string TopicName(long id, MatchRules rules) =>
        rules.TopicNames is not null && rules.TopicNames.TryGetValue(id, out var name) ? name : $"запрос №{id}";
}

/// <summary>What the score needs of a person beyond the input record, read once per run: the parsed availability and the subjects as numbers.</summary>
internal readonly record struct Traits(WeeklySlots Slots, int[] Subjects);

/// <summary>Numbers the subjects of a run («Математика », «математика» are one), so a pair compares integers, not strings.</summary>
internal sealed class SubjectIndex
{
    private readonly Dictionary<string, int> _numbers = [];

    public static string Normalize(string subject) => subject.Trim().ToLowerInvariant().Replace('ё', 'е');

    /// <summary>Sorted distinct numbers of the subjects; blank ones are ignored.</summary>
    public int[] Of(IReadOnlyList<string> subjects)
    {
        if (subjects.Count == 0) return [];
        var numbers = new SortedSet<int>();
        foreach (var subject in subjects)
        {
            var key = Normalize(subject);
            if (key.Length == 0) continue;
            if (!_numbers.TryGetValue(key, out var number)) _numbers[key] = number = _numbers.Count;
            numbers.Add(number);
        }
        return [.. numbers];
    }
}

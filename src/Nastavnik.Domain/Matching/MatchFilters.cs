using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Matching;

/// <summary>A hard filter of the matcher: its code and Russian title.</summary>
public sealed record MatchFilter(string Code, string Title);

/// <summary>Why a pair is not a candidate: the filter's code and a Russian sentence.</summary>
public sealed record FilterFailure(string Code, string Text);

/// <summary>
/// The hard filters that cut the candidate graph (DESIGN.md «The matcher», issue 5). <see cref="Check"/> lists every
/// filter a pair breaks, in <see cref="Order"/>; an empty list means the mentor is a candidate for the mentee.
/// </summary>
public static class MatchFilters
{
    public const string Consent = "consent";
    public const string Eligibility = "eligibility";
    public const string Form = "form";
    public const string Organization = "organization";
    public const string Municipality = "municipality";
    public const string Grade = "grade";
    public const string Experience = "experience";
    public const string Capacity = "capacity";
    public const string Exclusion = "exclusion";

    public static readonly IReadOnlyList<MatchFilter> Order =
    [
        new(Consent, "Согласие наставляемого"),
        new(Eligibility, "Допуск наставника"),
        new(Form, "Форма наставничества"),
        new(Organization, "Организация"),
        new(Municipality, "Муниципалитет"),
        new(Grade, "Разница в классах"),
        new(Experience, "Педагогический стаж"),
        new(Capacity, "Свободные места"),
        new(Exclusion, "Исключение наставляемым"),
    ];

    public static string TitleOf(string code) => Order.FirstOrDefault(f => f.Code == code)?.Title ?? code;

    public static IReadOnlyList<FilterFailure> Check(MenteeInput mentee, MentorInput mentor, MatchRules rules)
    {
        var mask = FailMask(mentee, mentor, new PreparedRules(rules));
        if (mask == 0) return [];
        var failures = new List<FilterFailure>();
        for (var f = 0; f < Order.Count; f++)
        {
            if ((mask & (1 << f)) != 0) failures.Add(new FilterFailure(Order[f].Code, Text(f, mentee, mentor, rules)));
        }
        return failures;
    }

    /// <summary>Bit f set when the pair breaks filter <see cref="Order"/>[f]; the engine's allocation-free path.</summary>
    internal static int FailMask(MenteeInput mentee, MentorInput mentor, PreparedRules prepared)
    {
        var rules = prepared.Rules;
        var mask = 0;
        if (!mentee.ConsentValid) mask |= 1 << 0;
        if (mentor.Ineligible.Count > 0) mask |= 1 << 1;
        if (!prepared.MentorKinds.Contains(mentor.Kind) || !prepared.MenteeKinds.Contains(mentee.Kind)
            || (mentor.AllowedForms.Count > 0 && !mentor.AllowedForms.Contains(rules.Form)))
        {
            mask |= 1 << 2;
        }

        if (!prepared.OrganizationFits(mentee, mentor)) mask |= 1 << 3;
        if (mentor.MunicipalityId != mentee.MunicipalityId && !rules.CrossMunicipality) mask |= 1 << 4;
        if (mentor.Kind == PersonKind.Pupil && mentee.Kind == PersonKind.Pupil
            && (mentor.Grade is null || mentee.Grade is null || mentor.Grade < mentee.Grade + rules.MinGradeGap))
        {
            mask |= 1 << 5;
        }

        if (prepared.NeedsExperience
            && (mentor.ExperienceYears is null || mentor.ExperienceYears < rules.MinTeacherExperienceYears))
        {
            mask |= 1 << 6;
        }

        if (mentor.Capacity - mentor.Load <= 0) mask |= 1 << 7;
        if (mentee.ExcludedMentorIds.Count > 0 && mentee.ExcludedMentorIds.Contains(mentor.Id)) mask |= 1 << 8;
        return mask;
    }

    private static string Text(int filter, MenteeInput mentee, MentorInput mentor, MatchRules rules) => filter switch
    {
        0 => "нет действующего согласия наставляемого (законного представителя) на обработку персональных данных",
        1 => "наставник не допущен к подбору пар: " + string.Join("; ", mentor.Ineligible),
        2 => FormText(mentee, mentor, rules),
        3 => "наставник из другой организации, не связанной с программой",
        4 => "наставник из другого муниципалитета, а программа не дистанционная",
        5 => mentor.Grade is null || mentee.Grade is null
            ? "не указан класс наставника или наставляемого"
            : $"наставник не старше наставляемого на {rules.MinGradeGap} {Classes(rules.MinGradeGap)}",
        6 => mentor.ExperienceYears is null
            ? "не указан педагогический стаж наставника"
            : $"педагогический стаж наставника меньше {rules.MinTeacherExperienceYears} {Years(rules.MinTeacherExperienceYears)}",
        7 => "у наставника нет свободных мест",
        8 => "наставляемый просил не назначать этого наставника",
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static string FormText(MenteeInput mentee, MentorInput mentor, MatchRules rules)
    {
        var form = Forms.NameOf(rules.Form);
        if (!FormRoles.MentorKinds(rules.Form).Contains(mentor.Kind))
            return $"наставник ({mentor.Kind.Title().ToLowerInvariant()}) не может быть наставником в форме «{form}»";
        if (!FormRoles.MenteeKinds(rules.Form).Contains(mentee.Kind))
            return $"наставляемый ({mentee.Kind.Title().ToLowerInvariant()}) не может быть наставляемым в форме «{form}»";
        return $"наставник не выбрал форму «{form}»";
    }

    private static string Classes(int n) => Plural(n, "класс", "класса", "классов");

    private static string Years(int n) => Plural(n, "года", "лет", "лет");

    private static string Plural(int n, string one, string few, string many)
    {
        var tens = n % 100;
        if (tens is >= 11 and <= 14) return many;
        return (n % 10) switch { 1 => one, 2 or 3 or 4 => few, _ => many };
    }
}

/// <summary>The rules of a run read once for the hot loops: role sets, linked organizations and partners as hash sets, weights.</summary>
internal sealed class PreparedRules
{
    public PreparedRules(MatchRules rules)
    {
        Rules = rules;
        MentorKinds = FormRoles.MentorKinds(rules.Form);
        MenteeKinds = FormRoles.MenteeKinds(rules.Form);
        NeedsExperience = FormRoles.NeedsTeacherExperience(rules.Form);
        LinkedOrganizations = rules.LinkedOrganizationIds?.ToHashSet() ?? [];
        LinkedPartners = rules.LinkedPartnerIds?.ToHashSet() ?? [];
        int[] w =
        [
            Math.Max(0, rules.Weights.Topics), Math.Max(0, rules.Weights.Subject), Math.Max(0, rules.Weights.Availability),
            Math.Max(0, rules.Weights.Age), Math.Max(0, rules.Weights.SameSchool), Math.Max(0, rules.Weights.Preference),
        ];
        // All weights zero would divide by zero; equal weights are the least surprising reading.
        Weights = w.Sum() == 0 ? [1, 1, 1, 1, 1, 1] : w;
    }

    public MatchRules Rules { get; }
    public IReadOnlySet<PersonKind> MentorKinds { get; }
    public IReadOnlySet<PersonKind> MenteeKinds { get; }
    public bool NeedsExperience { get; }
    public HashSet<long> LinkedOrganizations { get; }
    public HashSet<long> LinkedPartners { get; }
    public int[] Weights { get; }

    /// <summary>Whether the mentor's organization or partner is linked to the programme (whatever the mentee's).</summary>
    public bool IsLinked(MentorInput mentor) =>
        LinkedOrganizations.Contains(mentor.OrganizationId) || (mentor.PartnerId is { } partner && LinkedPartners.Contains(partner));

    public bool OrganizationFits(MenteeInput mentee, MentorInput mentor) => mentor.OrganizationId == mentee.OrganizationId || IsLinked(mentor);
}

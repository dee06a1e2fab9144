namespace Nastavnik.Domain.People;

/// <summary>One consent as the rules see it: for what, who signed, when given, when withdrawn.</summary>
public sealed record ConsentFact(ConsentPurpose Purpose, ConsentSigner Signer, DateOnly GivenOn, DateOnly? WithdrawnOn = null)
{
    /// <summary>Given on or before the day and not withdrawn by it (a withdrawal takes effect on its own day).</summary>
    public bool IsValidOn(DateOnly day) => GivenOn <= day && (WithdrawnOn is not { } w || w > day);
}

/// <summary>Whether something is allowed and, when not, what is missing (Russian, ready to show).</summary>
public sealed record ConsentCheck(bool Allowed, IReadOnlyList<string> Missing);

/// <summary>
/// The 152-ФЗ consent rules (DOMAIN.md §9): the single place every area asks «may this person be processed».
/// A participant under 18 needs a legal representative's consent; from 14 the pupil signs as well; from 18 the person
/// signs alone. Age is taken on the day a consent is signed, so a parent's consent given at 12 stays sufficient after the
/// 14th birthday until it is withdrawn. Distribution is a separate consent on top of processing. Teachers additionally
/// give «согласие на возложение дополнительных обязанностей» before a pair — it is not a data consent, asked separately.
/// </summary>
public static class ConsentRules
{
    // Seeded defaults (DOMAIN.md §9.2: «from 14 the pupil also signs (seeded default, editable)»; 18 is civil majority).
    /// <summary>From this age the pupil signs their own consent alongside the representative.</summary>
    public const int OwnConsentAge = 14;
    /// <summary>From this age the person alone consents.</summary>
    public const int AdultAge = 18;

    public const string NoRepresentative = "Нет согласия законного представителя";
    public const string NoOwnFrom14 = "С 14 лет нужно и согласие самого обучающегося";
    public const string NoOwn = "Нет согласия самого человека на обработку персональных данных";
    public const string NoProcessing = "Нет действующего согласия на обработку персональных данных";
    public const string NoRepresentativeDistribution = "Нет согласия законного представителя на распространение персональных данных";
    public const string NoOwnFrom14Distribution = "С 14 лет нужно и согласие самого обучающегося на распространение персональных данных";
    public const string NoOwnDistribution = "Нет согласия на распространение персональных данных";
    public const string NoSpecialCategories = "Особые категории (ОВЗ, инвалидность, сиротство, ТЖС и другие) можно указать только "
        + "при действующем согласии на обработку специальных категорий персональных данных (ст. 10 152-ФЗ)";
    public const string NoExtraDuties = "Нет согласия педагога на возложение дополнительных обязанностей";

    /// <summary>Full years on a day.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (day < birthDate.AddYears(age)) age--;
        return age;
    }

    /// <summary>May the person's data be processed on <paramref name="date"/>.</summary>
    public static ConsentCheck Processing(DateOnly? birthDate, PersonKind kind, IEnumerable<ConsentFact> consents, DateOnly date) =>
        Check(ConsentPurpose.Processing, birthDate, kind, consents.ToList(), date);

    /// <summary>May the person's data be published: processing allowed and a distribution consent by the same rules.</summary>
    public static ConsentCheck Distribution(DateOnly? birthDate, PersonKind kind, IEnumerable<ConsentFact> consents, DateOnly date)
    {
        var list = consents.ToList();
        var processing = Check(ConsentPurpose.Processing, birthDate, kind, list, date);
        var distribution = Check(ConsentPurpose.Distribution, birthDate, kind, list, date);
        return new ConsentCheck(processing.Allowed && distribution.Allowed, [.. processing.Missing, .. distribution.Missing]);
    }

    /// <summary>
    /// May the person's special categories (ст. 10 152-ФЗ: health and similar) be stored and shown: processing allowed and a
    /// separate consent for special categories signed by the same rules. Without it the fields are neither offered nor stored.
    /// </summary>
    public static ConsentCheck SpecialCategories(DateOnly? birthDate, PersonKind kind, IEnumerable<ConsentFact> consents, DateOnly date)
    {
        var list = consents.ToList();
        var processing = Check(ConsentPurpose.Processing, birthDate, kind, list, date);
        var special = Check(ConsentPurpose.SpecialCategories, birthDate, kind, list, date);
        return processing.Allowed && special.Allowed ? new ConsentCheck(true, []) : new ConsentCheck(false, [NoSpecialCategories]);
    }

    /// <summary>A teacher's own written consent to mentoring duties (required before a pair's order); others need none.</summary>
    public static ConsentCheck ExtraDuties(PersonKind kind, IEnumerable<ConsentFact> consents, DateOnly date)
    {
        if (kind != PersonKind.Teacher) return new ConsentCheck(true, []);
        var given = consents.Any(c => c.Purpose == ConsentPurpose.ExtraDuties && c.Signer == ConsentSigner.Self && c.IsValidOn(date));
        return given ? new ConsentCheck(true, []) : new ConsentCheck(false, [NoExtraDuties]);
    }

    /// <summary>
    /// Everything missing for the person to take part: processing, and for a teacher the consent to extra duties.
    /// Distribution is optional and not listed.
    /// </summary>
    public static IReadOnlyList<string> Missing(DateOnly? birthDate, PersonKind kind, IEnumerable<ConsentFact> consents, DateOnly date)
    {
        var list = consents.ToList();
        return [.. Processing(birthDate, kind, list, date).Missing, .. ExtraDuties(kind, list, date).Missing];
    }

    /// <summary>
    /// The status a person's consents give: active when processing is allowed, awaiting consent otherwise.
    /// Blocked (a withdrawal) and destroyed are sticky: no later consent lifts them here.
    /// </summary>
    public static PersonStatus StatusFor(PersonStatus current, bool processingAllowed) => current switch
    {
        PersonStatus.Blocked or PersonStatus.Destroyed => current,
        _ => processingAllowed ? PersonStatus.Active : PersonStatus.AwaitingConsent,
    };

    private static ConsentCheck Check(ConsentPurpose purpose, DateOnly? birthDate, PersonKind kind, List<ConsentFact> consents, DateOnly date)
    {
        var valid = consents.Where(c => c.Purpose == purpose && c.IsValidOn(date)).ToList();
        // A pupil of unknown age is taken as a minor under 14; an adult kind of unknown age as an adult.
        int? AgeAt(DateOnly day) => birthDate is { } b ? AgeOn(b, day) : null;
        bool AdultAt(DateOnly day) => AgeAt(day) is { } a ? a >= AdultAge : kind != PersonKind.Pupil;
        bool OwnAgeAt(DateOnly day) => AgeAt(day) is { } a ? a >= OwnConsentAge : kind != PersonKind.Pupil;

        var own = valid.Where(c => c.Signer == ConsentSigner.Self).ToList();
        // Signed by the person as an adult: enough alone.
        if (own.Any(c => AdultAt(c.GivenOn))) return new ConsentCheck(true, []);

        var representative = valid.Where(c => c.Signer == ConsentSigner.Representative && !AdultAt(c.GivenOn)).ToList();
        var ownFrom14 = own.Any(c => OwnAgeAt(c.GivenOn));
        // A representative who signed before the 14th birthday suffices; one who signed from 14 needs the pupil's own too.
        if (representative.Any(c => !OwnAgeAt(c.GivenOn))) return new ConsentCheck(true, []);
        if (representative.Count > 0 && ownFrom14) return new ConsentCheck(true, []);

        var distribution = purpose == ConsentPurpose.Distribution;
        var missing = new List<string>();
        if (AdultAt(date))
        {
            missing.Add(distribution ? NoOwnDistribution : valid.Count > 0 ? NoOwn : NoProcessing);
        }
        else
        {
            if (representative.Count == 0) missing.Add(distribution ? NoRepresentativeDistribution : NoRepresentative);
            if (OwnAgeAt(date) && !ownFrom14) missing.Add(distribution ? NoOwnFrom14Distribution : NoOwnFrom14);
        }
        return new ConsentCheck(false, missing);
    }
}

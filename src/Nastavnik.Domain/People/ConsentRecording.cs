using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.People;

/// <summary>
/// What a person's consent card may record and when (DOMAIN.md §9): a new consent, a legal representative, a withdrawal.
/// <see cref="ConsentRules"/> then say what the recorded consents allow. Errors name the form field they belong to
/// ("" for the whole form) and are Russian, ready to show.
/// </summary>
public static class ConsentRecording
{
    /// <summary>
    /// A consent signed on <paramref name="givenOn"/> by the person (<paramref name="representativeId"/> null or 0) or by
    /// one of their legal representatives (<paramref name="representativeIds"/>). Not in the future, not before birth;
    /// under <see cref="ConsentRules.OwnConsentAge"/> on that day only a representative signs. A blocked or destroyed
    /// person records nothing new: a withdrawal is final.
    /// </summary>
    public static IReadOnlyList<RuleError> CheckRecord(PersonStatus status, DateOnly? birthDate, DateOnly? givenOn, long? representativeId,
        IEnumerable<long> representativeIds, DateOnly today)
    {
        var errors = new List<RuleError>();
        var byRepresentative = false;
        if (representativeId is { } id and not 0)
        {
            byRepresentative = representativeIds.Contains(id);
            if (!byRepresentative) errors.Add(new("RepresentativeId", "Выберите подписавшего из законных представителей этого человека"));
        }
        if (givenOn is { } given)
        {
            if (given > today) errors.Add(new("GivenOn", "Дата согласия не может быть в будущем"));
            else if (birthDate is { } birth && given < birth) errors.Add(new("GivenOn", "Дата согласия раньше даты рождения"));
            else if (!byRepresentative && birthDate is { } b && ConsentRules.AgeOn(b, given) < ConsentRules.OwnConsentAge)
                errors.Add(new("RepresentativeId", "До 14 лет согласие подписывает законный представитель"));
        }
        if (status is PersonStatus.Blocked or PersonStatus.Destroyed)
            errors.Add(new("", "Согласие отозвано, данные заблокированы: новое согласие не записывается"));
        return errors;
    }

    /// <summary>Who signed: the person, or the legal representative chosen on the form.</summary>
    public static ConsentSigner SignerOf(bool byRepresentative) => byRepresentative ? ConsentSigner.Representative : ConsentSigner.Self;

    /// <summary>What and where may be published: kept for a distribution consent only, blank for any other purpose.</summary>
    public static string DistributionScope(ConsentPurpose purpose, string? scope) =>
        purpose == ConsentPurpose.Distribution ? (scope ?? "").Trim() : "";

    /// <summary>
    /// A new legal representative: a guardian or a custodian shows the document giving the authority (a parent needs
    /// none); a person whose data is destroyed gets none.
    /// </summary>
    public static IReadOnlyList<RuleError> CheckRepresentative(PersonStatus status, Relationship relationship, string? document)
    {
        var errors = new List<RuleError>();
        if (relationship is Relationship.Guardian or Relationship.Custodian && string.IsNullOrWhiteSpace(document))
            errors.Add(new("Document", "Для опекуна и попечителя укажите документ, подтверждающий полномочия"));
        if (status == PersonStatus.Destroyed) errors.Add(new("", "Данные человека уничтожены"));
        return errors;
    }

    /// <summary>
    /// Withdrawing a consent given on <paramref name="givenOn"/> as of <paramref name="on"/>: not in the future, not
    /// before the consent, and only once (<paramref name="withdrawnOn"/>: an earlier withdrawal).
    /// </summary>
    public static IReadOnlyList<RuleError> CheckWithdrawal(DateOnly givenOn, DateOnly? withdrawnOn, DateOnly on, DateOnly today)
    {
        var errors = new List<RuleError>();
        if (on > today) errors.Add(new("WithdrawnOn", "Дата отзыва не может быть в будущем"));
        else if (on < givenOn) errors.Add(new("WithdrawnOn", "Дата отзыва раньше даты согласия"));
        if (withdrawnOn is not null) errors.Add(new("WithdrawnOn", "Это согласие уже отозвано"));
        return errors;
    }

    /// <summary>
    /// Withdrawing consent to processing blocks the person at once (hidden from lists, exports and matching, their
    /// participation ended; the data is destroyed later). Other withdrawals, or a person already destroyed, only change
    /// what <see cref="ConsentRules"/> allow.
    /// </summary>
    public static bool WithdrawalBlocks(ConsentPurpose purpose, PersonStatus status) =>
        purpose == ConsentPurpose.Processing && status != PersonStatus.Destroyed;
}

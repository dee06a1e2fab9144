using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class SpecialCategoriesConsentTests
{
    private static readonly DateOnly Birth = new(2015, 5, 1);
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ConsentFact ByParent(ConsentPurpose purpose, DateOnly? withdrawn = null) =>
        new(purpose, ConsentSigner.Representative, new DateOnly(2026, 9, 1), withdrawn);

    [Fact]
    public void SpecialCategories_OnlyProcessingConsent_Refused()
    {
        var check = ConsentRules.SpecialCategories(Birth, PersonKind.Pupil, [ByParent(ConsentPurpose.Processing)], Today);

        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoSpecialCategories], check.Missing);
    }

    [Fact]
    public void SpecialCategories_ProcessingAndSpecialConsent_Allowed() =>
        Assert.True(ConsentRules.SpecialCategories(Birth, PersonKind.Pupil,
            [ByParent(ConsentPurpose.Processing), ByParent(ConsentPurpose.SpecialCategories)], Today).Allowed);

    [Fact]
    public void SpecialCategories_SpecialConsentWithdrawn_Refused() =>
        Assert.False(ConsentRules.SpecialCategories(Birth, PersonKind.Pupil,
            [ByParent(ConsentPurpose.Processing), ByParent(ConsentPurpose.SpecialCategories, Today)], Today).Allowed);

    [Fact]
    public void SpecialCategories_SpecialConsentWithoutProcessing_Refused() =>
        Assert.False(ConsentRules.SpecialCategories(Birth, PersonKind.Pupil, [ByParent(ConsentPurpose.SpecialCategories)], Today).Allowed);

    [Fact]
    public void SpecialCategories_PupilOver14SignedOnlyByParent_NeedsOwnToo()
    {
        var older = new DateOnly(2010, 5, 1);
        var consents = new[] { ByParent(ConsentPurpose.Processing), ByParent(ConsentPurpose.SpecialCategories) };

        Assert.False(ConsentRules.SpecialCategories(older, PersonKind.Pupil, consents, Today).Allowed);
        Assert.True(ConsentRules.SpecialCategories(older, PersonKind.Pupil,
            [.. consents, new(ConsentPurpose.Processing, ConsentSigner.Self, Today), new(ConsentPurpose.SpecialCategories, ConsentSigner.Self, Today)],
            Today).Allowed);
    }
}

using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class ConsentRulesTests
{
    private static readonly DateOnly Birth = new(2010, 3, 15);
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static ConsentFact Parent(DateOnly on, DateOnly? withdrawn = null) =>
        new(ConsentPurpose.Processing, ConsentSigner.Representative, on, withdrawn);

    private static ConsentFact Own(DateOnly on, DateOnly? withdrawn = null) =>
        new(ConsentPurpose.Processing, ConsentSigner.Self, on, withdrawn);

    [Theory]
    [InlineData("2024-03-14", 13)]
    [InlineData("2024-03-15", 14)]
    [InlineData("2028-03-14", 17)]
    [InlineData("2028-03-15", 18)]
    public void AgeOn_AroundBirthday_CountsFullYears(string day, int expected) =>
        Assert.Equal(expected, ConsentRules.AgeOn(Birth, DateOnly.Parse(day)));

    [Fact]
    public void AgeOn_BornOnLeapDay_TurnsOlderOnFirstOfMarch() =>
        Assert.Equal(14, ConsentRules.AgeOn(new DateOnly(2012, 2, 29), new DateOnly(2026, 3, 1)));

    [Fact]
    public void Processing_Under14WithParentConsent_Allowed()
    {
        var check = ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, [Parent(new DateOnly(2026, 9, 1))], Today);
        Assert.True(check.Allowed);
        Assert.Empty(check.Missing);
    }

    [Fact]
    public void Processing_MinorWithoutConsents_NeedsRepresentative()
    {
        var check = ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, [], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoRepresentative], check.Missing);
    }

    [Fact]
    public void Processing_Under14WithOnlyOwnConsent_NeedsRepresentative()
    {
        var check = ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, [Own(new DateOnly(2026, 9, 1))], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoRepresentative], check.Missing);
    }

    [Fact]
    public void Processing_15WithOnlyParentConsent_NeedsOwnToo()
    {
        var check = ConsentRules.Processing(new DateOnly(2011, 5, 1), PersonKind.Pupil, [Parent(new DateOnly(2026, 9, 1))], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoOwnFrom14], check.Missing);
        Assert.Equal("С 14 лет нужно и согласие самого обучающегося", check.Missing[0]);
    }

    [Fact]
    public void Processing_15WithNoConsents_ListsBothMissing()
    {
        var check = ConsentRules.Processing(new DateOnly(2011, 5, 1), PersonKind.Pupil, [], Today);
        Assert.Equal([ConsentRules.NoRepresentative, ConsentRules.NoOwnFrom14], check.Missing);
    }

    [Fact]
    public void Processing_15WithOnlyOwnConsent_NeedsRepresentative()
    {
        var check = ConsentRules.Processing(new DateOnly(2011, 5, 1), PersonKind.Pupil, [Own(new DateOnly(2026, 9, 1))], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoRepresentative], check.Missing);
    }

    [Fact]
    public void Processing_15WithParentAndOwn_Allowed() =>
        Assert.True(ConsentRules.Processing(new DateOnly(2011, 5, 1), PersonKind.Pupil,
            [Parent(new DateOnly(2026, 9, 1)), Own(new DateOnly(2026, 9, 2))], Today).Allowed);

    [Fact]
    public void Processing_ParentSignedOn14thBirthday_NeedsOwnToo()
    {
        var check = ConsentRules.Processing(Birth, PersonKind.Pupil, [Parent(new DateOnly(2024, 3, 15))], new DateOnly(2024, 4, 1));
        Assert.Equal([ConsentRules.NoOwnFrom14], check.Missing);
    }

    [Fact]
    public void Processing_ParentSignedDayBefore14thBirthday_StaysSufficientAfterIt() =>
        Assert.True(ConsentRules.Processing(Birth, PersonKind.Pupil, [Parent(new DateOnly(2024, 3, 14))], new DateOnly(2025, 1, 10)).Allowed);

    [Fact]
    public void Processing_OwnSignedDayBefore14thBirthday_DoesNotCountAsOwn()
    {
        var check = ConsentRules.Processing(Birth, PersonKind.Pupil,
            [Parent(new DateOnly(2024, 3, 15)), Own(new DateOnly(2024, 3, 14))], new DateOnly(2024, 4, 1));
        Assert.Equal([ConsentRules.NoOwnFrom14], check.Missing);
    }

    [Fact]
    public void Processing_OwnSignedOn18thBirthday_AllowedAlone() =>
        Assert.True(ConsentRules.Processing(Birth, PersonKind.Pupil, [Own(new DateOnly(2028, 3, 15))], new DateOnly(2028, 4, 1)).Allowed);

    [Fact]
    public void Processing_OwnSignedDayBefore18thBirthday_NeedsRepresentativeThen()
    {
        var check = ConsentRules.Processing(Birth, PersonKind.Pupil, [Own(new DateOnly(2028, 3, 14))], new DateOnly(2028, 3, 14));
        Assert.Equal([ConsentRules.NoRepresentative], check.Missing);
    }

    [Fact]
    public void Processing_ParentSignedOn18thBirthday_DoesNotCount()
    {
        var check = ConsentRules.Processing(Birth, PersonKind.Pupil, [Parent(new DateOnly(2028, 3, 15))], new DateOnly(2028, 4, 1));
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoOwn], check.Missing);
    }

    [Fact]
    public void Processing_AdultTeacherWithOwnConsent_Allowed() =>
        Assert.True(ConsentRules.Processing(new DateOnly(1980, 1, 1), PersonKind.Teacher, [Own(new DateOnly(2026, 9, 1))], Today).Allowed);

    [Fact]
    public void Processing_AdultWithoutConsent_NoProcessing() =>
        Assert.Equal([ConsentRules.NoProcessing], ConsentRules.Processing(new DateOnly(1980, 1, 1), PersonKind.Teacher, [], Today).Missing);

    [Fact]
    public void Processing_TeacherWithoutBirthDate_TakenAsAdult() =>
        Assert.True(ConsentRules.Processing(null, PersonKind.Teacher, [Own(new DateOnly(2026, 9, 1))], Today).Allowed);

    [Fact]
    public void Processing_PupilWithoutBirthDate_NeedsRepresentative()
    {
        Assert.Equal([ConsentRules.NoRepresentative], ConsentRules.Processing(null, PersonKind.Pupil, [Own(new DateOnly(2026, 9, 1))], Today).Missing);
        Assert.True(ConsentRules.Processing(null, PersonKind.Pupil, [Parent(new DateOnly(2026, 9, 1))], Today).Allowed);
    }

    [Fact]
    public void Processing_WithdrawnConsent_NotAllowedFromWithdrawalDay()
    {
        var consents = new[] { Parent(new DateOnly(2026, 9, 1), withdrawn: new DateOnly(2026, 11, 20)) };
        Assert.True(ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, consents, new DateOnly(2026, 11, 19)).Allowed);
        var check = ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, consents, new DateOnly(2026, 11, 20));
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoRepresentative], check.Missing);
    }

    [Fact]
    public void Processing_FutureDatedConsent_NotYetValid()
    {
        var consents = new[] { Parent(new DateOnly(2026, 12, 1)) };
        Assert.False(ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, consents, Today).Allowed);
        Assert.True(ConsentRules.Processing(new DateOnly(2014, 5, 1), PersonKind.Pupil, consents, new DateOnly(2026, 12, 1)).Allowed);
    }

    [Fact]
    public void Processing_OtherPurposesOnly_NotAllowed()
    {
        var consents = new[]
        {
            new ConsentFact(ConsentPurpose.Distribution, ConsentSigner.Self, new DateOnly(2026, 9, 1)),
            new ConsentFact(ConsentPurpose.ExtraDuties, ConsentSigner.Self, new DateOnly(2026, 9, 1)),
        };
        Assert.False(ConsentRules.Processing(new DateOnly(1980, 1, 1), PersonKind.Teacher, consents, Today).Allowed);
    }

    [Fact]
    public void Distribution_ProcessingOnly_NotAllowed()
    {
        var check = ConsentRules.Distribution(new DateOnly(2014, 5, 1), PersonKind.Pupil, [Parent(new DateOnly(2026, 9, 1))], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoRepresentativeDistribution], check.Missing);
    }

    [Fact]
    public void Distribution_BothConsentsFromParent_Allowed()
    {
        var consents = new[]
        {
            Parent(new DateOnly(2026, 9, 1)),
            new ConsentFact(ConsentPurpose.Distribution, ConsentSigner.Representative, new DateOnly(2026, 9, 1)),
        };
        Assert.True(ConsentRules.Distribution(new DateOnly(2014, 5, 1), PersonKind.Pupil, consents, Today).Allowed);
    }

    [Fact]
    public void Distribution_WithoutProcessing_NotAllowed()
    {
        var consents = new[] { new ConsentFact(ConsentPurpose.Distribution, ConsentSigner.Self, new DateOnly(2026, 9, 1)) };
        var check = ConsentRules.Distribution(new DateOnly(1980, 1, 1), PersonKind.Teacher, consents, Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoProcessing], check.Missing);
    }

    [Fact]
    public void ExtraDuties_TeacherWithout_Missing()
    {
        var check = ConsentRules.ExtraDuties(PersonKind.Teacher, [Own(new DateOnly(2026, 9, 1))], Today);
        Assert.False(check.Allowed);
        Assert.Equal([ConsentRules.NoExtraDuties], check.Missing);
    }

    [Fact]
    public void ExtraDuties_TeacherWithOwnAndWithdrawn_Checked()
    {
        var given = new ConsentFact(ConsentPurpose.ExtraDuties, ConsentSigner.Self, new DateOnly(2026, 9, 1));
        Assert.True(ConsentRules.ExtraDuties(PersonKind.Teacher, [given], Today).Allowed);
        Assert.False(ConsentRules.ExtraDuties(PersonKind.Teacher, [given with { WithdrawnOn = Today }], Today).Allowed);
    }

    [Fact]
    public void ExtraDuties_Pupil_NotRequired() =>
        Assert.True(ConsentRules.ExtraDuties(PersonKind.Pupil, [], Today).Allowed);

    [Fact]
    public void Missing_TeacherWithProcessingOnly_ListsExtraDuties() =>
        Assert.Equal([ConsentRules.NoExtraDuties],
            ConsentRules.Missing(new DateOnly(1980, 1, 1), PersonKind.Teacher, [Own(new DateOnly(2026, 9, 1))], Today));

    [Theory]
    [InlineData(PersonStatus.AwaitingConsent, true, PersonStatus.Active)]
    [InlineData(PersonStatus.AwaitingConsent, false, PersonStatus.AwaitingConsent)]
    [InlineData(PersonStatus.Active, false, PersonStatus.AwaitingConsent)]
    [InlineData(PersonStatus.Active, true, PersonStatus.Active)]
    [InlineData(PersonStatus.Blocked, true, PersonStatus.Blocked)]
    [InlineData(PersonStatus.Destroyed, true, PersonStatus.Destroyed)]
    public void StatusFor_Current_Derived(PersonStatus current, bool allowed, PersonStatus expected) =>
        Assert.Equal(expected, ConsentRules.StatusFor(current, allowed));
}

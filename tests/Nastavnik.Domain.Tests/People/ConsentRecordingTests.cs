using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class ConsentRecordingTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateOnly Born12YearsAgo = Today.AddYears(-12);
    private static readonly DateOnly Born15YearsAgo = Today.AddYears(-15);
    private const long Parent = 501;

    [Fact]
    public void CheckRecord_ParentSignsFor12YearOld_NoErrors() =>
        Assert.Empty(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born12YearsAgo, Today, Parent, [Parent], Today));

    [Fact]
    public void CheckRecord_12YearOldSignsAlone_RefusedOnRepresentative()
    {
        var error = Assert.Single(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born12YearsAgo, Today, null, [Parent], Today));
        Assert.Equal(("RepresentativeId", "До 14 лет согласие подписывает законный представитель"), (error.Field, error.Message));
    }

    [Fact]
    public void CheckRecord_SignedBefore14thBirthdayByThePupil_Refused() =>
        Assert.Single(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born15YearsAgo, Born15YearsAgo.AddYears(14).AddDays(-1), 0, [], Today));

    [Fact]
    public void CheckRecord_15YearOldSignsOwn_NoErrors() =>
        Assert.Empty(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born15YearsAgo, Today, 0, [], Today));

    [Fact]
    public void CheckRecord_UnknownBirthDateSignsOwn_NoErrors() =>
        Assert.Empty(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, null, Today, null, [], Today));

    [Fact]
    public void CheckRecord_SomeoneElsesRepresentative_RefusedOnRepresentative()
    {
        var errors = ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born15YearsAgo, Today, 999, [Parent], Today);
        Assert.Equal("Выберите подписавшего из законных представителей этого человека", Assert.Single(errors).Message);
    }

    [Fact]
    public void CheckRecord_SomeoneElsesRepresentativeFor12YearOld_BothErrorsOnRepresentative()
    {
        var errors = ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born12YearsAgo, Today, 999, [Parent], Today);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("RepresentativeId", e.Field));
    }

    [Fact]
    public void CheckRecord_FutureDate_RefusedOnGivenOn()
    {
        var error = Assert.Single(ConsentRecording.CheckRecord(PersonStatus.Active, Born15YearsAgo, Today.AddDays(1), Parent, [Parent], Today));
        Assert.Equal(("GivenOn", "Дата согласия не может быть в будущем"), (error.Field, error.Message));
    }

    [Fact]
    public void CheckRecord_BeforeBirth_RefusedOnGivenOn()
    {
        var error = Assert.Single(ConsentRecording.CheckRecord(PersonStatus.Active, Born12YearsAgo, Born12YearsAgo.AddDays(-1), Parent, [Parent], Today));
        Assert.Equal(("GivenOn", "Дата согласия раньше даты рождения"), (error.Field, error.Message));
    }

    [Fact]
    public void CheckRecord_NoDate_LeftToRequiredField() =>
        Assert.Empty(ConsentRecording.CheckRecord(PersonStatus.AwaitingConsent, Born12YearsAgo, null, null, [], Today));

    [Theory]
    [InlineData(PersonStatus.Blocked)]
    [InlineData(PersonStatus.Destroyed)]
    public void CheckRecord_BlockedOrDestroyed_RefusedOnWholeForm(PersonStatus status) =>
        Assert.Equal("", Assert.Single(ConsentRecording.CheckRecord(status, Born15YearsAgo, Today, 0, [], Today)).Field);

    [Fact]
    public void SignerOf_Representative_Representative()
    {
        Assert.Equal(ConsentSigner.Representative, ConsentRecording.SignerOf(byRepresentative: true));
        Assert.Equal(ConsentSigner.Self, ConsentRecording.SignerOf(byRepresentative: false));
    }

    [Theory]
    [InlineData(ConsentPurpose.Distribution, "  сайт школы ", "сайт школы")]
    [InlineData(ConsentPurpose.Distribution, null, "")]
    [InlineData(ConsentPurpose.Processing, "сайт школы", "")]
    [InlineData(ConsentPurpose.ExtraDuties, "сайт школы", "")]
    public void DistributionScope_Purpose_KeptOnlyForDistribution(ConsentPurpose purpose, string? scope, string expected) =>
        Assert.Equal(expected, ConsentRecording.DistributionScope(purpose, scope));

    [Theory]
    [InlineData(Relationship.Guardian)]
    [InlineData(Relationship.Custodian)]
    public void CheckRepresentative_GuardianWithoutDocument_RefusedOnDocument(Relationship relationship) =>
        Assert.Equal("Document", Assert.Single(ConsentRecording.CheckRepresentative(PersonStatus.Active, relationship, " ")).Field);

    [Theory]
    [InlineData(Relationship.Mother, null)]
    [InlineData(Relationship.Guardian, "Постановление № 12 от 01.02.2024")]
    public void CheckRepresentative_ParentOrGuardianWithDocument_NoErrors(Relationship relationship, string? document) =>
        Assert.Empty(ConsentRecording.CheckRepresentative(PersonStatus.AwaitingConsent, relationship, document));

    [Fact]
    public void CheckRepresentative_Destroyed_RefusedOnWholeForm() =>
        Assert.Equal("", Assert.Single(ConsentRecording.CheckRepresentative(PersonStatus.Destroyed, Relationship.Father, null)).Field);

    [Fact]
    public void CheckWithdrawal_TodayAfterGiven_NoErrors() =>
        Assert.Empty(ConsentRecording.CheckWithdrawal(Today.AddMonths(-3), null, Today, Today));

    [Fact]
    public void CheckWithdrawal_OnTheDayGiven_NoErrors() => Assert.Empty(ConsentRecording.CheckWithdrawal(Today, null, Today, Today));

    [Fact]
    public void CheckWithdrawal_Future_Refused() =>
        Assert.Equal("Дата отзыва не может быть в будущем", Assert.Single(ConsentRecording.CheckWithdrawal(Today.AddDays(-5), null, Today.AddDays(1), Today)).Message);

    [Fact]
    public void CheckWithdrawal_BeforeGiven_Refused() =>
        Assert.Equal("Дата отзыва раньше даты согласия", Assert.Single(ConsentRecording.CheckWithdrawal(Today.AddDays(-5), null, Today.AddDays(-6), Today)).Message);

    [Fact]
    public void CheckWithdrawal_AlreadyWithdrawn_Refused() =>
        Assert.Equal("Это согласие уже отозвано", Assert.Single(ConsentRecording.CheckWithdrawal(Today.AddDays(-5), Today.AddDays(-1), Today, Today)).Message);

    [Theory]
    [InlineData(ConsentPurpose.Processing, PersonStatus.Active, true)]
    [InlineData(ConsentPurpose.Processing, PersonStatus.AwaitingConsent, true)]
    [InlineData(ConsentPurpose.Processing, PersonStatus.Blocked, true)]
    [InlineData(ConsentPurpose.Processing, PersonStatus.Destroyed, false)]
    [InlineData(ConsentPurpose.Distribution, PersonStatus.Active, false)]
    [InlineData(ConsentPurpose.ExtraDuties, PersonStatus.Active, false)]
    public void WithdrawalBlocks_PurposeAndStatus_OnlyProcessingOfALivePerson(ConsentPurpose purpose, PersonStatus status, bool blocks) =>
        Assert.Equal(blocks, ConsentRecording.WithdrawalBlocks(purpose, status));
}

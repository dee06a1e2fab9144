using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.Access;

public class AccessCodeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StateOf_UnusedBeforeExpiry_Active() =>
        Assert.Equal(CodeState.Active, AccessCodeRules.StateOf(Now.AddDays(1), null, null, Now));

    [Fact]
    public void StateOf_UnusedAtExpiryInstant_Expired() =>
        Assert.Equal(CodeState.Expired, AccessCodeRules.StateOf(Now, null, null, Now));

    [Fact]
    public void StateOf_UsedThenExpired_StaysUsed() =>
        Assert.Equal(CodeState.Used, AccessCodeRules.StateOf(Now.AddDays(-1), Now.AddDays(-3), null, Now));

    [Fact]
    public void StateOf_RevokedAfterExpiry_Revoked() =>
        Assert.Equal(CodeState.Revoked, AccessCodeRules.StateOf(Now.AddDays(-1), null, Now.AddHours(-1), Now));

    [Fact]
    public void Describe_ActiveCodeExpiringLateEveningUtc_ShowsMoscowDate() =>
        // 22:30 UTC is 01:30 the next day in Moscow.
        Assert.Equal("действует до 06.12.2026", AccessCodeRules.Describe(CodeState.Active, new DateTimeOffset(2026, 12, 5, 22, 30, 0, TimeSpan.Zero), null));

    [Fact]
    public void Describe_UsedCode_ShowsDateOfUse() =>
        Assert.Equal("использован 21.11.2026", AccessCodeRules.Describe(CodeState.Used, Now.AddDays(14), Now));

    [Theory]
    [InlineData(CodeState.Revoked, "отозван")]
    [InlineData(CodeState.Expired, "истёк")]
    public void Describe_RevokedOrExpired_ShowsWordOnly(CodeState state, string text) =>
        Assert.Equal(text, AccessCodeRules.Describe(state, Now, null));

    [Theory]
    [InlineData(CodeState.Used, AccessCodeRules.AlreadyUsed)]
    [InlineData(CodeState.Revoked, AccessCodeRules.AlreadyRevoked)]
    [InlineData(CodeState.Expired, AccessCodeRules.AlreadyExpired)]
    public void RevokeRefusal_CodeNoLongerUsable_Refused(CodeState state, string message) =>
        Assert.Equal(message, AccessCodeRules.RevokeRefusal(state));

    [Fact]
    public void RevokeRefusal_ActiveCode_Allowed() => Assert.Null(AccessCodeRules.RevokeRefusal(CodeState.Active));

    [Theory]
    [InlineData(PersonStatus.AwaitingConsent, true, AccessCodeRules.NoConsent)]
    [InlineData(PersonStatus.Blocked, true, AccessCodeRules.Blocked)]
    [InlineData(PersonStatus.Destroyed, true, AccessCodeRules.Destroyed)]
    [InlineData(PersonStatus.Active, false, AccessCodeRules.AccountDisabled)]
    public void IssueRefusal_NoConsentBlockedOrDisabled_Refused(PersonStatus status, bool accountActive, string message) =>
        Assert.Equal(message, AccessCodeRules.IssueRefusal(status, accountActive, [Role.Mentee]));

    [Fact]
    public void IssueRefusal_ActivePersonActiveAccount_Allowed() => Assert.Null(AccessCodeRules.IssueRefusal(PersonStatus.Active, true, [Role.Mentor, Role.LegalRepresentative]));

    [Theory]
    [InlineData(Role.Curator)]
    [InlineData(Role.OrgHead)]
    [InlineData(Role.RegionAdmin)]
    public void IssueRefusal_AccountWithStaffRole_RefusedEvenWithConsent(Role staff) =>
        Assert.Equal(AccessCodeRules.StaffAccount, AccessCodeRules.IssueRefusal(PersonStatus.Active, true, [Role.Mentor, staff]));
}

using Nastavnik.Domain.Pairs;

namespace Nastavnik.Domain.Tests.Pairs;

public class PauseRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void CheckPause_ActiveWithReason_NoErrors() =>
        Assert.Empty(PauseRules.CheckPause(GroupStatus.Active, "Болезнь наставляемого", Today.AddDays(14), Today));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckPause_BlankReason_Refused(string reason) =>
        Assert.Equal("Reason", Assert.Single(PauseRules.CheckPause(GroupStatus.Active, reason, null, Today)).Field);

    [Fact]
    public void CheckPause_ResumeDateInThePast_Refused() =>
        Assert.Equal("ResumeOn", Assert.Single(PauseRules.CheckPause(GroupStatus.Active, "Каникулы", Today.AddDays(-1), Today)).Field);

    [Theory]
    [InlineData(GroupStatus.Paused)]
    [InlineData(GroupStatus.Closed)]
    public void CheckPause_NotActive_Refused(GroupStatus status) =>
        Assert.Single(PauseRules.CheckPause(status, "Каникулы", null, Today));

    [Fact]
    public void CheckResume_Paused_NoErrors() => Assert.Empty(PauseRules.CheckResume(GroupStatus.Paused));

    [Theory]
    [InlineData(GroupStatus.Active)]
    [InlineData(GroupStatus.Closed)]
    public void CheckResume_NotPaused_Refused(GroupStatus status) => Assert.Single(PauseRules.CheckResume(status));
}

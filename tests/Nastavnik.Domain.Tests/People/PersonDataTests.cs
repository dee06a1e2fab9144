using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class PersonDataTests
{
    [Theory]
    [InlineData(PersonStatus.AwaitingConsent, true)]
    [InlineData(PersonStatus.Active, true)]
    [InlineData(PersonStatus.Blocked, false)]
    [InlineData(PersonStatus.Destroyed, false)]
    public void IsProcessable_ByStatus_OnlyBeforeWithdrawal(PersonStatus status, bool processable) =>
        Assert.Equal(processable, PersonData.IsProcessable(status));

    [Fact]
    public void Shown_Blocked_Placeholder() =>
        Assert.Equal("участник (данные заблокированы)", PersonData.Shown(PersonStatus.Blocked, "Иванов Иван"));

    [Fact]
    public void Shown_Active_OwnName() => Assert.Equal("Иванов Иван", PersonData.Shown(PersonStatus.Active, "Иванов Иван"));
}

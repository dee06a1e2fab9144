using Nastavnik.Domain.Territories;

namespace Nastavnik.Domain.Tests.Territories;

public class TerritoryNamesTests
{
    [Theory]
    [InlineData("Общеобразовательная организация", OrganizationType.School)]
    [InlineData("  школа ", OrganizationType.School)]
    [InlineData("СПО", OrganizationType.Spo)]
    [InlineData("колледж", OrganizationType.Spo)]
    [InlineData("Дополнительное образование", OrganizationType.Additional)]
    [InlineData("ДОУ", OrganizationType.Preschool)]
    [InlineData("детский сад", OrganizationType.Preschool)]
    public void ParseOrganizationType_OfficialWording_Recognised(string text, OrganizationType expected) =>
        Assert.Equal(expected, TerritoryNames.ParseOrganizationType(text));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("завод")]
    public void ParseOrganizationType_Unknown_ReturnsNull(string? text) => Assert.Null(TerritoryNames.ParseOrganizationType(text));

    [Fact]
    public void Title_EveryType_RoundTripsThroughParse()
    {
        foreach (var type in Enum.GetValues<OrganizationType>()) Assert.Equal(type, TerritoryNames.ParseOrganizationType(type.Title()));
    }
}

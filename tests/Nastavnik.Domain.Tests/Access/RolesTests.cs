using Nastavnik.Domain.Access;

namespace Nastavnik.Domain.Tests.Access;

public class RolesTests
{
    [Fact]
    public void FromCode_EveryRoleCode_RoundTrips()
    {
        foreach (var role in Roles.All) Assert.Equal(role, Roles.FromCode(role.Code()));
    }

    [Fact]
    public void FromCode_UnknownCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Roles.FromCode("director"));
    }

    [Theory]
    [InlineData(Role.SystemAdmin, ScopeLevel.System)]
    [InlineData(Role.RegionAdmin, ScopeLevel.Region)]
    [InlineData(Role.MunicipalCoordinator, ScopeLevel.Municipality)]
    [InlineData(Role.Curator, ScopeLevel.Organization)]
    [InlineData(Role.LegalRepresentative, ScopeLevel.Organization)]
    public void Level_Role_IsTheNodeItIsScopedTo(Role role, ScopeLevel level) => Assert.Equal(level, role.Level());

    [Fact]
    public void Title_EveryRole_HasDistinctRussianTitle()
    {
        var titles = Roles.All.Select(r => r.Title()).ToList();

        Assert.Equal(8, titles.Distinct().Count());
        Assert.Contains("Куратор ОО", titles);
    }
}

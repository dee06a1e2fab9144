using Nastavnik.Domain.Access;

namespace Nastavnik.Domain.Tests.Access;

public class ScopeTests
{
    private static Scope Of(params Assignment[] a) => new(a);

    [Fact]
    public void ReachesOrganization_CuratorOfOneSchool_ReachesOnlyThatSchool()
    {
        var scope = Of(new Assignment(Role.Curator, 1, 10, 100));

        Assert.True(scope.ReachesOrganization(1, 10, 100));
        Assert.False(scope.ReachesOrganization(1, 10, 101));
        Assert.False(scope.ReachesMunicipality(1, 10));
    }

    [Fact]
    public void ReachesOrganization_MunicipalCoordinator_ReachesEverySchoolOfTheMunicipalityOnly()
    {
        var scope = Of(new Assignment(Role.MunicipalCoordinator, 1, 10, null));

        Assert.True(scope.ReachesOrganization(1, 10, 100));
        Assert.True(scope.ReachesOrganization(1, 10, 555));
        Assert.False(scope.ReachesOrganization(1, 11, 200));
        Assert.False(scope.ReachesRegion(1));
    }

    [Fact]
    public void ReachesRegion_RegionAdmin_ReachesOwnRegionNotAnother()
    {
        var scope = Of(new Assignment(Role.RegionAdmin, 1, null, null));

        Assert.True(scope.ReachesOrganization(1, 99, 999));
        Assert.False(scope.ReachesOrganization(2, 20, 200));
    }

    [Fact]
    public void ReachesRegion_SystemAdmin_ReachesEverything()
    {
        var scope = Of(new Assignment(Role.SystemAdmin, null, null, null));

        Assert.True(scope.IsSystem);
        Assert.True(scope.ReachesOrganization(7, 70, 700));
    }

    [Fact]
    public void New_SeveralAssignments_UnitesTheirReach()
    {
        var scope = Of(new Assignment(Role.Curator, 1, 10, 100), new Assignment(Role.Mentor, 2, 20, 200));

        Assert.Equal([100L, 200L], scope.OrganizationIds.Order());
        Assert.Equal([100L], scope.OrganizationIdsFor(Role.Curator));
        Assert.Equal([1L, 2L], scope.AnyRegionIds.Order());
        Assert.True(scope.Has(Role.Mentor));
        Assert.False(scope.HasAny([Role.RegionAdmin, Role.SystemAdmin]));
    }

    [Fact]
    public void Nobody_NoAssignments_ReachesNothing()
    {
        Assert.False(Scope.Nobody.ReachesOrganization(1, 10, 100));
        Assert.Empty(Scope.Nobody.Assignments);
    }
}

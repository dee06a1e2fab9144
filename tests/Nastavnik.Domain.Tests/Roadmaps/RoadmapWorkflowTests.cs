using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Domain.Tests.Roadmaps;

public class RoadmapWorkflowTests
{
    private static readonly RoadmapNode School = new(RoadmapLevel.Organization, 1, 10, 100);
    private static readonly RoadmapNode City = new(RoadmapLevel.Municipality, 1, 10, null);
    private static readonly RoadmapNode Region = new(RoadmapLevel.Region, 1, null, null);

    private static Scope Curator(long organization = 100, long municipality = 10) => new([new Assignment(Role.Curator, 1, municipality, organization)]);
    private static Scope Head(long organization = 100) => new([new Assignment(Role.OrgHead, 1, 10, organization)]);
    private static Scope Coordinator(long municipality = 10) => new([new Assignment(Role.MunicipalCoordinator, 1, municipality, null)]);
    private static Scope RegionAdmin(long region = 1) => new([new Assignment(Role.RegionAdmin, region, null, null)]);
    private static Scope SystemAdmin() => new([new Assignment(Role.SystemAdmin, null, null, null)]);

    [Fact]
    public void Allowed_OrganizationDraft_CuratorEditsAndSubmits()
    {
        var actions = RoadmapWorkflow.Allowed(Curator(), School, RoadmapStatus.Draft, false);

        Assert.Equal([RoadmapAction.Edit, RoadmapAction.Submit], actions);
    }

    [Fact]
    public void Allowed_OrganizationSubmitted_CoordinatorOfItsMunicipalityReturnsOrAgrees()
    {
        Assert.Equal([RoadmapAction.Return, RoadmapAction.Agree], RoadmapWorkflow.Allowed(Coordinator(), School, RoadmapStatus.Submitted, false));
        Assert.Equal([RoadmapAction.Return, RoadmapAction.Agree], RoadmapWorkflow.Allowed(RegionAdmin(), School, RoadmapStatus.Submitted, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Coordinator(municipality: 11), School, RoadmapStatus.Submitted, false));
        Assert.Empty(RoadmapWorkflow.Allowed(RegionAdmin(region: 2), School, RoadmapStatus.Submitted, false));
    }

    [Fact]
    public void Allowed_OrganizationSubmitted_CuratorAndHeadMayNotAgreeOrEdit()
    {
        Assert.Empty(RoadmapWorkflow.Allowed(Curator(), School, RoadmapStatus.Submitted, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Head(), School, RoadmapStatus.Submitted, false));
        Assert.False(RoadmapWorkflow.Permits(Curator(), School, RoadmapAction.Agree));
    }

    [Fact]
    public void Allowed_OrganizationAgreed_OnlyTheHeadApproves()
    {
        Assert.Equal([RoadmapAction.Approve], RoadmapWorkflow.Allowed(Head(), School, RoadmapStatus.Agreed, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Curator(), School, RoadmapStatus.Agreed, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Coordinator(), School, RoadmapStatus.Agreed, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Head(organization: 101), School, RoadmapStatus.Agreed, false));
    }

    [Fact]
    public void Allowed_OrganizationReturned_OwnerEditsAndResubmits()
    {
        Assert.Equal([RoadmapAction.Edit, RoadmapAction.Submit], RoadmapWorkflow.Allowed(Head(), School, RoadmapStatus.Returned, false));
    }

    [Fact]
    public void Allowed_OrganizationApproved_OwnerMakesNewVersionButNoTemplate()
    {
        Assert.Equal([RoadmapAction.NewVersion], RoadmapWorkflow.Allowed(Curator(), School, RoadmapStatus.Approved, false));
    }

    [Fact]
    public void Allowed_MunicipalDraft_OwnCoordinatorApprovesDirectly()
    {
        Assert.Equal([RoadmapAction.Edit, RoadmapAction.Approve], RoadmapWorkflow.Allowed(Coordinator(), City, RoadmapStatus.Draft, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Coordinator(municipality: 11), City, RoadmapStatus.Draft, false));
        Assert.Empty(RoadmapWorkflow.Allowed(Curator(), City, RoadmapStatus.Draft, false));
        Assert.Empty(RoadmapWorkflow.Allowed(RegionAdmin(), City, RoadmapStatus.Draft, false));
    }

    [Fact]
    public void Allowed_RegionalApproved_RegionAdminPublishesThenUnpublishes()
    {
        Assert.Equal([RoadmapAction.NewVersion, RoadmapAction.Publish], RoadmapWorkflow.Allowed(RegionAdmin(), Region, RoadmapStatus.Approved, false));
        Assert.Equal([RoadmapAction.NewVersion, RoadmapAction.Unpublish], RoadmapWorkflow.Allowed(RegionAdmin(), Region, RoadmapStatus.Approved, true));
        Assert.Empty(RoadmapWorkflow.Allowed(Coordinator(), Region, RoadmapStatus.Approved, false));
    }

    [Fact]
    public void Allowed_SystemAdmin_MayDoWhatTheStatusAllows()
    {
        Assert.Equal([RoadmapAction.Return, RoadmapAction.Agree], RoadmapWorkflow.Allowed(SystemAdmin(), School, RoadmapStatus.Submitted, false));
        Assert.Equal([RoadmapAction.Approve], RoadmapWorkflow.Allowed(SystemAdmin(), School, RoadmapStatus.Agreed, false));
    }

    [Theory]
    [InlineData(RoadmapAction.Submit, RoadmapStatus.Submitted)]
    [InlineData(RoadmapAction.Return, RoadmapStatus.Returned)]
    [InlineData(RoadmapAction.Agree, RoadmapStatus.Agreed)]
    [InlineData(RoadmapAction.Approve, RoadmapStatus.Approved)]
    public void Target_ApprovalAction_LeadsToItsStatus(RoadmapAction action, RoadmapStatus expected)
    {
        Assert.Equal(expected, RoadmapWorkflow.Target(action));
    }

    [Fact]
    public void Target_NonApprovalAction_IsNull()
    {
        Assert.Null(RoadmapWorkflow.Target(RoadmapAction.NewVersion));
        Assert.Null(RoadmapWorkflow.Target(RoadmapAction.Edit));
    }

    [Fact]
    public void MayRecord_FanOutOccurrence_OnlyItsOrganization()
    {
        Assert.True(RoadmapWorkflow.MayRecord(Curator(), City, 100, 10));
        Assert.False(RoadmapWorkflow.MayRecord(Curator(organization: 101), City, 100, 10));
        Assert.False(RoadmapWorkflow.MayRecord(Coordinator(), City, 100, 10));
    }

    [Fact]
    public void MayRecord_MunicipalOccurrence_OnlyTheMunicipality()
    {
        Assert.True(RoadmapWorkflow.MayRecord(Coordinator(), City, null, 10));
        Assert.False(RoadmapWorkflow.MayRecord(Curator(), City, null, 10));
        Assert.False(RoadmapWorkflow.MayRecord(RegionAdmin(), City, null, 10));
        Assert.True(RoadmapWorkflow.MayRecord(RegionAdmin(), Region, null, null));
    }

    [Fact]
    public void IsLive_OnlyAgreedAndApproved()
    {
        Assert.Equal([RoadmapStatus.Agreed, RoadmapStatus.Approved], Enum.GetValues<RoadmapStatus>().Where(RoadmapWorkflow.IsLive));
    }

    [Fact]
    public void MayStartFrom_LowerNodeInsideTheTerritory()
    {
        Assert.True(RoadmapWorkflow.MayStartFrom(City, School));
        Assert.True(RoadmapWorkflow.MayStartFrom(Region, School));
        Assert.True(RoadmapWorkflow.MayStartFrom(Region, City));
        Assert.False(RoadmapWorkflow.MayStartFrom(City, City));
        Assert.False(RoadmapWorkflow.MayStartFrom(City, School with { MunicipalityId = 11 }));
        Assert.False(RoadmapWorkflow.MayStartFrom(Region, School with { RegionId = 2 }));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ClosureFinalEventTests(AppFixture app)
{
    [Fact]
    public async Task Post_SelectedPairs_ClosedPlannedWithEventOthersUntouched()
    {
        var pair = await app.ClosurePairAsync();
        var untouched = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        var title = AppFixture.Unique("Фестиваль наставничества");

        var response = await client.PostFormAsync("/Pairs/Closure/FinalEvent", new()
        {
            ["Form.Title"] = title, ["Form.HeldOn"] = "2026-05-25", ["Form.ProgramId"] = pair.World.Program.Id.ToString(),
            ["Form.GroupIds"] = pair.GroupId.ToString(),
        });

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var finalEvent = await db.FinalEvents.SingleAsync(e => e.Title == title);
        Assert.Equal(pair.World.Program.Id, finalEvent.ProgramId);
        var group = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Id == pair.GroupId);
        Assert.Equal(GroupStatus.Closed, group.Status);
        Assert.Equal(ClosureKind.Planned, group.ClosureKind);
        Assert.Equal(finalEvent.Id, group.FinalEventId);
        Assert.Equal(new DateOnly(2026, 5, 25), group.ClosedOn);
        Assert.All(group.Members, m => Assert.Equal(new DateOnly(2026, 5, 25), m.LeftOn));
        Assert.Equal(ParticipationStatus.Finished, (await db.MenteeProfiles.SingleAsync(p => p.Id == pair.MenteeProfileId)).Status);
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == untouched.GroupId)).Status);
        var html = await (await client.GetAsync("/Pairs/Closure/FinalEvent")).Content.ReadAsStringAsync();
        var past = html[html.IndexOf("id=\"past-events\"", StringComparison.Ordinal)..];
        Assert.Contains(title, past);
        Assert.Contains(pair.World.MenteeNames[pair.MenteeProfileId], past);
    }

    [Fact]
    public async Task Post_PairOfAnotherSchool_RefusedNothingClosed()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await client.PostFormAsync("/Pairs/Closure/FinalEvent", new()
        {
            ["Form.Title"] = "Итоги года", ["Form.HeldOn"] = "2026-05-25", ["Form.GroupIds"] = pair.GroupId.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Отметьте действующие пары из списка", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).Status);
    }

    [Fact]
    public async Task Post_FutureDate_Refused()
    {
        var pair = await app.ClosurePairAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, pair.World.Tree);

        var response = await client.PostFormAsync("/Pairs/Closure/FinalEvent", new()
        {
            ["Form.Title"] = "Итоги года", ["Form.HeldOn"] = "2099-05-25", ["Form.GroupIds"] = pair.GroupId.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не может быть в будущем", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(GroupStatus.Active, (await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).Status);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ProblemReportTests(AppFixture app)
{
    private async Task<HttpClient> ParticipantAsync(ClosureData.Pair pair, Role role, long personId)
    {
        var login = await app.CreateUserAsync(role, pair.World.Tree);
        await using var db = app.Db();
        (await db.Users.SingleAsync(u => u.UserName == login)).PersonId = personId;
        await db.SaveChangesAsync();
        return await app.SignInAsync(login);
    }

    [Fact]
    public async Task Post_MenteeOfPair_CuratorNotifiedSeesTextAuditHasNoText()
    {
        var pair = await app.ClosurePairAsync();
        var curatorLogin = await app.CreateUserAsync(Role.Curator, pair.World.Tree);
        var mentee = await ParticipantAsync(pair, Role.Mentee, pair.MenteePersonId);
        var text = AppFixture.Unique("Наставник не приходит на встречи");

        var response = await mentee.PostFormAsync($"/Pairs/Problem/{pair.GroupId}", new() { ["Text"] = text });

        MatchingData.AssertRedirect(response);
        await using var db = app.Db();
        var report = await db.ProblemReports.SingleAsync(r => r.GroupId == pair.GroupId);
        Assert.Equal(text, report.Text);
        Assert.Equal(pair.MenteePersonId, report.PersonId);
        var curatorId = await db.Users.Where(u => u.UserName == curatorLogin).Select(u => u.Id).SingleAsync();
        var note = await db.Notifications.SingleAsync(n => n.UserId == curatorId);
        Assert.DoesNotContain(text, note.Text);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "ProblemReport" && a.EntityId == report.Id.ToString()).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.Create);
        Assert.All(audit, a => Assert.DoesNotContain(text, a.Details));

        var curator = await app.SignInAsync(curatorLogin);
        Assert.Contains(text, await (await curator.GetAsync("/Pairs/Problems")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Problems_HeadAndMentorOfPair_Forbidden_OtherSchoolCuratorSeesNothing()
    {
        var pair = await app.ClosurePairAsync();
        var mentee = await ParticipantAsync(pair, Role.Mentee, pair.MenteePersonId);
        var text = AppFixture.Unique("Мне некомфортно");
        MatchingData.AssertRedirect(await mentee.PostFormAsync($"/Pairs/Problem/{pair.GroupId}", new() { ["Text"] = text }));

        var head = await app.SignInAsAsync(Role.OrgHead, pair.World.Tree);
        var mentor = await ParticipantAsync(pair, Role.Mentor, pair.MentorPersonId);
        var otherCurator = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Pairs/Problems")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.GetAsync("/Pairs/Problems")).StatusCode);
        Assert.DoesNotContain(text, await (await mentor.GetAsync($"/Pairs/Problem/{pair.GroupId}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(text, await (await head.GetAsync($"/Pairs/Closure/Close/{pair.GroupId}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(text, await (await otherCurator.GetAsync("/Pairs/Problems")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_PersonNotInPair_NotFound()
    {
        var pair = await app.ClosurePairAsync();
        var other = await app.ClosurePairAsync();
        var stranger = await ParticipantAsync(pair, Role.Mentee, other.MenteePersonId);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Pairs/Problem/{pair.GroupId}")).StatusCode);
        await using var db = app.Db();
        Assert.False(await db.ProblemReports.AnyAsync(r => r.GroupId == pair.GroupId));
    }

    [Fact]
    public async Task Post_ParentOfMentee_Accepted()
    {
        var pair = await app.ClosurePairAsync();
        var parent = await app.InsertAsync(MatchingData.Pupil(pair.World.Tree, "Родителева", "", 0, new DateOnly(1985, 1, 1)));
        await app.InsertAsync(new Nastavnik.Data.Entities.People.LegalRepresentative
        {
            ChildId = pair.MenteePersonId, RepresentativeId = parent.Id, Relationship = Nastavnik.Domain.People.Relationship.Mother,
        });
        var client = await ParticipantAsync(pair, Role.LegalRepresentative, parent.Id);

        MatchingData.AssertRedirect(await client.PostFormAsync($"/Pairs/Problem/{pair.GroupId}", new() { ["Text"] = "Ребёнок жалуется" }));

        await using var db = app.Db();
        Assert.Equal(parent.Id, (await db.ProblemReports.SingleAsync(r => r.GroupId == pair.GroupId)).PersonId);
    }

    [Fact]
    public async Task MarkRead_Curator_SetsReadAt()
    {
        var pair = await app.ClosurePairAsync();
        var mentee = await ParticipantAsync(pair, Role.Mentee, pair.MenteePersonId);
        MatchingData.AssertRedirect(await mentee.PostFormAsync($"/Pairs/Problem/{pair.GroupId}", new() { ["Text"] = "Проблема" }));
        await using var db = app.Db();
        var report = await db.ProblemReports.SingleAsync(r => r.GroupId == pair.GroupId);
        var curator = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        MatchingData.AssertRedirect(await curator.PostFormAsync($"/Pairs/Problems?handler=Read&reportId={report.Id}", [], "/Pairs/Problems"));

        await db.Entry(report).ReloadAsync();
        Assert.NotNull(report.ReadAt);
    }
}

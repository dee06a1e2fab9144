using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

[Collection(Collections.Bases)]
public class ApproveTests(AppFixture app)
{
    private async Task<long> LoginForAsync(long profileId, bool mentor, string email)
    {
        await using var db = app.Db();
        var personId = mentor
            ? await db.MentorProfiles.Where(m => m.Id == profileId).Select(m => m.PersonId).SingleAsync()
            : await db.MenteeProfiles.Where(m => m.Id == profileId).Select(m => m.PersonId).SingleAsync();
        var login = "p" + Guid.NewGuid().ToString("N")[..12];
        var user = new User
        {
            UserName = login, NormalizedUserName = login.ToUpperInvariant(), FullName = "Участник", Email = email, PersonId = personId,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, AppFixture.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    [Fact]
    public async Task Approve_PairMode_CreatesPairsSetsStatusesAndNotifiesParticipants()
    {
        var world = await app.WorldAsync(2, 2);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[0])]);
        var mentorUser = await LoginForAsync(world.Mentors[0], mentor: true, "mentor@example.ru");
        var menteeUser = await LoginForAsync(world.Mentees[0], mentor: false, "");
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.ApproveAsync(runId);

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var run = await db.MatchRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal(MatchRunStatus.Approved, run.Status);
        Assert.Equal("17-о", run.OrderNumber);
        Assert.Equal(new DateOnly(2026, 9, 28), run.OrderDate);
        var groups = await db.MentoringGroups.Include(g => g.Members).Where(g => g.MatchRunId == runId).ToListAsync();
        Assert.Equal(2, groups.Count);
        var periodEnd = await db.Programs.Where(p => p.Id == world.Program.Id).Select(p => p.PeriodEnd).SingleAsync();
        Assert.All(groups, g =>
        {
            Assert.False(g.IsGroup);
            Assert.Equal(periodEnd, g.PlannedEnd);
            Assert.Equal("pupil_pupil", g.Form);
            Assert.Equal("traditional", g.DeliveryMode);
            Assert.Equal(new DateOnly(2026, 10, 1), g.StartDate);
            Assert.Equal(GroupStatus.Active, g.Status);
            Assert.Single(g.Members, m => m.Role == MemberRole.Mentor && m.MentorProfileId == world.Mentors[0]);
            Assert.Single(g.Members, m => m.Role == MemberRole.Mentee);
        });
        Assert.All(await db.MenteeProfiles.Where(m => world.Mentees.Contains(m.Id)).ToListAsync(), m => Assert.Equal(ParticipationStatus.InPair, m.Status));
        Assert.Equal(ParticipationStatus.InPair, (await db.MentorProfiles.SingleAsync(m => m.Id == world.Mentors[0])).Status);
        var mentorNote = await db.Notifications.SingleAsync(n => n.UserId == mentorUser);
        Assert.Contains("Ваши наставляемые", mentorNote.Text);
        Assert.Contains(world.MenteeNames[world.Mentees[1]], mentorNote.Text);
        var menteeNote = await db.Notifications.SingleAsync(n => n.UserId == menteeUser);
        Assert.Contains(world.MentorNames[world.Mentors[0]], menteeNote.Text);
        Assert.True(await db.EmailOutbox.AnyAsync(e => e.ToAddress == "mentor@example.ru" && e.Body.Contains("17-о")));
    }

    [Fact]
    public async Task Approve_GroupMode_OneGroupPerMentorWithAllMentees()
    {
        var world = await app.WorldAsync(3, 2, 1);
        var runId = await app.DraftRunAsync(world,
            [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[0]), (world.Mentees[2], world.Mentors[1])], group: true);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        MatchingData.AssertRedirect(await client.ApproveAsync(runId));

        await using var db = app.Db();
        var groups = await db.MentoringGroups.Include(g => g.Members).Where(g => g.MatchRunId == runId).ToListAsync();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.True(g.IsGroup));
        Assert.All(groups, g => Assert.Equal("group", g.DeliveryMode));
        Assert.Equal(2, groups.Single(g => g.Members.Any(m => m.MentorProfileId == world.Mentors[0])).Members.Count(m => m.Role == MemberRole.Mentee));
    }

    [Fact]
    public async Task Approve_MissingOrderNumber_RedisplaysWithError()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.ApproveAsync(runId, number: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите номер приказа", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal(MatchRunStatus.Draft, (await db.MatchRuns.SingleAsync(r => r.Id == runId)).Status);
        Assert.False(await db.MentoringGroups.AnyAsync(g => g.MatchRunId == runId));
    }

    [Fact]
    public async Task Approve_StaleFormAfterPairChanged_Refused()
    {
        var world = await app.WorldAsync(1, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        var staleVersion = await client.ApprovalVersionAsync(runId);
        var proposal = (await app.ProposalsAsync(runId)).Single();
        MatchingData.AssertRedirect(await client.PostFormAsync($"/Matching/Card/{runId}?handler=Lock", new() { ["proposalId"] = proposal.Id.ToString() }));

        var response = await client.ApproveAsync(runId, version: staleVersion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем. Обновите страницу и повторите.", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.MentoringGroups.AnyAsync(g => g.MatchRunId == runId));
        Assert.Equal(MatchRunStatus.Draft, (await db.MatchRuns.SingleAsync(r => r.Id == runId)).Status);
    }

    [Fact]
    public async Task Approve_MentorOverCapacity_RefusedNamingTheMentor()
    {
        var world = await app.WorldAsync(2, 1);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0]), (world.Mentees[1], world.Mentors[0])]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.ApproveAsync(runId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Превышена вместимость наставников", html);
        Assert.Contains(world.MentorNames[world.Mentors[0]], html);
        await using var db = app.Db();
        Assert.False(await db.MentoringGroups.AnyAsync(g => g.MatchRunId == runId));
    }

    [Theory]
    [InlineData(GroupStatus.Active)]
    [InlineData(GroupStatus.Paused)]
    public async Task Approve_MenteeAlreadyInActiveOrPausedPairOfTheForm_Refused(GroupStatus status)
    {
        var world = await app.WorldAsync(1, 2);
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        await using (var db = app.Db())
        {
            var person = await db.MenteeProfiles.Where(m => m.Id == world.Mentees[0]).Select(m => m.PersonId).SingleAsync();
            db.MentoringGroups.Add(new MentoringGroup
            {
                RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, ProgramId = world.Program.Id, Form = "pupil_pupil",
                StartDate = new DateOnly(2026, 9, 15), Status = status,
                PausedOn = status == GroupStatus.Paused ? new DateOnly(2026, 11, 1) : null, PauseReason = status == GroupStatus.Paused ? "болезнь" : "",
                Members = [new GroupMember { PersonId = person, Role = MemberRole.Mentee, MenteeProfileId = world.Mentees[0], JoinedOn = new DateOnly(2026, 9, 15) }],
            });
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.ApproveAsync(runId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("только в одной действующей паре формы", html);
        Assert.Contains(world.MenteeNames[world.Mentees[0]], html);
        await using var check = app.Db();
        Assert.False(await check.MentoringGroups.AnyAsync(g => g.MatchRunId == runId));
    }

    [Fact]
    public async Task Approve_TeacherWithoutExtraDutiesConsent_RefusedUntilGiven()
    {
        var world = await app.WorldAsync(1);
        var teacher = await People.BasesData.MentorAsync(app, world.Tree, world.Program, AppFixture.Unique("Учителева"));
        await using var db = app.Db();
        var mentorProfile = await db.MentorProfiles.Where(m => m.PersonId == teacher.Id).Select(m => m.Id).SingleAsync();
        var runId = await app.DraftRunAsync(world, [(world.Mentees[0], mentorProfile)]);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var refused = await client.ApproveAsync(runId);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Нет согласия педагога на возложение дополнительных обязанностей", html);
        Assert.Contains(teacher.LastName, html);

        db.Consents.Add(new Nastavnik.Data.Entities.People.Consent
        {
            PersonId = teacher.Id, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Purpose = ConsentPurpose.ExtraDuties,
            Signer = ConsentSigner.Self, GivenOn = new DateOnly(2026, 9, 1), FormVersion = "2026-1",
        });
        await db.SaveChangesAsync();
        MatchingData.AssertRedirect(await client.ApproveAsync(runId));
    }

    [Fact]
    public async Task Approve_TwoRunsWithTheSameMenteeAtOnce_ExactlyOneCreatesThePair()
    {
        var world = await app.WorldAsync(1, 2, 2);
        var first = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[0])]);
        var second = await app.DraftRunAsync(world, [(world.Mentees[0], world.Mentors[1])]);
        var one = await app.SignInAsAsync(Role.Curator, world.Tree);
        var other = await app.SignInAsAsync(Role.Curator, world.Tree);
        // Both forms are opened before either approval, as two curators would.
        var firstVersion = await one.ApprovalVersionAsync(first);
        var secondVersion = await other.ApprovalVersionAsync(second);

        await Task.WhenAll(one.ApproveAsync(first, version: firstVersion), other.ApproveAsync(second, version: secondVersion));

        await using var check = app.Db();
        var person = await check.MenteeProfiles.Where(m => m.Id == world.Mentees[0]).Select(m => m.PersonId).SingleAsync();
        Assert.Equal(1, await check.GroupMembers.CountAsync(m => m.PersonId == person && m.Role == MemberRole.Mentee && m.Group.Status == GroupStatus.Active));
        Assert.Equal(1, await check.MatchRuns.CountAsync(r => (r.Id == first || r.Id == second) && r.Status == Nastavnik.Domain.Matching.MatchRunStatus.Approved));
    }
}

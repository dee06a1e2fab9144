using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>In a group the members and their parents see the other children as «Мария И.», never their class or requests.</summary>
[Collection(Collections.Pairs)]
public class GroupPrivacyTests(AppFixture app)
{
    private const string OtherRequest = "Боюсь выступать перед классом";

    [Fact]
    public async Task CardAndMine_Mentee_SeesOtherChildAsFirstNameAndInitial()
    {
        var (world, last) = await GroupAsync();
        var mentee = await app.SignInAsync(world.MenteeLogin);

        var card = await (await mentee.GetAsync($"/Pairs/Card/{world.GroupId}")).Content.ReadAsStringAsync();
        var mine = await (await mentee.GetAsync("/Pairs/Mine")).Content.ReadAsStringAsync();

        foreach (var html in new[] { card, mine })
        {
            Assert.Contains($"Мария {last[0]}.", html);
            Assert.DoesNotContain(last, html);
        }
        Assert.DoesNotContain("6В", card);
        Assert.DoesNotContain(OtherRequest, card);
        Assert.Contains(world.MenteeName, card);
    }

    [Fact]
    public async Task Card_ParentOfMentee_SeesOtherChildAsFirstNameAndInitial()
    {
        var (world, last) = await GroupAsync();
        var parentLogin = await app.CreateUserAsync(Role.LegalRepresentative, world.Tree);
        await using (var db = app.Db())
        {
            var parent = new Person
            {
                RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Kind = PersonKind.Parent, LastName = "Родителева",
                FirstName = "Ольга", Status = PersonStatus.Active,
            };
            db.LegalRepresentatives.Add(new LegalRepresentative { ChildId = world.MenteePersonId, Representative = parent, Relationship = Relationship.Mother });
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(u => u.UserName == parentLogin)).PersonId = parent.Id;
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(parentLogin);

        var card = await (await client.GetAsync($"/Pairs/Card/{world.GroupId}")).Content.ReadAsStringAsync();

        Assert.Contains($"Мария {last[0]}.", card);
        Assert.DoesNotContain(last, card);
        Assert.DoesNotContain(OtherRequest, card);
        Assert.Contains(world.MenteeName, card);
    }

    [Fact]
    public async Task Card_Mentor_SeesMenteesInFull()
    {
        var (world, last) = await GroupAsync();
        var mentor = await app.SignInAsync(world.MentorLogin);

        var card = await (await mentor.GetAsync($"/Pairs/Card/{world.GroupId}")).Content.ReadAsStringAsync();

        Assert.Contains(last, card);
        Assert.Contains(OtherRequest, card);
    }

    private async Task<(CardTestData.PairWorld World, string LastName)> GroupAsync()
    {
        var world = await app.PairAsync(isGroup: true);
        var last = "Другова" + Guid.NewGuid().ToString("N")[..4];
        await using var db = app.Db();
        var programId = await db.MentoringGroups.Where(g => g.Id == world.GroupId).Select(g => g.ProgramId).SingleAsync();
        var other = new Person
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Kind = PersonKind.Pupil, LastName = last,
            FirstName = "Мария", MiddleName = "Сергеевна", ClassName = "6В", Grade = 6, Status = PersonStatus.Active,
        };
        db.GroupMembers.Add(new GroupMember
        {
            GroupId = world.GroupId, Person = other, Role = MemberRole.Mentee, JoinedOn = world.Start,
            MenteeProfile = new MenteeProfile
            {
                Person = other, ProgramId = programId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId,
                Source = RequestSource.Self, EntryDate = world.Start, RequestText = OtherRequest,
            },
        });
        await db.SaveChangesAsync();
        return (world, last);
    }
}

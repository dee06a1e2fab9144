using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Pairs;

namespace Nastavnik.IntegrationTests.Consents;

[Collection(Collections.Pairs)]
public class MineTests(AppFixture app)
{
    /// <summary>The pair's mentee (a 5th-grader) with a mother who signed the processing consent on 01.09.2026.</summary>
    private async Task<(CardTestData.PairWorld World, Person Mother)> MenteeWithConsentAsync()
    {
        var world = await app.PairAsync();
        var mother = await app.InsertAsync(new Person
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, Kind = PersonKind.Parent,
            LastName = AppFixture.Unique("Матерова"), FirstName = "Ольга", MiddleName = "Петровна", Status = PersonStatus.Active,
        });
        await app.InsertAsync(new LegalRepresentative { ChildId = world.MenteePersonId, RepresentativeId = mother.Id, Relationship = Relationship.Mother });
        await app.InsertAsync(new Consent
        {
            PersonId = world.MenteePersonId, RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId,
            Purpose = ConsentPurpose.Processing, Signer = ConsentSigner.Representative, RepresentativeId = mother.Id, Authority = "parent",
            GivenOn = new DateOnly(2026, 9, 1), DocumentNumber = "С-17",
        });
        return (world, mother);
    }

    [Fact]
    public async Task Get_Mentee_SeesOwnConsentProcessingAllowedAndReadAudited()
    {
        var (world, mother) = await MenteeWithConsentAsync();
        var client = await app.SignInAsync(world.MenteeLogin);

        var response = await client.GetAsync("/Consents/Mine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(world.MenteeName, html);
        Assert.Contains("Согласие на обработку персональных данных", html);
        Assert.Contains("01.09.2026", html);
        Assert.Contains("С-17", html);
        Assert.Contains($"законный представитель {mother.LastName} Ольга Петровна", html);
        Assert.Contains("Обработка персональных данных разрешена", html);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "Person" && a.EntityId == world.MenteePersonId.ToString()
            && db.Users.Any(u => u.Id == a.UserId && u.UserName == world.MenteeLogin)));
    }

    [Fact]
    public async Task Get_MentorOfThePair_SeesOwnStateNotTheMenteesConsents()
    {
        var (world, _) = await MenteeWithConsentAsync();
        var client = await app.SignInAsync(world.MentorLogin);

        var html = await (await client.GetAsync("/Consents/Mine")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(world.MenteeName, html);
        Assert.DoesNotContain("С-17", html);
        Assert.Contains("Согласий пока нет", html);
        Assert.Contains("Обработка персональных данных не разрешена", html);
    }

    [Fact]
    public async Task Get_Parent_SeesTheChildsConsents()
    {
        var (world, mother) = await MenteeWithConsentAsync();
        var login = await app.CreateUserAsync(Role.LegalRepresentative, world.Tree);
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.UserName == login)).PersonId = mother.Id;
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(login);

        var html = await (await client.GetAsync("/Consents/Mine")).Content.ReadAsStringAsync();

        Assert.Contains($"{world.MenteeName} (ребёнок)", html);
        Assert.Contains("С-17", html);
    }

    [Fact]
    public async Task Get_AccountWithoutPerson_ExplainsWhomToAsk()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Mentee, tree);

        var html = await (await client.GetAsync("/Consents/Mine")).Content.ReadAsStringAsync();

        Assert.Contains("не связана с карточкой участника", html);
    }

    [Fact]
    public async Task Get_Curator_Forbidden()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync("/Consents/Mine");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

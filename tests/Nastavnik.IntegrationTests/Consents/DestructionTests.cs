using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Consents;
using Npgsql;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Consents;

[Collection(Collections.Pairs)]
public class DestructionTests(AppFixture app)
{
    private DestructionService Service(int days = 30) => new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new DestructionService.Settings { DestroyAfterDays = days }), TimeProvider.System, NullLogger<DestructionService>.Instance);

    /// <summary>A pupil with a parent's consent, a scan, card history and a mentee profile, withdrawn and blocked at <paramref name="blockedAt"/>.</summary>
    private async Task<long> BlockedPupilAsync(AppFixture.Tree tree, DateTimeOffset blockedAt, DateOnly withdrawnOn)
    {
        var (pupilId, parentId, _) = await PupilWithParentAsync(app, tree, 12);
        await using var db = app.Db();
        var pupil = await db.People.SingleAsync(p => p.Id == pupilId);
        pupil.Status = PersonStatus.Blocked;
        pupil.BlockedAt = blockedAt;
        db.Consents.Add(new Consent
        {
            PersonId = pupilId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = ConsentPurpose.Processing,
            Signer = ConsentSigner.Representative, RepresentativeId = parentId, Authority = "parent", GivenOn = withdrawnOn.AddMonths(-2),
            WithdrawnOn = withdrawnOn, ScanFileName = "скан.pdf", ScanContent = "%PDF-1.4"u8.ToArray(), DocumentNumber = "С-1",
        });
        db.PersonChanges.Add(new PersonChange { PersonId = pupilId, Field = "ClassName", OldValue = "6Б", NewValue = "7Б" });
        var program = new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = "Программа", Family = ModelFamily.Learners,
            PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 5, 31),
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        db.MenteeProfiles.Add(new MenteeProfile
        {
            PersonId = pupilId, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Source = RequestSource.Parents, EntryDate = new DateOnly(2026, 9, 10), Status = ParticipationStatus.Left, RequestText = "трудности с математикой",
        });
        await db.SaveChangesAsync();
        return pupilId;
    }

    [Fact]
    public async Task RunOnce_AfterDelay_ErasesFieldsAndWritesActOnce()
    {
        var tree = await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        var pupil = await BlockedPupilAsync(tree, now.AddDays(-31), new DateOnly(2026, 10, 20));

        Assert.True(await Service().RunOnceAsync(now) >= 1);

        await using (var db = app.Db())
        {
            var person = await db.People.Include(p => p.Consents).SingleAsync(p => p.Id == pupil);
            Assert.Equal(PersonStatus.Destroyed, person.Status);
            Assert.Equal("Удалено", person.LastName);
            Assert.Equal("Удалено", person.FirstName);
            Assert.Equal("", person.MiddleName);
            Assert.Null(person.BirthDate);
            Assert.Equal("", person.Phone);
            Assert.Equal("", person.ClassName);
            Assert.Empty(person.SpecialCategories);
            Assert.All(person.Consents, c => Assert.Null(c.ScanContent));
            Assert.False(await db.PersonChanges.AnyAsync(c => c.PersonId == pupil));
            var profile = await db.MenteeProfiles.SingleAsync(m => m.PersonId == pupil);
            Assert.Equal(ParticipationStatus.Left, profile.Status);
            Assert.Equal("", profile.RequestText);
            var act = await db.DestructionActs.SingleAsync(a => a.PersonId == pupil);
            Assert.Equal("Отзыв согласия от 20.10.2026", act.Basis);
            Assert.Null(act.UserId);
            Assert.Equal(tree.OrganizationId, act.OrganizationId);
            Assert.Contains("карточка: ФИО", act.Fields);
            Assert.Contains("документы законных представителей — ", act.Fields);
            // The mother was held only as this pupil's representative: erased with her own act.
            var mother = await db.LegalRepresentatives.Where(r => r.ChildId == pupil).Select(r => r.Representative).SingleAsync();
            Assert.Equal(PersonStatus.Destroyed, mother.Status);
            Assert.Equal("Удалено", mother.LastName);
            Assert.Equal("", mother.Phone);
            Assert.StartsWith("Отзыв согласия от 20.10.2026", (await db.DestructionActs.SingleAsync(a => a.PersonId == mother.Id)).Basis);
        }

        Assert.Equal(0, await Service().RunOnceAsync(now));
        await using var check = app.Db();
        Assert.Equal(1, await check.DestructionActs.CountAsync(a => a.PersonId == pupil));
    }

    [Fact]
    public async Task RunOnce_RepresentativeOfAnotherChild_Kept()
    {
        var tree = await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        var pupil = await BlockedPupilAsync(tree, now.AddDays(-31), Today.AddDays(-31));
        long motherId;
        await using (var db = app.Db())
        {
            motherId = await db.LegalRepresentatives.Where(r => r.ChildId == pupil).Select(r => r.RepresentativeId).SingleAsync();
            var sibling = new Person
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Брат", FirstName = "Пётр",
            };
            sibling.Representatives.Add(new LegalRepresentative { RepresentativeId = motherId, Relationship = Relationship.Mother });
            db.People.Add(sibling);
            await db.SaveChangesAsync();
        }

        await Service().RunOnceAsync(now);

        await using var check = app.Db();
        Assert.Equal(PersonStatus.Destroyed, await check.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
        var mother = await check.People.SingleAsync(p => p.Id == motherId);
        Assert.NotEqual(PersonStatus.Destroyed, mother.Status);
        Assert.Equal("Анна", mother.FirstName);
    }

    [Fact]
    public async Task RunOnce_BeforeDelay_KeepsData()
    {
        var tree = await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        var pupil = await BlockedPupilAsync(tree, now.AddDays(-10), Today);

        await Service().RunOnceAsync(now);

        await using (var db = app.Db())
        {
            var person = await db.People.SingleAsync(p => p.Id == pupil);
            Assert.Equal(PersonStatus.Blocked, person.Status);
            Assert.NotEqual("Удалено", person.LastName);
            Assert.False(await db.DestructionActs.AnyAsync(a => a.PersonId == pupil));
        }

        // With the delay set to 0 the same person goes at once.
        await Service(days: 0).RunOnceAsync(now);
        await using var check = app.Db();
        Assert.Equal(PersonStatus.Destroyed, await check.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task RunOnce_AnotherNodeHoldsLock_DoesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        var pupil = await BlockedPupilAsync(tree, now.AddDays(-40), Today.AddDays(-40));
        await using (var other = new NpgsqlConnection(app.ConnectionString))
        {
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"select pg_advisory_lock({AdvisoryLocks.Destruction})", other)) await take.ExecuteNonQueryAsync();

            Assert.Equal(0, await Service().RunOnceAsync(now));
            await using (var db = app.Db())
                Assert.Equal(PersonStatus.Blocked, await db.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({AdvisoryLocks.Destruction})", other);
            await release.ExecuteNonQueryAsync();
        }

        Assert.True(await Service().RunOnceAsync(now) >= 1);
        await using var check = app.Db();
        Assert.Equal(PersonStatus.Destroyed, await check.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task Acts_Curator_SeesOwnOrganizationsActsOnly()
    {
        var tree = await app.CreateTreeAsync();
        var otherTree = await app.CreateTreeAsync();
        var now = DateTimeOffset.UtcNow;
        var pupil = await BlockedPupilAsync(tree, now.AddDays(-31), new DateOnly(2026, 10, 21));
        var foreign = await BlockedPupilAsync(otherTree, now.AddDays(-31), new DateOnly(2026, 10, 22));
        await Service().RunOnceAsync(now);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync("/Consents/Acts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Отзыв согласия от 21.10.2026", html);
        Assert.DoesNotContain("Отзыв согласия от 22.10.2026", html);
        Assert.NotEqual(pupil, foreign);
    }
}

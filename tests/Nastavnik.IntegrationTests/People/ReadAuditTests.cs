using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Pairs;

namespace Nastavnik.IntegrationTests.People;

/// <summary>Reads of personal data are logged where they happen, by ids and counts, never by name.</summary>
[Collection(Collections.Pairs)]
public class ReadAuditTests(AppFixture app)
{
    [Fact]
    public async Task PairsIndex_StaffView_LogsOneEntryWithPairIdsAndNoNames()
    {
        var world = await app.PairAsync();
        var curator = await app.CreateUserAsync(Role.Curator, world.Tree);
        var client = await app.SignInAsync(curator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Pairs")).StatusCode);

        await using var db = app.Db();
        var entry = await db.AuditEntries.Where(a => a.Action == AuditAction.Read && a.EntityType == nameof(MentoringGroup)
            && db.Users.Any(u => u.Id == a.UserId && u.UserName == curator)).SingleAsync();
        Assert.Contains(world.GroupId.ToString(), entry.EntityId.Split(','));
        Assert.StartsWith("список пар, просмотр: ", entry.Details);
        Assert.Equal("", entry.UserName);
        var names = await db.People.Where(p => p.Id == world.MenteePersonId || p.Id == world.MentorPersonId).Select(p => p.LastName).ToListAsync();
        foreach (var name in names) Assert.DoesNotContain(name, entry.Details + entry.EntityId);
    }

    [Fact]
    public async Task PairCard_ParticipantView_IsLogged()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MenteeLogin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Pairs/Card/{world.GroupId}")).StatusCode);

        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == nameof(MentoringGroup)
            && a.EntityId == world.GroupId.ToString() && a.Details.StartsWith("карточка пары (участник)")
            && db.Users.Any(u => u.Id == a.UserId && u.UserName == world.MenteeLogin)));
    }

    [Fact]
    public async Task MenteesIndexAndEditForm_StaffView_AreLoggedByPersonIds()
    {
        var world = await app.PairAsync();
        var curator = await app.CreateUserAsync(Role.Curator, world.Tree);
        var client = await app.SignInAsync(curator);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/People/Mentees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/Edit/{world.MenteePersonId}")).StatusCode);

        await using var db = app.Db();
        var mine = db.AuditEntries.Where(a => a.Action == AuditAction.Read && db.Users.Any(u => u.Id == a.UserId && u.UserName == curator));
        var list = await mine.SingleAsync(a => a.Details.StartsWith("база наставляемых, просмотр: "));
        Assert.Equal(nameof(Person), list.EntityType);
        Assert.True(await mine.AnyAsync(a => a.EntityType == nameof(Person) && a.EntityId == world.MenteePersonId.ToString() && a.Details == "форма изменения"));
    }
}

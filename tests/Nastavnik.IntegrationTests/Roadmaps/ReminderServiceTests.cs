using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Roadmaps;
using Npgsql;
using static Nastavnik.IntegrationTests.Roadmaps.ControlTestData;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public class ReminderServiceTests(AppFixture app)
{
    // Far from the real date and from other tests' occurrences (2020–2024): only this test's rows are in the window.
    private static readonly DateOnly Today = new(2031, 3, 10);

    [Fact]
    public async Task RunOnce_Twice_MakesOneNotificationAndOneEmailPerResponsibleUser()
    {
        var tree = await app.CreateTreeAsync();
        var curator = await UserAsync(Role.Curator, tree, AppFixture.Unique("curator").Replace(' ', '-') + "@example.org");
        var head = await UserAsync(Role.OrgHead, tree, null);
        var coordinator = await UserAsync(Role.MunicipalCoordinator, tree, "coordinator-" + Guid.NewGuid().ToString("N")[..6] + "@example.org");
        var roadmap = await CreateAsync(app, tree,
        [
            new(tree.OrganizationId, Today.AddDays(3), Title: "Скоро срок"),
            new(tree.OrganizationId, Today.AddDays(2), OccurrenceStatus.Done, Today.AddDays(-1), "Уже выполнено"),
            new(tree.OrganizationId, Today.AddDays(2), OccurrenceStatus.NotRequired, Title: "Не требуется"),
            new(tree.OrganizationId, Today.AddDays(20), Title: "Ещё не скоро"),
        ]);
        await using var factory = Factory(app.ConnectionString);
        var service = factory.Services.GetRequiredService<ReminderService>();

        var first = await RunAsync(service, Today);
        var second = await RunAsync(service, Today);

        Assert.True(first.Notifications >= 2);
        Assert.Equal(0, second.Notifications);
        await using var db = app.Db();
        var due = roadmap.OccurrenceIds[0];
        var curatorNotes = await db.Notifications.Where(n => n.UserId == curator.Id).ToListAsync();
        var note = Assert.Single(curatorNotes);
        Assert.Equal($"occurrence:{due}:due-7", note.DedupKey);
        Assert.Contains("Скоро срок", note.Text);
        Assert.Contains(Today.AddDays(3).ToString("dd.MM.yyyy"), note.Text);
        Assert.Equal($"/Roadmaps/Occurrence/{due}", note.Link);
        Assert.Single(await db.Notifications.Where(n => n.UserId == head.Id).ToListAsync());
        // An organization's item is for the school's people, not the coordinator.
        Assert.Empty(await db.Notifications.Where(n => n.UserId == coordinator.Id).ToListAsync());
        var mail = Assert.Single(await db.EmailOutbox.Where(m => m.ToAddress == curator.Email).ToListAsync());
        Assert.Contains("Скоро срок", mail.Body);
        Assert.Null(mail.SentAt);
        // Done, not required and not-yet-due occurrences are not reminded.
        string[] quiet = [.. roadmap.OccurrenceIds.Skip(1).Select(id => $"occurrence:{id}:due-7")];
        Assert.False(await db.Notifications.AnyAsync(n => quiet.Contains(n.DedupKey)));
    }

    [Fact]
    public async Task RunOnce_OverdueMunicipalItem_NotifiesTheCoordinators()
    {
        var tree = await app.CreateTreeAsync();
        var coordinator = await UserAsync(Role.MunicipalCoordinator, tree, "mc-" + Guid.NewGuid().ToString("N")[..6] + "@example.org");
        var curator = await UserAsync(Role.Curator, tree, null);
        var roadmap = await CreateAsync(app, tree, [new(null, Today.AddDays(-3), OccurrenceStatus.InProgress, Title: "Муниципальное просроченное")]);
        await using var factory = Factory(app.ConnectionString);

        await RunAsync(factory.Services.GetRequiredService<ReminderService>(), Today);

        await using var db = app.Db();
        var note = Assert.Single(await db.Notifications.Where(n => n.UserId == coordinator.Id).ToListAsync());
        Assert.Equal($"occurrence:{roadmap.OccurrenceIds[0]}:overdue", note.DedupKey);
        Assert.StartsWith("Просрочено мероприятие", note.Text);
        Assert.Empty(await db.Notifications.Where(n => n.UserId == curator.Id).ToListAsync());
        Assert.Single(await db.EmailOutbox.Where(m => m.ToAddress == coordinator.Email).ToListAsync());
    }

    [Fact]
    public async Task RunOnce_RegionalItem_NotifiesTheRegionAdministrators()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await UserAsync(Role.RegionAdmin, tree, null);
        var coordinator = await UserAsync(Role.MunicipalCoordinator, tree, null);
        await CreateAsync(app, tree, [new(null, Today.AddDays(7), Title: "Региональное мероприятие")], level: RoadmapLevel.Region);
        await using var factory = Factory(app.ConnectionString);

        await RunAsync(factory.Services.GetRequiredService<ReminderService>(), Today);

        await using var db = app.Db();
        Assert.Contains("Региональное мероприятие", Assert.Single(await db.Notifications.Where(n => n.UserId == admin.Id).ToListAsync()).Text);
        Assert.Empty(await db.Notifications.Where(n => n.UserId == coordinator.Id).ToListAsync());
    }

    [Fact]
    public async Task RunOnce_DraftRoadmap_IsNotReminded()
    {
        var tree = await app.CreateTreeAsync();
        var curator = await UserAsync(Role.Curator, tree, null);
        await CreateAsync(app, tree, [new(tree.OrganizationId, Today.AddDays(1))], RoadmapStatus.Draft);
        await using var factory = Factory(app.ConnectionString);

        await RunAsync(factory.Services.GetRequiredService<ReminderService>(), Today);

        await using var db = app.Db();
        Assert.Empty(await db.Notifications.Where(n => n.UserId == curator.Id).ToListAsync());
    }

    [Fact]
    public async Task RunOnce_LockHeldByAnotherNode_SkipsAndWritesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var curator = await UserAsync(Role.Curator, tree, null);
        await CreateAsync(app, tree, [new(tree.OrganizationId, Today.AddDays(1))]);
        await using var factory = Factory(app.ConnectionString);
        var service = factory.Services.GetRequiredService<ReminderService>();
        await using var other = new NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"select pg_advisory_xact_lock({AdvisoryLocks.RoadmapReminders})", other, tx))
        {
            await take.ExecuteNonQueryAsync();
        }

        var run = await service.RunOnceAsync(Today);

        Assert.True(run.Skipped);
        await using var db = app.Db();
        Assert.Empty(await db.Notifications.Where(n => n.UserId == curator.Id).ToListAsync());
        await tx.RollbackAsync();
        Assert.False((await service.RunOnceAsync(Today)).Skipped);
        Assert.Single(await db.Notifications.Where(n => n.UserId == curator.Id).ToListAsync());
    }

    [Fact]
    public async Task Service_Enabled_ScansOnStart()
    {
        var today = DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));
        var tree = await app.CreateTreeAsync();
        var curator = await UserAsync(Role.Curator, tree, null);
        var roadmap = await CreateAsync(app, tree, [new(tree.OrganizationId, today.AddDays(2), Title: "Срок через два дня")]);

        await using var factory = Factory(app.ConnectionString, enabled: true);

        await using var db = app.Db();
        var key = $"occurrence:{roadmap.OccurrenceIds[0]}:due-7";
        for (var i = 0; i < 100 && !await db.Notifications.AnyAsync(n => n.UserId == curator.Id && n.DedupKey == key); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == curator.Id && n.DedupKey == key));
    }

    public sealed record TestUser(long Id, string Login, string? Email);

    private async Task<TestUser> UserAsync(Role role, AppFixture.Tree tree, string? email)
    {
        var login = await app.CreateUserAsync(role, tree);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == login);
        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        await db.SaveChangesAsync();
        return new TestUser(user.Id, login, email);
    }

    /// <summary>A site with the roadmap services registered, the background loops off unless asked for.</summary>
    public static WebApplicationFactory<Program> Factory(string cs, bool enabled = false, string smtpHost = "", int smtpPort = 25) =>
        AppFixture.CreateFactory(cs, b =>
        {
            b.UseSetting("Nastavnik:Reminders:Enabled", enabled ? "true" : "false");
            b.UseSetting("Nastavnik:Smtp:Enabled", enabled ? "true" : "false");
            b.UseSetting("Nastavnik:Smtp:Host", smtpHost);
            b.UseSetting("Nastavnik:Smtp:Port", smtpPort.ToString());
            b.UseSetting("Nastavnik:Smtp:From", "nastavnik@example.org");
            b.ConfigureServices(s => s.AddRoadmapServices());
        });

    /// <summary>A scan, retried while another scan (a node's background loop) holds the lock.</summary>
    private static async Task<ReminderService.Run> RunAsync(ReminderService service, DateOnly today)
    {
        for (var i = 0; ; i++)
        {
            var run = await service.RunOnceAsync(today);
            if (!run.Skipped || i >= 50) return run;
            await Task.Delay(100);
        }
    }
}

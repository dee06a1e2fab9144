using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Pairs.Watch;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class WatchRemindersTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    [Fact]
    public async Task RunOnce_Twice_RemindsCuratorAndSilentMemberOnce()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var curatorLogin = await app.CreateUserAsync(Role.Curator, tree);
        var stalled = await app.PairAsync(tree, program.Id, Today.AddDays(-50));
        await app.FeedbackAsync(tree, stalled, MemberRole.Mentor, DateTimeOffset.UtcNow.AddDays(-1));
        var mentee = new User
        {
            UserName = "m" + Guid.NewGuid().ToString("N")[..12], FullName = stalled.MenteeName, PersonId = stalled.MenteeId,
            Email = $"mentee-{Guid.NewGuid():N}@example.org", SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        mentee.NormalizedUserName = mentee.UserName.ToUpperInvariant();
        await app.InsertAsync(mentee);
        var service = app.Factory.Services.GetRequiredService<PairReminderService>();
        var nodes = WatchNodes.OfOrganizations([tree.OrganizationId]);

        var first = await service.RunOnceAsync(Today, only: nodes);
        var second = await service.RunOnceAsync(Today, only: nodes);

        await using var db = app.Db();
        var curatorId = await db.Users.Where(u => u.UserName == curatorLogin).Select(u => u.Id).SingleAsync();
        var keys = await db.Notifications.Where(n => n.UserId == curatorId || n.UserId == mentee.Id)
            .Select(n => new { n.UserId, n.DedupKey }).ToListAsync();
        var month = $"{Today:yyyy-MM}";
        Assert.Equal(
            [$"{curatorId}:pair:{stalled.Id}:contacts-overdue:{month}", $"{curatorId}:pair:{stalled.Id}:stalled:{month}", $"{mentee.Id}:pair:{stalled.Id}:feedback:{month}"],
            keys.Select(k => $"{k.UserId}:{k.DedupKey}").Order());
        Assert.Equal(3, first.Notifications);
        Assert.Equal(0, second.Notifications);
        // The mentor gave feedback yesterday and has no login anyway; only the mentee's side is silent.
        Assert.Equal(1, await db.EmailOutbox.CountAsync(m => m.ToAddress == mentee.Email));
    }
}

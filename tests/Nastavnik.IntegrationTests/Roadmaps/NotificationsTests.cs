using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

[Collection(Collections.Roadmaps)]
public partial class NotificationsTests(AppFixture app)
{
    [Fact]
    public async Task Get_OwnNotifications_NewestFirstUnreadBoldOthersHidden()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.Mentor, tree);
        var otherLogin = await app.CreateUserAsync(Role.Curator, tree);
        var (me, other) = await IdsAsync(login, otherLogin);
        var now = DateTimeOffset.UtcNow;
        await AddAsync(me, "Старое прочитанное уведомление", now.AddDays(-2), read: true);
        await AddAsync(me, "Новое непрочитанное уведомление", now.AddMinutes(-1));
        await AddAsync(other, "Чужое уведомление", now);
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync("/Roadmaps/Notifications");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Чужое уведомление", html);
        var items = Item().Matches(html).Select(m => (Class: m.Groups[1].Value, Unread: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("Новое непрочитанное уведомление", items[0].Text);
        Assert.Contains("fw-bold", items[0].Class);
        Assert.Equal("true", items[0].Unread);
        Assert.Contains("Старое прочитанное уведомление", items[1].Text);
        Assert.DoesNotContain("fw-bold", items[1].Class);
        Assert.Contains("Непрочитанных: 1", html);
    }

    [Fact]
    public async Task Post_MarkRead_MarksOnlyOwnUnreadAndRedirects()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.OrgHead, tree);
        var otherLogin = await app.CreateUserAsync(Role.OrgHead, tree);
        var (me, other) = await IdsAsync(login, otherLogin);
        await AddAsync(me, "Первое", DateTimeOffset.UtcNow.AddMinutes(-5));
        await AddAsync(me, "Второе", DateTimeOffset.UtcNow);
        await AddAsync(other, "Чужое непрочитанное", DateTimeOffset.UtcNow);
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync("/Roadmaps/Notifications", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == me && n.ReadAt == null));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == other && n.ReadAt == null));
        var page = await client.GetStringAsync("/Roadmaps/Notifications");
        Assert.Contains("Отмечено прочитанными: 2 уведомления.", page);
        Assert.Contains("Непрочитанных: 0", page);
        Assert.DoesNotContain("data-unread=\"true\"", page);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        var response = await app.Client().GetAsync("/Roadmaps/Notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    private async Task<(long, long)> IdsAsync(string login, string otherLogin)
    {
        await using var db = app.Db();
        var ids = await db.Users.Where(u => u.UserName == login || u.UserName == otherLogin).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        return (ids[login], ids[otherLogin]);
    }

    private Task<Notification> AddAsync(long userId, string text, DateTimeOffset at, bool read = false) =>
        app.InsertAsync(new Notification { UserId = userId, Text = text, CreatedAt = at, ReadAt = read ? at : null });

    [GeneratedRegex("<li class=\"list-group-item ([^\"]*)\" data-unread=\"(true|false)\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();
}

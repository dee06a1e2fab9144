using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Account;

[Collection(Collections.Roadmaps)]
public class LoginTests(AppFixture app)
{
    [Fact]
    public async Task Post_WithRightPassword_SignsInAndShowsRoleOnHome()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Куратор ОО", await home.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignIn && a.RegionId == tree.RegionId && a.UserId != null && a.UserName == ""));
    }

    [Fact]
    public async Task Post_WithWrongPassword_ShowsRussianErrorAndAudits()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());
        var client = app.Client();

        var response = await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Неверный логин или пароль", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var userId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.SignInFailed && a.EntityId == userId.ToString());
        Assert.Equal(userId, entry.UserId);
        Assert.Equal("", entry.UserName);
        Assert.NotNull(entry.RegionId);
    }

    [Fact]
    public async Task Post_UnknownLogin_AuditsHashNotTypedText()
    {
        var typed = AppFixture.Unique("Иванова.Маша");

        await app.Client().PostFormAsync("/Account/Login", new() { ["Form.UserName"] = typed, ["Form.Password"] = "wrong-password-1" });

        await using var db = app.Db();
        var hash = AuditActor.LoginHash(typed);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.SignInFailed && a.Details.Contains(hash));
        Assert.DoesNotContain(typed, entry.Details + entry.UserName);
        Assert.Matches("^sha256:[0-9a-f]{16}$", hash);
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksAccountEvenForRightPassword()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = "wrong-password-1" });
        }

        var response = await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("заблокирована", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var lockoutEnd = await db.Users.Where(u => u.UserName == login).Select(u => u.LockoutEnd).SingleAsync();
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task Get_HomeWithoutSignIn_RedirectsToLogin()
    {
        var response = await app.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_Logout_EndsSession()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var logout = await client.PostFormAsync("/Account/Logout", [], getUrl: "/");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Get_Home_ServesRussianAsUtf8NotEntities()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains("Здравствуйте", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Post_ParticipantWhoseConsentWasWithdrawn_RefusedLikeWrongPassword()
    {
        var pair = await Pairs.CardTestData.PairAsync(app);
        await using (var db = app.Db())
        {
            await db.People.Where(p => p.Id == pair.MenteePersonId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, Nastavnik.Domain.People.PersonStatus.Blocked));
        }

        var response = await app.Client().PostFormAsync("/Account/Login", new() { ["Form.UserName"] = pair.MenteeLogin, ["Form.Password"] = AppFixture.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Неверный логин или пароль", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ParticipantBlockedWhileSignedIn_SessionEndsAtNextRequest()
    {
        var pair = await Pairs.CardTestData.PairAsync(app);
        var client = await app.SignInAsync(pair.MenteeLogin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Pairs/Mine")).StatusCode);
        await using (var db = app.Db())
        {
            await db.People.Where(p => p.Id == pair.MenteePersonId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, Nastavnik.Domain.People.PersonStatus.Blocked));
        }

        var response = await client.GetAsync("/Pairs/Mine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString());
    }
}

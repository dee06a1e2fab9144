using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;
using Nastavnik.IntegrationTests.Pairs;
using Nastavnik.Web.Features.Account;

namespace Nastavnik.IntegrationTests.Account;

/// <summary>Re-issue and revocation of one-time codes by the curator or head of the participant's school.</summary>
[Collection(Collections.Roadmaps)]
public partial class CodesTests(AppFixture app)
{
    private const string NewPassword = "новый-пароль-456";

    private sealed record World(CardTestData.PairWorld Pair, HttpClient Curator, long MenteeUserId);

    /// <summary>A pair whose mentee already has a login with a password (<see cref="AppFixture.Password"/>), and its curator signed in.</summary>
    private async Task<World> WorldAsync()
    {
        var pair = await app.PairAsync();
        var curator = await app.SignInAsync(pair.CuratorLogin);
        await using var db = app.Db();
        var userId = await db.Users.Where(u => u.UserName == pair.MenteeLogin).Select(u => u.Id).SingleAsync();
        return new World(pair, curator, userId);
    }

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient client, long userId) =>
        await client.PostFormAsync("/Account/Codes?handler=Issue", new() { ["userId"] = userId.ToString(), ["q"] = "", ["page"] = "1" },
            getUrl: "/Account/ChangePassword");

    private static async Task<HttpResponseMessage> RevokeAsync(HttpClient client, long codeId) =>
        await client.PostFormAsync("/Account/Codes?handler=Revoke", new() { ["codeId"] = codeId.ToString(), ["q"] = "", ["page"] = "1" },
            getUrl: "/Account/ChangePassword");

    /// <summary>Issues a new code and reads it off the downloaded slip (a valid .docx).</summary>
    private static async Task<string> IssuedCodeAsync(HttpClient client, long userId, string login)
    {
        var response = await IssueAsync(client, userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains($"Логин: {login}", text);
        return CodeText().Match(text).Groups[1].Value;
    }

    private static Dictionary<string, string> CodeSignIn(string login, string code, string password = NewPassword) => new()
    {
        ["Form.UserName"] = login, ["Form.Code"] = code, ["Form.NewPassword"] = password, ["Form.Repeat"] = password,
    };

    private async Task<HttpResponseMessage> SignInByCodeAsync(string login, string code) =>
        await app.Client().PostFormAsync("/Account/Code", CodeSignIn(login, code));

    private async Task<HttpStatusCode> PasswordSignInAsync(string login, string password) =>
        (await app.Client().PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = password })).StatusCode;

    [Fact]
    public async Task Issue_Twice_OldCodeRefusedNewCodeForcesNewPassword()
    {
        var w = await WorldAsync();
        var login = w.Pair.MenteeLogin;
        var first = await IssuedCodeAsync(w.Curator, w.MenteeUserId, login);

        var second = await IssuedCodeAsync(w.Curator, w.MenteeUserId, login);

        Assert.NotEqual(first, second);
        await using (var db = app.Db())
        {
            var codes = await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(2, codes.Count);
            Assert.NotNull(codes[0].RevokedAt);
            Assert.Null(codes[1].RevokedAt);
            Assert.InRange(codes[1].ExpiresAt - codes[1].CreatedAt, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14.1));
        }
        var old = await SignInByCodeAsync(login, first);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains(CodeModel.Invalid, await old.Content.ReadAsStringAsync());
        // The old password is left alone until the pupil sets a new one by the code.
        Assert.Equal(HttpStatusCode.Redirect, await PasswordSignInAsync(login, AppFixture.Password));

        var signedIn = await SignInByCodeAsync(login, second);

        MatchingData.AssertRedirect(signedIn, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await PasswordSignInAsync(login, AppFixture.Password));
        Assert.Equal(HttpStatusCode.Redirect, await PasswordSignInAsync(login, NewPassword));
    }

    [Fact]
    public async Task Issue_CodeWithoutAccountPassword_SignInSetsPasswordAndCodeWorksOnce()
    {
        var pair = await app.ClosurePairAsync();
        var curator = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        await curator.PostFormAsync("/Account/CodeSlips", new() { ["PersonIds"] = pair.MenteePersonId.ToString() });
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.PersonId == pair.MenteePersonId);

        var code = await IssuedCodeAsync(curator, user.Id, user.UserName!);

        MatchingData.AssertRedirect(await SignInByCodeAsync(user.UserName!, code));
        Assert.Contains(CodeModel.Invalid, await (await SignInByCodeAsync(user.UserName!, code)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, await PasswordSignInAsync(user.UserName!, NewPassword));
    }

    [Fact]
    public async Task Revoke_ActiveCode_SignInRefusedAsUnknownCode()
    {
        var w = await WorldAsync();
        var code = await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        long codeId;
        await using (var db = app.Db()) codeId = await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).Select(c => c.Id).SingleAsync();

        var response = await RevokeAsync(w.Curator, codeId);

        MatchingData.AssertRedirect(response, await response.Content.ReadAsStringAsync());
        await using (var db = app.Db()) Assert.NotNull((await db.AccessCodes.SingleAsync(c => c.Id == codeId)).RevokedAt);
        var signIn = await SignInByCodeAsync(w.Pair.MenteeLogin, code);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Contains(CodeModel.Invalid, html);
        Assert.DoesNotContain("Срок действия кода истёк", html);
        var list = await (await w.Curator.GetAsync("/Account/Codes")).Content.ReadAsStringAsync();
        Assert.Matches($"id=\"user-{w.MenteeUserId}\"[\\s\\S]*?<td>отозван</td>", list);
    }

    [Fact]
    public async Task Revoke_UsedCode_RefusedWithMessageNothingChanged()
    {
        var w = await WorldAsync();
        var code = await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        MatchingData.AssertRedirect(await SignInByCodeAsync(w.Pair.MenteeLogin, code));
        AccessCode before;
        await using (var db = app.Db()) before = await db.AccessCodes.SingleAsync(c => c.UserId == w.MenteeUserId);

        var response = await RevokeAsync(w.Curator, before.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Код уже использован", await response.Content.ReadAsStringAsync());
        await using (var db = app.Db())
        {
            var after = await db.AccessCodes.SingleAsync(c => c.Id == before.Id);
            Assert.Null(after.RevokedAt);
            Assert.Equal(before.RowVersion, after.RowVersion);
        }
        Assert.Equal(HttpStatusCode.Redirect, await PasswordSignInAsync(w.Pair.MenteeLogin, NewPassword));
    }

    [Fact]
    public async Task Save_CodeRevokedWhileBeingUsed_UseFailsAsConcurrentChange()
    {
        var w = await WorldAsync();
        await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        await using var signIn = app.Db();
        var read = await signIn.AccessCodes.SingleAsync(c => c.UserId == w.MenteeUserId);
        await using (var curator = app.Db())
        {
            (await curator.AccessCodes.SingleAsync(c => c.Id == read.Id)).RevokedAt = DateTimeOffset.UtcNow;
            await curator.SaveChangesAsync();
        }

        read.UsedAt = DateTimeOffset.UtcNow;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => signIn.SaveChangesAsync());
        await using var check = app.Db();
        Assert.Null((await check.AccessCodes.SingleAsync(c => c.Id == read.Id)).UsedAt);
    }

    [Fact]
    public async Task Revoke_AlreadyRevokedCode_RefusedWithMessage()
    {
        var w = await WorldAsync();
        await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        await using var db = app.Db();
        var old = await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).OrderBy(c => c.Id).FirstAsync();

        var response = await RevokeAsync(w.Curator, old.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccessCodeRules.AlreadyRevoked, await response.Content.ReadAsStringAsync());
        Assert.Null((await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).OrderBy(c => c.Id).LastAsync()).RevokedAt);
    }

    [Fact]
    public async Task Issue_PersonOfAnotherSchool_Returns404NoCode()
    {
        var w = await WorldAsync();
        var stranger = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await IssueAsync(stranger, w.MenteeUserId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.AccessCodes.AnyAsync(c => c.UserId == w.MenteeUserId));
        var list = await (await stranger.GetAsync("/Account/Codes")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(w.Pair.MenteeLogin, list);
    }

    [Fact]
    public async Task Revoke_CodeOfAnotherSchool_Returns404CodeStillUsable()
    {
        var w = await WorldAsync();
        var code = await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        long codeId;
        await using (var db = app.Db()) codeId = await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).Select(c => c.Id).SingleAsync();
        var stranger = await app.SignInAsAsync(Role.OrgHead, await app.CreateTreeAsync());

        var response = await RevokeAsync(stranger, codeId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        MatchingData.AssertRedirect(await SignInByCodeAsync(w.Pair.MenteeLogin, code));
    }

    [Theory]
    [InlineData(PersonStatus.AwaitingConsent, AccessCodeRules.NoConsent)]
    [InlineData(PersonStatus.Blocked, AccessCodeRules.Blocked)]
    public async Task Issue_PersonWithoutConsentOrBlocked_RefusedWithMessageNoCode(PersonStatus status, string message)
    {
        var w = await WorldAsync();
        await using (var db = app.Db())
        {
            var person = await db.People.SingleAsync(p => p.Id == w.Pair.MenteePersonId);
            person.Status = status;
            await db.SaveChangesAsync();
        }

        var response = await IssueAsync(w.Curator, w.MenteeUserId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using (var db = app.Db()) Assert.False(await db.AccessCodes.AnyAsync(c => c.UserId == w.MenteeUserId));
    }

    [Fact]
    public async Task Issue_AccountWithStaffRole_RefusedNotListedNoCode()
    {
        var w = await WorldAsync();
        await using (var db = app.Db())
        {
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = w.MenteeUserId, Role = Role.Curator, RegionId = w.Pair.Tree.RegionId, MunicipalityId = w.Pair.Tree.MunicipalityId,
                OrganizationId = w.Pair.Tree.OrganizationId,
            });
            await db.SaveChangesAsync();
        }

        var response = await IssueAsync(w.Curator, w.MenteeUserId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(AccessCodeRules.StaffAccount, html);
        Assert.DoesNotContain($"id=\"user-{w.MenteeUserId}\"", html);
        Assert.Contains(w.Pair.MentorLogin, html);
        await using (var db = app.Db()) Assert.False(await db.AccessCodes.AnyAsync(c => c.UserId == w.MenteeUserId));
    }

    [Fact]
    public async Task Issue_DisabledAccount_RefusedNoCode()
    {
        var w = await WorldAsync();
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.Id == w.MenteeUserId)).IsActive = false;
            await db.SaveChangesAsync();
        }

        var response = await IssueAsync(w.Curator, w.MenteeUserId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccessCodeRules.AccountDisabled, await response.Content.ReadAsStringAsync());
        await using (var db = app.Db()) Assert.False(await db.AccessCodes.AnyAsync(c => c.UserId == w.MenteeUserId));
    }

    [Fact]
    public async Task Issue_WithoutAntiforgeryToken_Returns400NoCode()
    {
        var w = await WorldAsync();

        var response = await w.Curator.PostAsync("/Account/Codes?handler=Issue",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = w.MenteeUserId.ToString() }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.AccessCodes.AnyAsync(c => c.UserId == w.MenteeUserId));
    }

    [Fact]
    public async Task Issue_Slip_AuditedAsExportAndRevocationAudited()
    {
        var w = await WorldAsync();
        await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);

        await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);

        await using var db = app.Db();
        var codes = await db.AccessCodes.Where(c => c.UserId == w.MenteeUserId).OrderBy(c => c.Id).Select(c => c.Id.ToString()).ToListAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(AccessCode) && a.UserId == w.Pair.CuratorUserId).ToListAsync();
        Assert.Equal(5, entries.Count);
        foreach (var id in codes)
        {
            var export = Assert.Single(entries, e => e.Action == AuditAction.Export && e.EntityId == id);
            Assert.Equal(w.Pair.Tree.RegionId, export.RegionId);
            Assert.Single(entries, e => e.Action == AuditAction.Create && e.EntityId == id);
        }
        var revoked = Assert.Single(entries, e => e.Action == AuditAction.Update);
        Assert.Equal(codes[0], revoked.EntityId);
        Assert.Contains(nameof(AccessCode.RevokedAt), revoked.Details);
    }

    [Fact]
    public async Task Get_ListWithSearch_ShowsStateOfLatestCodeAndAccount()
    {
        var w = await WorldAsync();
        var orgHead = await app.SignInAsAsync(Role.OrgHead, w.Pair.Tree);
        await IssuedCodeAsync(orgHead, w.MenteeUserId, w.Pair.MenteeLogin);

        var page = await orgHead.GetAsync($"/Account/Codes?q={Uri.EscapeDataString(w.Pair.MenteeLogin)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var expires = DateOnly.FromDateTime(Nastavnik.Domain.Text.MoscowTime.From(DateTimeOffset.UtcNow.AddDays(14)));
        Assert.Contains($"действует до {expires:dd.MM.yyyy}", html);
        Assert.Contains("пароль задан", html);
        Assert.Contains("Отозвать код", html);
        Assert.Contains("Найдено 1 участник", html);
        Assert.DoesNotContain(w.Pair.MentorLogin, html);
        var all = await (await orgHead.GetAsync("/Account/Codes")).Content.ReadAsStringAsync();
        Assert.Matches($"id=\"user-\\d+\"[\\s\\S]*?{Regex.Escape(w.Pair.MentorLogin)}[\\s\\S]*?<td>не выдавался</td>", all);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "Person"
            && a.EntityId.Contains(w.Pair.MenteePersonId.ToString()) && a.RegionId == w.Pair.Tree.RegionId));
    }

    [Fact]
    public async Task Code_LockedOutAccount_SignInByNewCodeUnlocksPassword()
    {
        var w = await WorldAsync();
        await using (var db = app.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Id == w.MenteeUserId);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            user.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }
        var code = await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);

        MatchingData.AssertRedirect(await SignInByCodeAsync(w.Pair.MenteeLogin, code));

        Assert.Equal(HttpStatusCode.Redirect, await PasswordSignInAsync(w.Pair.MenteeLogin, NewPassword));
    }

    [Fact]
    public async Task Code_PersonBlockedAfterIssue_SignInRefusedCodeKept()
    {
        var w = await WorldAsync();
        var code = await IssuedCodeAsync(w.Curator, w.MenteeUserId, w.Pair.MenteeLogin);
        await using (var db = app.Db())
        {
            await db.People.Where(p => p.Id == w.Pair.MenteePersonId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PersonStatus.Blocked));
        }

        var signIn = await SignInByCodeAsync(w.Pair.MenteeLogin, code);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Вход по коду недоступен", await signIn.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Null(await check.AccessCodes.Where(c => c.UserId == w.MenteeUserId).Select(c => c.UsedAt).SingleAsync());
    }

    [GeneratedRegex("Код: ([A-Z0-9]{8})")]
    private static partial Regex CodeText();
}

using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public partial class AccessCodeTests(AppFixture app)
{
    private async Task<(string Login, string Code, string Text)> SlipAsync(ClosureData.Pair pair)
    {
        var curator = await app.SignInAsAsync(Role.Curator, pair.World.Tree);
        var page = await (await curator.GetAsync("/Account/CodeSlips")).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{pair.MenteePersonId}\"", page);

        var response = await curator.PostFormAsync("/Account/CodeSlips", new() { ["PersonIds"] = pair.MenteePersonId.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        return (LoginText().Match(text).Groups[1].Value, CodeText().Match(text).Groups[1].Value, text);
    }

    private static Dictionary<string, string> SignIn(string login, string code, string password = "новый-пароль-123") => new()
    {
        ["Form.UserName"] = login, ["Form.Code"] = code, ["Form.NewPassword"] = password, ["Form.Repeat"] = password,
    };

    [Fact]
    public async Task Code_FirstUse_SetsPasswordAndSignsIn_SecondUseRefused()
    {
        var pair = await app.ClosurePairAsync();
        var (login, code, text) = await SlipAsync(pair);
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$", code);
        Assert.Contains("/Account/Code", text);
        await using (var db = app.Db())
        {
            var user = await db.Users.Include(u => u.Assignments).SingleAsync(u => u.UserName == login);
            Assert.Equal(pair.MenteePersonId, user.PersonId);
            Assert.Equal(Role.Mentee, user.Assignments.Single().Role);
            Assert.Equal(pair.World.Tree.OrganizationId, user.Assignments.Single().OrganizationId);
            var stored = await db.AccessCodes.SingleAsync(c => c.UserId == user.Id);
            Assert.DoesNotContain(code, stored.CodeHash);
            Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14.1));
        }

        var first = await app.Client().PostFormAsync("/Account/Code", SignIn(login, code.ToLowerInvariant()));
        MatchingData.AssertRedirect(first, await first.Content.ReadAsStringAsync());
        var again = await app.Client().PostFormAsync("/Account/Code", SignIn(login, code));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Неверный логин или код", await again.Content.ReadAsStringAsync());
        await app.SignInAsync(login, "новый-пароль-123");
    }

    [Fact]
    public async Task Code_Expired_RefusedWithRussianMessage()
    {
        var pair = await app.ClosurePairAsync();
        var (login, code, _) = await SlipAsync(pair);
        await using (var db = app.Db())
        {
            var stored = await db.AccessCodes.SingleAsync(c => c.User.UserName == login);
            stored.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var response = await app.Client().PostFormAsync("/Account/Code", SignIn(login, code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Срок действия кода истёк", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Code_ShortPassword_RefusedCodeStillUnused()
    {
        var pair = await app.ClosurePairAsync();
        var (login, code, _) = await SlipAsync(pair);

        var response = await app.Client().PostFormAsync("/Account/Code", SignIn(login, code, "короткий"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не менее 10 символов", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Null((await db.AccessCodes.SingleAsync(c => c.User.UserName == login)).UsedAt);
    }

    [Fact]
    public async Task CodeSlips_PersonWithLogin_NotOffered()
    {
        var pair = await app.ClosurePairAsync();
        await SlipAsync(pair);
        var curator = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var page = await (await curator.GetAsync("/Account/CodeSlips")).Content.ReadAsStringAsync();

        Assert.DoesNotContain($"value=\"{pair.MenteePersonId}\"", page);
        Assert.Contains($"value=\"{pair.MentorPersonId}\"", page);
    }

    [GeneratedRegex("Логин: (\\S+?)Код")]
    private static partial Regex LoginText();

    [GeneratedRegex("Код: ([A-Z0-9]{8})")]
    private static partial Regex CodeText();
}

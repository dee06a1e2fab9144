using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Users;

[Collection(Collections.Platform)]
public class EditTests(AppFixture app)
{
    [Fact]
    public async Task Post_NewNameAndEmail_SavesThemAndKeepsLogin()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var id = await app.UserIdAsync(login);
        var html = await (await admin.GetAsync($"/Users/Edit/{id}")).Content.ReadAsStringAsync();
        var stamp = System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.ConcurrencyStamp\" value=\"([^\"]*)\"").Groups[1].Value;

        var response = await admin.PostFormAsync($"/Users/Edit/{id}", new()
        {
            ["Form.FullName"] = "  Кузнецова Ольга Петровна ",
            ["Form.Email"] = "Olga.K@example.ru",
            ["Form.ConcurrencyStamp"] = stamp,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Equal(("Кузнецова Ольга Петровна", "Olga.K@example.ru", "OLGA.K@EXAMPLE.RU", login),
            (user.FullName, user.Email, user.NormalizedEmail, user.UserName));
    }

    [Fact]
    public async Task Post_StaleConcurrencyStamp_ShowsMessageAndKeepsName()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var login = await app.CreateUserAsync(Role.Curator, tree, "Старое Имя Отчество");
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Edit/{id}", new()
        {
            ["Form.FullName"] = "Новое Имя Отчество",
            ["Form.Email"] = "",
            ["Form.ConcurrencyStamp"] = "stale",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Equal("Старое Имя Отчество", await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleAsync());
    }

    [Fact]
    public async Task Post_BlankName_ShowsRussianError()
    {
        var tree = await app.CreateTreeAsync();
        var admin = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, tree));

        var response = await admin.PostFormAsync($"/Users/Edit/{id}", new() { ["Form.FullName"] = "", ["Form.Email"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите ФИО", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_UserOfOtherRegion_Returns404()
    {
        var admin = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());
        var id = await app.UserIdAsync(await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync()));

        var response = await admin.GetAsync($"/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_UserOfOtherRegion_Returns404AndKeepsName()
    {
        var admin = await app.SignInAsAsync(Role.RegionAdmin, await app.CreateTreeAsync());
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync(), "Чужой Пользователь Иванович");
        var id = await app.UserIdAsync(login);

        var response = await admin.PostFormAsync($"/Users/Edit/{id}", new() { ["Form.FullName"] = "Взломанное Имя" }, getUrl: "/Users/Index");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal("Чужой Пользователь Иванович", await db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleAsync());
    }
}

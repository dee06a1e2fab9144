using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nastavnik.Domain.Access;

namespace Nastavnik.IntegrationTests.Infrastructure;

[Collection(Collections.Platform)]
public class PlatformTests(AppFixture app)
{
    [Fact]
    public async Task Health_DatabaseReachable_Returns200()
    {
        var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reachable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_DatabaseDown_Returns503()
    {
        // A port nothing listens on: the database is unreachable.
        var cs = $"Host=127.0.0.1;Port={Nastavnik.Data.Local.LocalCluster.FreePort()};Username=x;Password=y;Database=z;Timeout=2";
        await using var node = AppFixture.CreateFactory(cs);
        using var client = AppFixture.ClientFor(AppFixture.AddressOf(node));

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task SessionTimeout_DefaultAndConfigured_SetsSlidingCookieLifetime()
    {
        await using var configured = AppFixture.CreateFactory(app.ConnectionString, b => b.UseSetting("Nastavnik:SessionTimeoutMinutes", "7"));

        var defaults = Cookie(app.Factory.Services);
        var custom = Cookie(configured.Services);

        Assert.Equal(TimeSpan.FromMinutes(30), defaults.ExpireTimeSpan);
        Assert.True(defaults.SlidingExpiration);
        Assert.Equal(TimeSpan.FromMinutes(7), custom.ExpireTimeSpan);
    }

    private static CookieAuthenticationOptions Cookie(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await app.Client().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_TooShort_ShowsRussianErrorAndKeepsOldPassword()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Form.Current"] = AppFixture.Password, ["Form.New"] = "short-pw1", ["Form.Repeat"] = "short-pw1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не менее 10 символов", await response.Content.ReadAsStringAsync());
        await app.SignInAsync(login);
    }

    [Fact]
    public async Task ChangePassword_Valid_NewPasswordSignsIn()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Form.Current"] = AppFixture.Password, ["Form.New"] = "a-much-longer-one", ["Form.Repeat"] = "a-much-longer-one",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.SignInAsync(login, "a-much-longer-one");
    }

    [Fact]
    public async Task StaticAssets_EmbeddedBootstrap_ServedWithCaching()
    {
        var response = await app.Client().GetAsync("/lib/bootstrap.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsRussian404()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await client.GetAsync("/No/Such/Page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Страница не найдена", await response.Content.ReadAsStringAsync());
    }
}

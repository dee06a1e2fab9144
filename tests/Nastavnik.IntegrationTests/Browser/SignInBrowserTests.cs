using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>The sign-in flow in a real Chromium: keyboard and labels as a person uses them.</summary>
[Collection(Collections.Roadmaps)]
public class SignInBrowserTests(AppFixture app)
{
    [Fact]
    public async Task SignIn_ThenSignOut_ShowsHomeThenLoginPage()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.Curator, tree, "Петрова Анна Ивановна");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход в систему" })).ToBeVisibleAsync();
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByLabel("Пароль").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Здравствуйте, Петрова Анна Ивановна" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Куратор ОО")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход в систему" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsRussianError()
    {
        var login = await app.CreateUserAsync(Role.Curator, await app.CreateTreeAsync());
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Неверный логин или пароль");
    }
}

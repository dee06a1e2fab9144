using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>A municipal coordinator's path in Chromium: sign in, organizations list, a refused form, a saved one, sign out.</summary>
[Collection(Collections.Roadmaps)]
public class OrganizationsBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Coordinator_CreatesOrganization_AfterSeeingValidationMessages()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.MunicipalCoordinator, tree, "Гончаренко Ольга Петровна");
        string existingShortName;
        await using (var db = app.Db()) existingShortName = await db.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var newShortName = AppFixture.Unique("МБОУ СОШ");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Главное меню" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Пользователи" })).ToHaveCountAsync(0);
        await menu.GetByRole(AriaRole.Link, new() { Name = "Организации" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Организации", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = existingShortName })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Добавить организацию" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        var errors = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(errors).ToContainTextAsync("Укажите полное наименование организации");
        await Assertions.Expect(errors).ToContainTextAsync("Укажите краткое наименование организации");

        await page.GetByLabel("Муниципалитет").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Полное наименование").FillAsync("Муниципальное бюджетное общеобразовательное учреждение " + newShortName);
        await page.GetByLabel("Краткое наименование").FillAsync(newShortName);
        await page.GetByLabel("Тип").SelectOptionAsync(new SelectOptionValue { Label = "Общеобразовательная организация" });
        await page.GetByLabel("ИНН").FillAsync("1234567890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ИНН организации — 10 цифр с верной контрольной суммой");
        // What was typed survives the refused save.
        await Assertions.Expect(page.GetByLabel("Краткое наименование")).ToHaveValueAsync(newShortName);

        await page.GetByLabel("ИНН").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = newShortName })).ToBeVisibleAsync();

        await menu.GetByRole(AriaRole.Link, new() { Name = "Организации" }).ClickAsync();
        await page.GetByLabel("Поиск").FillAsync(newShortName);
        await page.GetByLabel("Поиск").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = newShortName })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }
}

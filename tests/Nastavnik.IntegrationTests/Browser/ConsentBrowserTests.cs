using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>A curator in Chromium records a parent's consent for a pupil, then withdraws it.</summary>
[Collection(nameof(AppFixture))]
public class ConsentBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Curator_RecordsAndWithdrawsParentConsent_PageShowsWithdrawn()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, lastName) = await PupilWithParentAsync(app, tree, 11);
        var login = await app.CreateUserAsync(Role.Curator, tree, "Белова Ирина Николаевна");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        await page.GotoAsync($"/Consents/Person/{pupil}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(lastName);
        await Assertions.Expect(page.Locator("#missing")).ToContainTextAsync("Нет согласия законного представителя");

        await page.GetByLabel("Цель").SelectOptionAsync(new SelectOptionValue { Label = "Согласие на обработку персональных данных" });
        await page.GetByLabel("Кто подписал").SelectOptionAsync(new SelectOptionValue { Label = $"{lastName} Анна Сергеевна — Мать" });
        await page.GetByLabel("Дата согласия").FillAsync(Today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Номер документа").FillAsync("С-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Записать согласие" }).ClickAsync();

        await Assertions.Expect(page.Locator("#person-status")).ToContainTextAsync("Согласие получено");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync($"{lastName} Анна Сергеевна (родитель)");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync(Today.ToString("dd.MM.yyyy"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Отозвать" }).ClickAsync();

        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("Согласие отозвано");
        await Assertions.Expect(page.Locator("#person-status")).ToContainTextAsync("Согласие отозвано");
        await using var db = app.Db();
        Assert.Equal(PersonStatus.Blocked, await db.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }
}

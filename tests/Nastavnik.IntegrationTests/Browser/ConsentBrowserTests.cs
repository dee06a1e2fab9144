using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>A curator in Chromium records a parent's consent for a pupil, then withdraws it: the pupil leaves the base list.</summary>
[Collection(Collections.Roadmaps)]
public class ConsentBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Curator_RecordsAndWithdrawsParentConsent_PageShowsWithdrawn()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _, lastName) = await PupilWithParentAsync(app, tree, 11);
        var login = await app.CreateUserAsync(Role.Curator, tree, "Белова Ирина Николаевна");
        // The pupil is in the mentee base of the school's programme, so the base list shows them while consent holds.
        await using (var setup = app.Db())
        {
            var program = new Nastavnik.Data.Entities.People.MentoringProgram
            {
                RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
                Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
            };
            setup.Programs.Add(program);
            await setup.SaveChangesAsync();
            setup.MenteeProfiles.Add(new Nastavnik.Data.Entities.People.MenteeProfile
            {
                PersonId = pupil, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Source = RequestSource.ClassTeacher, EntryDate = new DateOnly(2026, 9, 10),
            });
            await setup.SaveChangesAsync();
        }
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

        await page.GotoAsync($"/People/Mentees?q={Uri.EscapeDataString(lastName)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(lastName);
        await page.GotoAsync($"/Consents/Person/{pupil}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Отозвать" }).ClickAsync();

        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("Согласие отозвано");
        await Assertions.Expect(page.Locator("#person-status")).ToContainTextAsync("Согласие отозвано");

        // Blocked at once: the pupil is gone from the base list.
        await page.GotoAsync($"/People/Mentees?q={Uri.EscapeDataString(lastName)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "База наставляемых" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(lastName);
        await using var db = app.Db();
        Assert.Equal(PersonStatus.Blocked, await db.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }
}

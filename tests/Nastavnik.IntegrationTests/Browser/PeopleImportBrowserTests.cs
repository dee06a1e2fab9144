using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>A curator imports a class list in Chromium: maps an unknown header, checks the preview, confirms; then a bad file.</summary>
[Collection(Collections.Roadmaps)]
public class PeopleImportBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Curator_ImportsClassListWithUnknownHeader_ThenSeesErrorsOfBadFile()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.Curator, tree, "Кравченко Анна Сергеевна");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        await page.GotoAsync("/People/Import");
        var list = "Ученик;Дата рождения;Класс;Законный представитель\r\n"
            + "Соколова Мария Андреевна;12.04.2012;7 Б;Соколов Андрей Павлович (отец)\r\n"
            + "Лебедев Артём Игоревич;03.11.2011;7-б;\r\n";
        await page.GetByLabel("Файл Excel (.xlsx) или CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "7Б.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(list),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Сопоставление столбцов файла «7Б.csv»" })).ToBeVisibleAsync();
        await page.GetByLabel("Ученик").SelectOptionAsync(new SelectOptionValue { Label = "ФИО" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Продолжить" }).ClickAsync();

        var rows = page.Locator("#import-rows");
        await Assertions.Expect(rows).ToContainTextAsync("Соколова Мария Андреевна");
        await Assertions.Expect(rows).ToContainTextAsync("Соколов Андрей Павлович");
        await Assertions.Expect(page.GetByText("новых: 2")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить в систему" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Загружено: добавлено 2, обновлено 0, без изменений 0")).ToBeVisibleAsync();

        await using (var db = app.Db())
        {
            var pupils = await db.People.Where(p => p.OrganizationId == tree.OrganizationId && p.Kind == PersonKind.Pupil)
                .OrderBy(p => p.LastName).Select(p => p.LastName + " " + p.ClassName).ToListAsync();
            Assert.Equal(["Лебедев 7Б", "Соколова 7Б"], pupils);
        }

        var bad = "ФИО;Дата рождения;Класс\r\nПетров Пётр;31.02.2010;7Б\r\n=1+1;01.01.2012;седьмой\r\n";
        await page.GetByLabel("Файл Excel (.xlsx) или CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "плохой.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        var errors = page.Locator("#import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Неверная дата");
        await Assertions.Expect(errors).ToContainTextAsync("похоже на формулу");
        await Assertions.Expect(errors).ToContainTextAsync("Класс не распознан");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Загрузить в систему" })).ToHaveCountAsync(0);
    }
}

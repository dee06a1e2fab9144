using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>A municipal coordinator in Chromium: uploads a roadmap, fixes an unrecognised deadline in the preview, saves the draft.</summary>
[Collection(Collections.Roadmaps)]
public class RoadmapImportBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Coordinator_UploadsSeedFixesDeadlineInPreview_SavesDraft()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.MunicipalCoordinator, tree, "Быстрова Светлана Геннадьевна");
        // The demo Волгодонской plan with one deadline garbled, as a careless retyping would leave it.
        var seed = await File.ReadAllTextAsync(RoadmapFiles.Demo("volgodonsk.txt"));
        var text = seed.Replace("Обучение наставников\tСогласно графику ОО", "Обучение наставников\tкогда-нибудь осенью");
        Assert.NotEqual(seed, text);
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.GotoAsync("/Roadmaps/Import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Загрузка дорожной карты из документа" })).ToBeVisibleAsync();

        await page.GetByLabel(new Regex("^Документ")).SetInputFilesAsync(new FilePayload
        {
            Name = "volgodonsk.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();

        await Assertions.Expect(page.Locator("#roadmap-title")).ToContainTextAsync("«Дорожная карта» внедрения целевой модели наставничества");
        await Assertions.Expect(page.Locator("#import-items tbody tr[data-item]")).ToHaveCountAsync(25);
        var garbled = page.Locator("tr.table-warning");
        await Assertions.Expect(garbled).ToHaveCountAsync(1);
        await Assertions.Expect(garbled).ToContainTextAsync("срок не распознан");
        await Assertions.Expect(page.GetByLabel("Начало периода")).ToHaveValueAsync("2020-01-01");

        await page.GetByLabel("Срок пункта 3.4.").FillAsync("Ноябрь 2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить сроки" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr.table-warning")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-item='15']")).ToContainTextAsync("01.11.2020–30.11.2020");

        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить как черновик" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Roadmaps/Card/\d+$"));

        var roadmapId = long.Parse(Regex.Match(page.Url, @"/Roadmaps/Card/(\d+)$").Groups[1].Value);
        await using var db = app.Db();
        var fixedItem = await db.RoadmapItems.SingleAsync(i => i.RoadmapId == roadmapId && i.Number == "3.4.");
        Assert.Equal(("Ноябрь 2020", DeadlineKind.Window), (fixedItem.DeadlineText, fixedItem.DeadlineKind));
        Assert.Equal(25, await db.RoadmapItems.CountAsync(i => i.RoadmapId == roadmapId));
        Assert.Equal(tree.MunicipalityId, (await db.Roadmaps.SingleAsync(r => r.Id == roadmapId)).MunicipalityId);
    }
}

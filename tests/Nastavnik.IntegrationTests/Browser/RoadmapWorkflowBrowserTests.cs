using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Roadmaps;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>
/// A school's roadmap through its life in Chromium: the curator fixes an unrecognized deadline and submits, the
/// coordinator agrees, the head approves by order, the curator marks an item done with a link as evidence.
/// </summary>
[Collection(Collections.Roadmaps)]
public class RoadmapWorkflowBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Roadmap_FixSubmitAgreeApproveAndMarkDone_WorksThroughTheCard()
    {
        var tree = await app.CreateTreeAsync();
        var roadmap = await app.AddRoadmapAsync(tree, RoadmapLevel.Organization);
        var curator = await app.CreateUserAsync(Role.Curator, tree, "Петрова Анна Ивановна");
        var coordinator = await app.CreateUserAsync(Role.MunicipalCoordinator, tree, "Гончаренко Ольга Петровна");
        var head = await app.CreateUserAsync(Role.OrgHead, tree, "Сидоров Иван Петрович");
        var browser = await app.BrowserAsync();

        await using (var context = await NewContextAsync(browser))
        {
            var page = await SignInAsync(context, curator);
            await page.GotoAsync("/Roadmaps");
            await page.GetByRole(AriaRole.Link, new() { Name = roadmap.Title }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = roadmap.Title })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#item-{roadmap.UnrecognizedItemId}")).ToContainTextAsync("срок не распознан");

            await page.GetByRole(AriaRole.Link, new() { Name = "Изменить пункт 1.3." }).ClickAsync();
            await page.GetByLabel("Дата окончания (вручную)").FillAsync("2020-11-20");
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Пункт 1.3. сохранён");
            var fixedItem = page.Locator($"#item-{roadmap.UnrecognizedItemId}");
            await Assertions.Expect(fixedItem).Not.ToContainTextAsync("срок не распознан");
            await Assertions.Expect(fixedItem).ToContainTextAsync("20.11.2020");

            await page.GetByLabel("Комментарий для согласующего (необязательно)").FillAsync("Прошу согласовать");
            await page.GetByRole(AriaRole.Button, new() { Name = "Отправить на согласование" }).ClickAsync();
            await Assertions.Expect(page.Locator("#roadmap-status")).ToContainTextAsync("На согласовании");
        }

        await using (var context = await NewContextAsync(browser))
        {
            var page = await SignInAsync(context, coordinator);
            await page.GotoAsync($"/Roadmaps/Card/{roadmap.RoadmapId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Согласовать (в рамках компетенции)" }).ClickAsync();
            await Assertions.Expect(page.Locator("#roadmap-status")).ToContainTextAsync("Согласована");
            await Assertions.Expect(page.Locator("#roadmap-history")).ToContainTextAsync("Гончаренко Ольга Петровна");
        }

        await using (var context = await NewContextAsync(browser))
        {
            var page = await SignInAsync(context, head);
            await page.GotoAsync($"/Roadmaps/Card/{roadmap.RoadmapId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Утвердить приказом" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Укажите номер приказа");
            await page.GetByLabel("Номер приказа").FillAsync("15-ОД");
            await page.GetByLabel("Дата приказа").FillAsync("2020-11-25");
            await page.GetByRole(AriaRole.Button, new() { Name = "Утвердить приказом" }).ClickAsync();
            await Assertions.Expect(page.Locator("#roadmap-status")).ToContainTextAsync("Утверждена");
            await Assertions.Expect(page.GetByText("от 25.11.2020 № 15-ОД", new() { Exact = true })).ToBeVisibleAsync();
        }

        await using (var context = await NewContextAsync(browser))
        {
            var page = await SignInAsync(context, curator);
            await page.GotoAsync($"/Roadmaps/Card/{roadmap.RoadmapId}");
            await page.Locator($"#item-{roadmap.OnceItemId}").GetByRole(AriaRole.Link, new() { Name = "15.11.2020" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Исполнение пункта 1.1." })).ToBeVisibleAsync();

            await page.GetByLabel("Статус").SelectOptionAsync(new SelectOptionValue { Label = "Выполнено" });
            await page.GetByLabel("Комментарий").FillAsync("Дорожная карта школы разработана");
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить отметку" }).ClickAsync();
            await Assertions.Expect(page.Locator("#occurrence-status")).ToContainTextAsync("Выполнено");

            await page.GetByLabel("Ссылка на подтверждение").FillAsync("не ссылка");
            await page.GetByRole(AriaRole.Button, new() { Name = "Добавить ссылку" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("начинающимся с http:// или https://");
            await page.GetByLabel("Ссылка на подтверждение").FillAsync("https://school.example.ru/roadmap.pdf");
            await page.GetByRole(AriaRole.Button, new() { Name = "Добавить ссылку" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "https://school.example.ru/roadmap.pdf" })).ToBeVisibleAsync();

            // The approved plan goes out as a Word document in the official layout.
            await page.GotoAsync($"/Roadmaps/Card/{roadmap.RoadmapId}");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Скачать .docx" }).ClickAsync());
            Assert.EndsWith(".docx", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
            await download.SaveAsAsync(path);
            using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
            {
                Assert.Contains(roadmap.Title, docx.MainDocumentPart!.Document.Body!.InnerText);
                Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx));
            }
            File.Delete(path);
        }

        await using var db = app.Db();
        var done = await db.RoadmapOccurrences.Include(o => o.Evidence).SingleAsync(o => o.ItemId == roadmap.OnceItemId);
        Assert.Equal(OccurrenceStatus.Done, done.Status);
        Assert.NotNull(done.DoneOn);
        Assert.Equal("https://school.example.ru/roadmap.pdf", Assert.Single(done.Evidence).Url);
        Assert.Equal(RoadmapStatus.Approved, (await db.Roadmaps.SingleAsync(r => r.Id == roadmap.RoadmapId)).Status);
    }

    private Task<IBrowserContext> NewContextAsync(IBrowser browser) =>
        browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });

    private static async Task<IPage> SignInAsync(IBrowserContext context, string login)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        return page;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>
/// A curator in Chromium runs matching on a programme, reads a pair's «Почему?», locks the pair, re-runs around it,
/// approves the proposal and downloads the order.
/// </summary>
[Collection(Collections.Roadmaps)]
public class MatchingBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Curator_RunsLocksRerunsApprovesAndDownloadsOrder()
    {
        var world = await app.WorldAsync(3, 1, 2);
        var login = await app.CreateUserAsync(Role.Curator, world.Tree, "Белова Ирина Николаевна");
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        await page.GotoAsync("/Matching");
        await page.GetByRole(AriaRole.Link, new() { Name = "Запустить подбор" }).ClickAsync();
        await page.GetByLabel("Программа").SelectOptionAsync(world.Program.Id.ToString());
        await page.GetByLabel("Форма наставничества").SelectOptionAsync("pupil_pupil");
        await page.GetByLabel("Режим подбора").SelectOptionAsync(new SelectOptionValue { Label = "Оптимальный подбор" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Запустить подбор" }).ClickAsync();

        // The card refreshes itself while the worker runs, then shows the proposal.
        await Assertions.Expect(page.Locator("#run-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToContainTextAsync("Проект");
        var runId = long.Parse(page.Url.Split('/').Last().Split('?')[0]);
        var row = page.Locator("#pairs tbody tr").First;
        var proposalId = await row.GetAttributeAsync("data-proposal");

        await row.GetByText("Почему?").ClickAsync();
        await Assertions.Expect(row.Locator("details")).ToContainTextAsync("Лучшая альтернатива");
        await Assertions.Expect(row.Locator("details table")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Закрепить") }).ClickAsync();
        await Assertions.Expect(page.Locator($"#pairs tr[data-proposal='{proposalId}']")).ToContainTextAsync("закреплена");

        // The re-run's POST is waited for: until it is answered the old proposal is still on screen.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Пересчитать с учётом закреплённых" }).ClickAsync(),
            r => r.Url.Contains("handler=Rerun"));
        await app.WaitForRunAsync(runId);
        await page.GotoAsync($"/Matching/Card/{runId}");
        await Assertions.Expect(page.Locator("#run-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToContainTextAsync("Проект");
        await Assertions.Expect(page.Locator($"#pairs tr[data-proposal='{proposalId}']")).ToContainTextAsync("закреплена");

        await page.GetByLabel("Дата начала работы пар").FillAsync("2026-10-01");
        await page.GetByLabel("Номер приказа").FillAsync("23-о");
        await page.GetByLabel("Дата приказа").FillAsync("2026-09-28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToContainTextAsync("Утверждён");

        await page.GetByRole(AriaRole.Link, new() { Name = "Приказ о закреплении пар" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Скачать приказ (.docx)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("О закреплении наставнических пар (групп)", text);
            Assert.Contains("23-о", text);
            foreach (var mentee in world.Mentees) Assert.Contains(world.MenteeNames[mentee], text);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx));
        }
        File.Delete(path);

        await using var db = app.Db();
        Assert.Equal(MatchRunStatus.Approved, (await db.MatchRuns.SingleAsync(r => r.Id == runId)).Status);
        Assert.Equal(3, await db.GroupMembers.CountAsync(m => m.Group.MatchRunId == runId && m.Role == MemberRole.Mentee));
        Assert.True((await db.MatchProposals.SingleAsync(p => p.Id == long.Parse(proposalId!))).IsLocked);
    }
}

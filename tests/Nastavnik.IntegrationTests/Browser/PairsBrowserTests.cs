using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Pairs;

namespace Nastavnik.IntegrationTests.Browser;

/// <summary>On a phone-sized screen a mentor records the встреча-знакомство from «Мои пары», then the mentee rates it.</summary>
[Collection(Collections.Roadmaps)]
public class PairsBrowserTests(AppFixture app)
{
    [Fact]
    public async Task Phone_MentorRecordsMeetingAndMenteeGivesFeedback()
    {
        var world = await app.PairAsync();
        var browser = await app.BrowserAsync();
        var phone = new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true, DeviceScaleFactor = 3,
        };

        await using (var mentorContext = await browser.NewContextAsync(phone))
        {
            var page = await SignInAsync(mentorContext, world.MentorLogin);
            await page.GotoAsync("/Pairs/Mine");
            await page.GetByRole(AriaRole.Link, new() { Name = "Записать встречу" }).ClickAsync();

            // The next step of the sequence and today's date come preselected.
            await Assertions.Expect(page.GetByLabel("Встреча", new() { Exact = true })).ToHaveValueAsync(nameof(MeetingType.Introduction));
            await Assertions.Expect(page.GetByLabel("Дата", new() { Exact = true })).ToHaveValueAsync(CardTestData.Today.ToString("yyyy-MM-dd"));
            await page.Locator("label[for=duration-60]").TapAsync();
            await page.Locator("label[for=format-Online]").TapAsync();
            await page.GetByLabel("Тема").FillAsync("Знакомство и интересы");
            await page.GetByLabel("Результат").FillAsync("Договорились встречаться по вторникам");
            var save = page.GetByRole(AriaRole.Button, new() { Name = "Сохранить встречу" });
            var box = await save.BoundingBoxAsync();
            Assert.True(box is { X: >= 0 } && box.X + box.Width <= 390, "the save button fits the phone screen");
            await save.TapAsync();

            await page.WaitForURLAsync(url => url.Contains($"/Pairs/Card/{world.GroupId}"));
            await Assertions.Expect(page.Locator("#meetings")).ToContainTextAsync("Встреча-знакомство");
            await Assertions.Expect(page.Locator("#sequence [data-step=Introduction]")).ToHaveAttributeAsync("data-state", "done");
        }

        await using (var menteeContext = await browser.NewContextAsync(phone))
        {
            var page = await SignInAsync(menteeContext, world.MenteeLogin);
            await page.GotoAsync("/Pairs/Mine");
            await page.GetByRole(AriaRole.Link, new() { Name = "Оставить отзыв" }).ClickAsync();
            await page.GetByLabel("О чём отзыв").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("label[for=usefulness-9]").TapAsync();
            await page.Locator("label[for=comfort-10]").TapAsync();
            await page.GetByLabel("Что получилось").FillAsync("Было интересно");
            await page.GetByRole(AriaRole.Button, new() { Name = "Отправить отзыв" }).TapAsync();
            await page.WaitForURLAsync(url => url.Contains("/Pairs/Mine"));
            await Assertions.Expect(page.GetByText("Спасибо! Отзыв сохранён.")).ToBeVisibleAsync();
        }

        await using var db = app.Db();
        var meeting = await db.Meetings.SingleAsync(m => m.GroupId == world.GroupId);
        Assert.Equal(60, meeting.DurationMinutes);
        Assert.Equal(MeetingFormat.Online, meeting.Format);
        var feedback = await db.Feedback.SingleAsync(f => f.GroupId == world.GroupId);
        Assert.Equal((9, 10, meeting.Id), (feedback.Usefulness, feedback.Comfort, feedback.MeetingId!.Value));
        Assert.Equal(MemberRole.Mentee, feedback.Role);
    }

    [Fact]
    public async Task Desktop_CuratorSeesOverdueContactClosesPairAndPrintsCertificate()
    {
        // The pair started 30 days ago and the curator has not contacted it: the cadence is overdue.
        var world = await app.PairAsync();
        var browser = await app.BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), Locale = "ru-RU", AcceptDownloads = true,
        });
        var page = await SignInAsync(context, world.CuratorLogin);

        await page.GotoAsync("/Pairs/Watch");
        await page.GetByRole(AriaRole.Link, new() { Name = "Просрочены контакты куратора" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pairs")).ToContainTextAsync(world.MenteeName);

        await page.GotoAsync($"/Pairs/Card/{world.GroupId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Завершить" }).ClickAsync();
        await page.Locator("label[for=kind-early]").ClickAsync();
        await page.GetByLabel("Дата завершения").FillAsync(CardTestData.Today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Причина досрочного завершения").SelectOptionAsync(nameof(ClosureReason.Relocation));
        await page.GetByLabel("Результаты программы", new() { Exact = false }).FillAsync("Освоены приёмы подготовки к ОГЭ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Завершить", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/Pairs/Closure/Close/{world.GroupId}"));

        await page.GotoAsync($"/Pairs/Closure/Recognition/{world.GroupId}");
        await page.GetByLabel("Вид поощрения").SelectOptionAsync(nameof(RecognitionKind.Certificate));
        await page.GetByLabel("Текст").FillAsync("За активное участие в программе наставничества");
        await page.GetByRole(AriaRole.Button, new() { Name = "Записать" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Скачать (.docx)" }).First.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path!).Length > 1000, "the certificate is a real document");

        await using var db = app.Db();
        var pair = await db.MentoringGroups.SingleAsync(g => g.Id == world.GroupId);
        Assert.Equal((GroupStatus.Closed, ClosureKind.Early, ClosureReason.Relocation), (pair.Status, pair.ClosureKind, pair.ClosureReason));
        Assert.True(await db.Recognitions.AnyAsync(r => r.GroupId == world.GroupId && r.Kind == RecognitionKind.Certificate));
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string login)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(AppFixture.Password);
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = "Войти" });
        if (page.ViewportSize is { Width: <= 500 }) await signIn.TapAsync(); else await signIn.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }
}

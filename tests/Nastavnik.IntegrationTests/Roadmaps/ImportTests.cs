using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>/Roadmaps/Import: upload, preview with editable deadlines, save as a draft; bad files; the CLI.</summary>
[Collection(Collections.Roadmaps)]
public partial class ImportTests(AppFixture app)
{
    private const string Url = "/Roadmaps/Import";

    /// <summary>
    /// Demo roadmap or real seed file (skipped without ../shared/seeds), item count (counted by hand, see
    /// RoadmapDocumentParserTests), the node level it belongs to.
    /// </summary>
    public static readonly TheoryData<string, int, string> Documents = new()
    {
        { "azov.txt", 20, "municipality" },
        { "volgodonsk.txt", 25, "municipality" },
        { "essentuki.txt", 17, "municipality" },
        { "dubna.txt", 15, "municipality" },
        { "stavropol.txt", 16, "region" },
        { "000_832a53ffb5b59720.txt", 22, "municipality" },
        { "001_99df185b4467ac42.txt", 30, "municipality" },
        { "002_328e86fef4d7fff5.txt", 28, "municipality" },
        { "003_8b14bc2043315ff6.txt", 20, "municipality" },
        { "004_328698f533d2d36b.txt", 19, "region" },
    };

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Save_RoadmapText_PreviewListsEveryItemAndDraftHasItemsAndOccurrences(string file, int items, string level)
    {
        var content = SeedBytes(file);
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(level == "region" ? Role.RegionAdmin : Role.MunicipalCoordinator, tree);
        var node = level == "region" ? $"region:{tree.RegionId}" : $"municipality:{tree.MunicipalityId}";

        var (preview, uploadId) = await UploadAsync(client, file, content);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(items, Count(html, "name=\"Form.Deadlines["));
        Assert.Equal(0, Count(html, "срок не распознан"));
        var (start, end) = PeriodOf(html);
        var save = await SaveAsync(client, uploadId, new() { ["Form.Node"] = node, ["Form.PeriodStart"] = start, ["Form.PeriodEnd"] = end });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var roadmapId = long.Parse(Regex.Match(save.Headers.Location!.OriginalString, @"^/Roadmaps/Card/(\d+)$").Groups[1].Value);
        await using var db = app.Db();
        var roadmap = await db.Roadmaps.Include(r => r.Items).Include(r => r.Sections).SingleAsync(r => r.Id == roadmapId);
        Assert.Equal((RoadmapStatus.Draft, level == "region" ? RoadmapLevel.Region : RoadmapLevel.Municipality), (roadmap.Status, roadmap.Level));
        Assert.Equal(items, roadmap.Items.Count);
        Assert.All(roadmap.Items, i => Assert.NotEqual(DeadlineKind.Unrecognized, i.DeadlineKind));
        Assert.Equal(RoadmapDocumentParser.Parse(Encoding.UTF8.GetString(content)).Sections.Count, roadmap.Sections.Count);
        // Every item has its dated occurrences (one undated for an event-driven item); the tree's one school gets
        // the fan-out ones.
        var period = new Period(roadmap.PeriodStart, roadmap.PeriodEnd);
        var expected = roadmap.Items.Sum(i => i.DeadlineKind == DeadlineKind.OnDemand ? 1
            : (i.StartText.Length > 0 ? DeadlineParser.FromColumns(i.StartText, i.EndText, period) : DeadlineParser.Parse(i.DeadlineText, period)).Occurrences.Count);
        var occurrences = await db.RoadmapOccurrences.Where(o => o.RoadmapId == roadmapId).ToListAsync();
        Assert.Equal(expected, occurrences.Count);
        Assert.True(occurrences.Count >= items);
        Assert.All(roadmap.Items, i => Assert.Contains(occurrences, o => o.ItemId == i.Id));
        Assert.Equal(RoadmapImportHash(file), roadmap.SourceHash);
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
    }

    [Fact]
    public async Task Upload_TextInWindows1251_ReadsLikeUtf8()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1251 = Encoding.GetEncoding(1251).GetBytes(File.ReadAllText(SeedPath("essentuki.txt")));

        var (preview, _) = await UploadAsync(client, "essentuki-1251.txt", cp1251);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(17, Count(html, "name=\"Form.Deadlines["));
        Assert.Contains("Управление образования администрации г. Ессентуки", html);
    }

    [Fact]
    public async Task Save_MunicipalPlanNamingHeads_FansOutOneOccurrencePerSchoolOfTheMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var schools = new List<long> { tree.OrganizationId };
        await using (var setup = app.Db())
        {
            for (var i = 0; i < 2; i++)
            {
                var school = new Organization
                {
                    RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = AppFixture.Unique("Школа веер"),
                    ShortName = AppFixture.Unique("СОШ"), Type = OrganizationType.School,
                };
                setup.Organizations.Add(school);
                await setup.SaveChangesAsync();
                schools.Add(school.Id);
            }
        }
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);

        var roadmapId = await ImportAsync(client, "azov.txt", SeedBytes("azov.txt"),
            $"municipality:{tree.MunicipalityId}", "2020-01-01", "2021-12-31");

        await using var db = app.Db();
        var items = await db.RoadmapItems.Where(i => i.RoadmapId == roadmapId).ToDictionaryAsync(i => i.Number);
        var occurrences = await db.RoadmapOccurrences.Where(o => o.RoadmapId == roadmapId).ToListAsync();
        // 1.1 «Руководители ОО», до 15.11.2020: each school develops its own roadmap.
        Assert.True(items["1.1."].FanOut);
        Assert.Equal(schools.Order(), occurrences.Where(o => o.ItemId == items["1.1."].Id).Select(o => o.OrganizationId!.Value).Order());
        Assert.All(occurrences.Where(o => o.ItemId == items["1.1."].Id), o => Assert.Equal(new DateOnly(2020, 11, 15), o.DueDate));
        // 1.2 «Управление образования г. Азова» clears them: one occurrence of the municipality itself.
        Assert.False(items["1.2."].FanOut);
        var clearance = Assert.Single(occurrences, o => o.ItemId == items["1.2."].Id);
        Assert.Equal((tree.MunicipalityId, (long?)null, new DateOnly(2020, 11, 20)), (clearance.MunicipalityId!.Value, clearance.OrganizationId, clearance.DueDate));
        // 2.1 «Сектор ИМР», по мере поступления: one undated, event-driven occurrence.
        var onDemand = Assert.Single(occurrences, o => o.ItemId == items["2.1."].Id);
        Assert.Equal((DeadlineKind.OnDemand, (DateOnly?)null), (items["2.1."].DeadlineKind, onDemand.DueDate));
    }

    [Fact]
    public async Task Save_DocxBuiltWithOpenXml_ReadsHeaderMergedHeadingAndMergedResponsible()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.OrgHead, tree);
        var title = AppFixture.Unique("Дорожная карта внедрения целевой модели наставничества МБОУ СОШ");
        var file = Docx(["Приложение к приказу директора от 01.09.2023 № 45", title, "Период 2023-2024 гг."], table =>
        {
            table.Append(Row("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный", "Результат"));
            table.Append(Row("1", "2", "3", "4", "5"));
            table.Append(new TableRow(Cell("1. Подготовка условий для запуска программы наставничества", span: 5)));
            table.Append(new TableRow(Cell("1.1."), Cell("Назначение куратора"), Cell("до 15.09.2023"),
                Cell("Директор", merge: MergedCellValues.Restart), Cell("Приказ")));
            table.Append(new TableRow(Cell("1.2."), Cell("Утверждение положения о наставничестве"), Cell("Октябрь 2023"),
                Cell("", merge: MergedCellValues.Continue), Cell("Положение")));
            table.Append(new TableRow(Cell("2. Информирование", span: 5)));
            table.Append(new TableRow(Cell("2.1."), Cell("Публикации на сайте", "о ходе внедрения"), Cell("ежеквартально"), Cell("Куратор"), Cell("")));
        });

        var (preview, uploadId) = await UploadAsync(client, "план.docx", file);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("Приложение к приказу директора от 01.09.2023 № 45", html);
        var roadmapId = await SaveExpectingRedirectAsync(client, uploadId, $"organization:{tree.OrganizationId}", "2023-01-01", "2024-12-31");

        await using var db = app.Db();
        var roadmap = await db.Roadmaps.Include(r => r.Sections).Include(r => r.Items).SingleAsync(r => r.Id == roadmapId);
        Assert.Equal((RoadmapLevel.Organization, tree.OrganizationId, "45", new DateOnly(2023, 9, 1)),
            (roadmap.Level, roadmap.OrganizationId!.Value, roadmap.OrderNumber, roadmap.OrderDate!.Value));
        Assert.Equal(title, roadmap.Title);
        Assert.Equal(["1.", "2."], roadmap.Sections.OrderBy(s => s.Position).Select(s => s.Number));
        Assert.Equal(
            [
                ("1.1.", "Назначение куратора", "до 15.09.2023", "Директор", DeadlineKind.Once, (int?)1),
                ("1.2.", "Утверждение положения о наставничестве", "Октябрь 2023", "Директор", DeadlineKind.Window, 1),
                ("2.1.", "Публикации на сайте о ходе внедрения", "ежеквартально", "Куратор", DeadlineKind.Recurring, null),
            ],
            roadmap.Items.OrderBy(i => i.Position).Select(i => (i.Number, i.Title, i.DeadlineText, i.Responsible, i.DeadlineKind, i.Stage)));
        // An organization's own roadmap: its occurrences are its own, no fan-out.
        Assert.All(await db.RoadmapOccurrences.Where(o => o.RoadmapId == roadmapId).ToListAsync(), o => Assert.Equal(tree.OrganizationId, o.OrganizationId));
        // 1.1 and 1.2 once each, «ежеквартально» once a quarter over 2023–2024.
        Assert.Equal(10, await db.RoadmapOccurrences.CountAsync(o => o.RoadmapId == roadmapId));
    }

    [Fact]
    public async Task Save_DemoStavropolAsDocx_ReadsThreeResponsibleColumnsAndParentRowsLikeItsText()
    {
        // The regional demo plan as Word keeps it: a two-row header with «Ответственные» spanning three columns,
        // one table row per item, «-» where a level has no part.
        var text = RoadmapDocumentParser.Parse(File.ReadAllText(SeedPath("stavropol.txt")));
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.RegionAdmin, tree);
        var file = Docx([text.Title], table =>
        {
            table.Append(new TableRow(Cell("№ п/п", merge: MergedCellValues.Restart), Cell("Мероприятия", merge: MergedCellValues.Restart),
                Cell("Сроки исполнения", merge: MergedCellValues.Restart), Cell("Ответственные", span: 3)));
            table.Append(new TableRow(Cell("", merge: MergedCellValues.Continue), Cell("", merge: MergedCellValues.Continue),
                Cell("", merge: MergedCellValues.Continue), Cell("Региональные"), Cell("Муниципальные"), Cell("Образовательные организации")));
            foreach (var i in text.Items)
            {
                table.Append(Row(i.Number, i.Title, i.DeadlineText, i.ResponsibleRegional ?? "-", i.ResponsibleMunicipal ?? "-", i.ResponsibleOrganization ?? "-"));
            }
        });

        var (_, uploadId) = await UploadAsync(client, "stavropol.docx", file);
        var roadmapId = await SaveExpectingRedirectAsync(client, uploadId, $"region:{tree.RegionId}", "2021-01-01", "2024-12-31");

        await using var db = app.Db();
        var items = await db.RoadmapItems.Where(i => i.RoadmapId == roadmapId).OrderBy(i => i.Position)
            .Select(i => new { i.Number, i.Title, i.DeadlineText, i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization, i.DeadlineKind })
            .ToListAsync();
        Assert.Equal(16, items.Count);
        Assert.Equal(text.Items.Select(i => (i.Number, i.Title, i.DeadlineText, i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization)),
            items.Select(i => (i.Number, i.Title, i.DeadlineText, i.ResponsibleRegional, i.ResponsibleMunicipal, i.ResponsibleOrganization)));
        Assert.All(items, i => Assert.NotEqual(DeadlineKind.Unrecognized, i.DeadlineKind));
        Assert.Equal(["1.", "2.", "3."], await db.RoadmapSections.Where(s => s.RoadmapId == roadmapId).OrderBy(s => s.Position).Select(s => s.Number).ToListAsync());
    }

    [Fact]
    public async Task Save_XlsxWithTitleRowsAboveTable_ImportsItems()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var file = Nastavnik.IntegrationTests.Territories.Spreadsheets.Xlsx(
            ["Дорожная карта внедрения целевой модели наставничества на 2022-2023 годы"],
            [],
            ["№", "Мероприятие", "Сроки", "Ответственные", "Ожидаемые результаты"],
            ["1.", "Формирование базы наставляемых", "ноябрь–декабрь 2022 г., далее - ежегодно сентябрь", "Образовательные учреждения", "База"],
            ["2.", "Обучение наставников", "декабрь 2022 г., далее – по мере необходимости", "Управление образования", ""]);

        var roadmapId = await ImportAsync(client, "plan.xlsx", file, $"municipality:{tree.MunicipalityId}", "2022-01-01", "2023-12-31");

        await using var db = app.Db();
        var roadmap = await db.Roadmaps.Include(r => r.Items).SingleAsync(r => r.Id == roadmapId);
        Assert.Equal("Дорожная карта внедрения целевой модели наставничества на 2022-2023 годы", roadmap.Title);
        Assert.Equal(
            [("1.", DeadlineKind.Recurring, true, (int?)2, "База"), ("2.", DeadlineKind.Window, false, 4, "")],
            roadmap.Items.OrderBy(i => i.Position).Select(i => (i.Number, i.DeadlineKind, i.FanOut, i.Stage, i.Result)));
        Assert.True(roadmap.Items.Single(i => i.Number == "2.").DeadlineThenOnDemand);
    }

    public static readonly TheoryData<string, string, string> BadFiles = new()
    {
        { "plan.docx", "corrupt", "Файл повреждён или не является документом Word (.docx)" },
        { "plan.pdf", "pdf", "Формат .pdf не поддерживается" },
        { "plan.txt", "empty", "Файл пустой" },
        { "plan.docx", "no-table", "В документе не найдена таблица мероприятий дорожной карты" },
        { "plan.docx", "other-table", "В документе не найдена таблица мероприятий дорожной карты" },
        { "plan.xlsx", "corrupt", "Файл не является книгой Excel (.xlsx)" },
        { "plan.odt", "pdf", "Загрузите дорожную карту в формате .docx, .xlsx или .txt" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadFile_ShowsRussianMessageAndStoresNothing(string fileName, string kind, string message)
    {
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var content = kind switch
        {
            "corrupt" => "PK\u0003\u0004 это не архив"u8.ToArray(),
            "pdf" => "%PDF-1.4 план"u8.ToArray(),
            "empty" => [],
            "no-table" => Docx(["Приказ об утверждении дорожной карты", "Текст без таблицы."], _ => { }),
            _ => Docx(["Список"], t =>
            {
                t.Append(Row("№", "ФИО", "Должность"));
                t.Append(Row("1.", "Иванова Мария Сергеевна", "Учитель"));
            }),
        };

        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent(fileName, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
        Assert.False(await db.Roadmaps.AnyAsync(r => r.MunicipalityId == tree.MunicipalityId));
    }

    [Fact]
    public async Task Upload_FileOverTheSizeLimit_IsRefused()
    {
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var big = new byte[20 * 1024 * 1024 + 1];
        Array.Fill(big, (byte)'a');

        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent("plan.txt", big));

        Assert.Contains("Файл больше 20 МБ", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
    }

    [Fact]
    public async Task Save_PlanWithMoreItemsThanTheDefaultFormValueLimit_PostsEveryDeadline()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var text = new StringBuilder("План мероприятий (дорожная карта)\n№\tМероприятие\tСроки\tОтветственные\n");
        for (var i = 1; i <= 1100; i++) text.Append($"{i}.\tМероприятие {i}\tДекабрь 2021\tОтдел образования\n");
        var (preview, uploadId) = await UploadAsync(client, "big.txt", Encoding.UTF8.GetBytes(text.ToString()));
        Assert.Equal(1100, Count(await preview.Content.ReadAsStringAsync(), "name=\"Form.Deadlines["));
        // As the browser sends it: every item's deadline field, one of them changed.
        var fields = Enumerable.Range(1, 1100).ToDictionary(i => $"Form.Deadlines[{i}]", i => i == 1100 ? "до 15.11.2021" : "Декабрь 2021");
        fields["Form.Node"] = $"municipality:{tree.MunicipalityId}";
        fields["Form.PeriodStart"] = "2021-01-01";
        fields["Form.PeriodEnd"] = "2021-12-31";

        var save = await SaveAsync(client, uploadId, fields);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var db = app.Db();
        var last = await db.RoadmapItems.SingleAsync(i => i.Roadmap.MunicipalityId == tree.MunicipalityId && i.Position == 1100);
        Assert.Equal(("до 15.11.2021", DeadlineKind.Once), (last.DeadlineText, last.DeadlineKind));
    }

    [Fact]
    public async Task Save_SameFileIntoSameNodeTwice_KeepsOneRoadmapAndSaysSo()
    {
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var file = SeedBytes("volgodonsk.txt");
        var node = $"municipality:{tree.MunicipalityId}";

        var first = await ImportAsync(client, "volgodonsk.txt", file, node, "2020-01-01", "2024-12-31");
        var second = await ImportAsync(client, "копия.txt", file, node, "2020-01-01", "2024-12-31");

        Assert.Equal(first, second);
        await using var db = app.Db();
        Assert.Equal(1, await db.Roadmaps.CountAsync(r => r.MunicipalityId == tree.MunicipalityId));
        Assert.Equal(25, await db.RoadmapItems.CountAsync(i => i.RoadmapId == first));
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
        var page = await (await client.GetAsync(Url)).Content.ReadAsStringAsync();
        Assert.Contains("Этот файл уже был загружен", page);
    }

    [Fact]
    public async Task Save_UnrecognizedDeadlinesFixedInPreview_StoresParsedTextAndTypedDates()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var text = "План мероприятий (дорожная карта)\n"
            + "№\tМероприятие\tСроки\tОтветственные\n"
            + "1. Подготовка\t\t\t\n"
            + "1.1.\tСоздание рабочей группы\tкогда получится\tОтдел образования\n"
            + "1.2.\tОтчёт\tчерез годик-другой\tОтдел образования\n"
            + "1.3.\tМониторинг\tДекабрь 2021\tОтдел образования\n";

        var (preview, uploadId) = await UploadAsync(client, "plan.txt", Encoding.UTF8.GetBytes(text));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(2, Count(html, "срок не распознан"));
        Assert.Equal(2, Count(html, "class=\"table-warning\""));
        Assert.Contains("name=\"Form.Dues[2]\"", html);
        var check = await client.PostFormAsync($"{Url}?handler=Check&upload={uploadId}", new()
        {
            ["Form.Node"] = $"municipality:{tree.MunicipalityId}", ["Form.PeriodStart"] = "2021-01-01", ["Form.PeriodEnd"] = "2021-12-31",
            ["Form.Deadlines[1]"] = "до 15.03.2021",
        }, getUrl: Url);
        Assert.Equal(1, Count(await check.Content.ReadAsStringAsync(), "срок не распознан"));

        var save = await SaveAsync(client, uploadId, new()
        {
            ["Form.Node"] = $"municipality:{tree.MunicipalityId}", ["Form.PeriodStart"] = "2021-01-01", ["Form.PeriodEnd"] = "2021-12-31",
            ["Form.Deadlines[1]"] = "до 15.03.2021", ["Form.Deadlines[2]"] = "через годик-другой",
            ["Form.Starts[2]"] = "2021-05-01", ["Form.Dues[2]"] = "2021-06-30",
        });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var roadmapId = long.Parse(save.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var db = app.Db();
        var items = await db.RoadmapItems.Include(i => i.Occurrences).Where(i => i.RoadmapId == roadmapId).OrderBy(i => i.Position).ToListAsync();
        Assert.Equal(("до 15.03.2021", DeadlineKind.Once), (items[0].DeadlineText, items[0].DeadlineKind));
        Assert.Equal(new DateOnly(2021, 3, 15), Assert.Single(items[0].Occurrences).DueDate);
        Assert.Equal(("через годик-другой", DeadlineKind.Window), (items[1].DeadlineText, items[1].DeadlineKind));
        var typed = Assert.Single(items[1].Occurrences);
        Assert.Equal((new DateOnly(2021, 5, 1), new DateOnly(2021, 6, 30)), (typed.StartDate!.Value, typed.DueDate!.Value));
        Assert.Equal(DeadlineKind.Window, items[2].DeadlineKind);
    }

    [Fact]
    public async Task Save_TypedDatesOutsidePeriodOrMissingPeriod_RedisplaysPreviewWithErrorsAndSavesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var text = "№\tМероприятие\tСроки\tОтветственные\n1.\tОтчёт\tкогда-нибудь\tОтдел образования\n2.\tПлан\tкак получится\tОтдел\n3.\tИтог\tпотом\tОтдел\n";
        var (_, uploadId) = await UploadAsync(client, "plan.txt", Encoding.UTF8.GetBytes(text));

        var noPeriod = await SaveAsync(client, uploadId, new() { ["Form.Node"] = $"municipality:{tree.MunicipalityId}" });
        var outside = await SaveAsync(client, uploadId, new()
        {
            ["Form.Node"] = $"municipality:{tree.MunicipalityId}", ["Form.PeriodStart"] = "2021-01-01", ["Form.PeriodEnd"] = "2021-12-31",
            ["Form.Dues[1]"] = "2025-01-31",
        });

        Assert.Contains("Укажите начало периода дорожной карты", await noPeriod.Content.ReadAsStringAsync());
        Assert.Contains("Пункт 1.: даты вне периода дорожной карты", await outside.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Roadmaps.AnyAsync(r => r.MunicipalityId == tree.MunicipalityId));
        Assert.True(await db.Uploads.AnyAsync(u => u.Id == uploadId && u.UserId == userId));
    }

    [Fact]
    public async Task Save_NodeTheUserMayNotEdit_Returns403InScopeAnd404Outside()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.RegionAdmin, tree);
        var (preview, uploadId) = await UploadAsync(client, "plan.txt", SeedBytes("stavropol.txt"));
        var html = await preview.Content.ReadAsStringAsync();

        // A region administrator keeps the regional roadmap; the municipality's is its coordinator's.
        Assert.Contains($"value=\"region:{tree.RegionId}\"", html);
        Assert.DoesNotContain($"value=\"municipality:{tree.MunicipalityId}\"", html);
        var fields = new Dictionary<string, string> { ["Form.PeriodStart"] = "2021-01-01", ["Form.PeriodEnd"] = "2024-12-31" };
        var inScope = await SaveAsync(client, uploadId, new(fields) { ["Form.Node"] = $"municipality:{tree.MunicipalityId}" });
        var outside = await SaveAsync(client, uploadId, new(fields) { ["Form.Node"] = $"region:{other.RegionId}" });

        Assert.Equal(HttpStatusCode.Forbidden, inScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Roadmaps.AnyAsync(r => r.RegionId == tree.RegionId || r.RegionId == other.RegionId));
    }

    [Fact]
    public async Task Get_SomeoneElsesUpload_Returns404()
    {
        var tree = await app.CreateTreeAsync();
        var (owner, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var (_, uploadId) = await UploadAsync(owner, "plan.txt", SeedBytes("essentuki.txt"));
        var (stranger, _) = await SignInAsync(Role.MunicipalCoordinator, tree);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Url}?upload={uploadId}")).StatusCode);
        var save = await stranger.PostFormAsync($"{Url}?handler=Save&upload={uploadId}",
            new() { ["Form.Node"] = $"municipality:{tree.MunicipalityId}" }, getUrl: Url);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
    }

    [Fact]
    public async Task Get_Curator_ListsOnlyOwnOrganizationAsNode()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.Curator, tree);

        var (preview, _) = await UploadAsync(client, "plan.txt", SeedBytes("essentuki.txt"));
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal([$"organization:{tree.OrganizationId}"], NodeOption().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Cli_DryRunJson_PrintsDocumentWithEveryItem()
    {
        var output = await CliRunner.RunAsync(app, ["roadmap", "import", SeedPath("dubna.txt"), "--dry-run", "--json"]);

        Assert.Equal(0, output.Code);
        using var json = JsonDocument.Parse(output.Out);
        var root = json.RootElement;
        Assert.StartsWith("МУНИЦИПАЛЬНЫЙ ПЛАН", root.GetProperty("title").GetString());
        Assert.Equal(7, root.GetProperty("sections").GetArrayLength());
        var items = root.GetProperty("items");
        Assert.Equal(15, items.GetArrayLength());
        var first = items[0];
        Assert.Equal("1.1.1.", first.GetProperty("number").GetString());
        Assert.Equal("ГОРУНО, ЦРО", first.GetProperty("responsible").GetString());
        Assert.Equal("Приказ ГОРУНО", first.GetProperty("result").GetString());
        var deadline = first.GetProperty("deadline");
        Assert.Equal("window", deadline.GetProperty("kind").GetString());
        Assert.Equal("2021-10-09", deadline.GetProperty("occurrences")[0].GetProperty("due").GetString());
        Assert.All(items.EnumerateArray(), i => Assert.NotEqual("unrecognized", i.GetProperty("deadline").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Cli_ImportToMunicipality_SavesDraftOnceEvenWhenRunTwice()
    {
        var tree = await app.CreateTreeAsync();
        await using var db = app.Db();
        var municipality = await db.Municipalities.Where(m => m.Id == tree.MunicipalityId).Select(m => m.Name).SingleAsync();
        string[] args = ["roadmap", "import", SeedPath("essentuki.txt"), "--node", $"municipality:{municipality}", "--json"];

        var first = await CliRunner.RunAsync(app, args);
        var second = await CliRunner.RunAsync(app, args);

        Assert.Equal((0, 0), (first.Code, second.Code));
        using var a = JsonDocument.Parse(first.Out);
        using var b = JsonDocument.Parse(second.Out);
        Assert.False(a.RootElement.GetProperty("already_imported").GetBoolean());
        Assert.True(b.RootElement.GetProperty("already_imported").GetBoolean());
        Assert.Equal(a.RootElement.GetProperty("roadmap_id").GetInt64(), b.RootElement.GetProperty("roadmap_id").GetInt64());
        Assert.Equal(17, a.RootElement.GetProperty("items").GetInt32());
        var roadmap = await db.Roadmaps.SingleAsync(r => r.MunicipalityId == tree.MunicipalityId);
        Assert.Equal((RoadmapStatus.Draft, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)), (roadmap.Status, roadmap.PeriodStart, roadmap.PeriodEnd));
    }

    [Fact]
    public async Task Cli_NoNodeAndNoDryRun_FailsWithUsage()
    {
        var output = await CliRunner.RunAsync(app, ["roadmap", "import", SeedPath("essentuki.txt")]);

        Assert.Equal(2, output.Code);
        Assert.Contains("укажите, куда сохранить", output.Error);
    }

    [Fact]
    public async Task Cli_BenchImportWithConnection_TimesReadingAndSavingThenDeletesItsRows()
    {
        var output = await CliRunner.BenchAsync(app, ["import", "--items", "40", "--runs", "1", "--connection", app.ConnectionString]);

        Assert.Equal(0, output.Code);
        Assert.Contains("Импорт .docx на 40 пунктов", output.Out);
        Assert.Matches(@"сохранение черновика \(сроков исполнения: \d+, веер на 6 школ\): медиана \d+ мс", output.Out);
        await using var db = app.Db();
        Assert.False(await db.Regions.AnyAsync(r => r.Name.StartsWith("Замер импорта")));
        Assert.False(await db.Roadmaps.AnyAsync(r => r.SourceFileName == "bench.docx"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private async Task<(HttpClient Client, long UserId)> SignInAsync(Role role, AppFixture.Tree tree)
    {
        var login = await app.CreateUserAsync(role, tree);
        var client = await app.SignInAsync(login);
        await using var db = app.Db();
        return (client, await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());
    }

    /// <summary>Posts the file; on success follows the redirect to the preview and returns it with the upload id.</summary>
    private static async Task<(HttpResponseMessage Response, long UploadId)> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent(fileName, content));
        if (response.StatusCode != HttpStatusCode.Redirect) return (response, 0);
        var location = response.Headers.Location!.OriginalString;
        var id = long.Parse(Regex.Match(location, @"upload=(\d+)").Groups[1].Value);
        return (await client.GetAsync(location), id);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, long uploadId, Dictionary<string, string> fields) =>
        client.PostFormAsync($"{Url}?handler=Save&upload={uploadId}", fields, getUrl: Url);

    private static async Task<long> SaveExpectingRedirectAsync(HttpClient client, long uploadId, string node, string start, string end)
    {
        var save = await SaveAsync(client, uploadId, new() { ["Form.Node"] = node, ["Form.PeriodStart"] = start, ["Form.PeriodEnd"] = end });
        Assert.True(save.StatusCode == HttpStatusCode.Redirect, await save.Content.ReadAsStringAsync());
        return long.Parse(Regex.Match(save.Headers.Location!.OriginalString, @"^/Roadmaps/Card/(\d+)$").Groups[1].Value);
    }

    private static async Task<long> ImportAsync(HttpClient client, string fileName, byte[] content, string node, string start, string end)
    {
        var (preview, uploadId) = await UploadAsync(client, fileName, content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        return await SaveExpectingRedirectAsync(client, uploadId, node, start, end);
    }

    private static MultipartFormDataContent FileContent(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "Document", fileName } };
    }

    private static (string Start, string End) PeriodOf(string html) =>
        (Regex.Match(html, "name=\"Form.PeriodStart\" value=\"([^\"]*)\"").Groups[1].Value,
         Regex.Match(html, "name=\"Form.PeriodEnd\" value=\"([^\"]*)\"").Groups[1].Value);

    private static int Count(string html, string what) => Regex.Matches(html, Regex.Escape(what)).Count;

    /// <summary>A demo roadmap («azov.txt») or a real seed file («000_….txt», skipping the test without ../shared/seeds).</summary>
    private static string SeedPath(string file) => char.IsAsciiDigit(file[0]) ? RoadmapFiles.Seed(file) : RoadmapFiles.Demo(file);

    private static byte[] SeedBytes(string seed) => File.ReadAllBytes(SeedPath(seed));

    private static string RoadmapImportHash(string seed) => Nastavnik.Web.Features.Roadmaps.RoadmapImporter.Hash(SeedBytes(seed));

    /// <summary>A .docx with the given paragraphs and, when <paramref name="table"/> adds rows, one table after them.</summary>
    private static byte[] Docx(string[] paragraphs, Action<Table> table)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var p in paragraphs) body.Append(new Paragraph(new Run(new Text(p))));
            var t = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
            table(t);
            if (t.Elements<TableRow>().Any()) body.Append(t);
            body.Append(new Paragraph(new Run(new Text("Директор"))));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static TableRow Row(params string[] cells) => new(cells.Select(c => Cell(c)));

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null) => Cell([text], span, merge);

    private static TableCell Cell(string first, string second) => Cell([first, second]);

    private static TableCell Cell(string[] paragraphs, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
        var cell = new TableCell(properties);
        foreach (var p in paragraphs) cell.Append(new Paragraph(new Run(new Text(p))));
        return cell;
    }

    [GeneratedRegex("<option value=\"((?:region|municipality|organization):\\d+)\"")]
    private static partial Regex NodeOption();
}

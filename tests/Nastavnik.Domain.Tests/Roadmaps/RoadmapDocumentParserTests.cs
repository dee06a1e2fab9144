using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Domain.Tests.Roadmaps;

/// <summary>
/// The project's five demo roadmaps (one per shape the real extracted roadmaps come in), then the five real seed
/// roadmaps (../shared/seeds; skipped when absent), each flattened differently by its extraction, read into sections
/// and items; then tables as the .docx/.xlsx readers hand them over. Item counts were made by hand from the files.
/// </summary>
public class RoadmapDocumentParserTests
{
    private static RoadmapDocument Demo(string file) => RoadmapDocumentParser.Parse(File.ReadAllText(RoadmapFiles.Demo(file)));

    private static RoadmapDocument Seed(string file) => RoadmapDocumentParser.Parse(File.ReadAllText(RoadmapFiles.Seed(file)));

    private static RoadmapDocumentItem Item(RoadmapDocument document, string number) =>
        Assert.Single(document.Items, i => i.Number == number);

    private static void AssertItem(RoadmapDocument document, string number, string titleStart, string deadline, string responsible)
    {
        var item = Item(document, number);
        Assert.StartsWith(titleStart, item.Title);
        Assert.Equal(deadline, item.DeadlineText);
        Assert.Equal(responsible, item.Responsible);
    }

    private static int Recognized(RoadmapDocument document) =>
        document.Items.Count(i => (i.StartText.Length > 0 && i.EndText.Length > 0
            ? DeadlineParser.FromColumns(i.StartText, i.EndText, document.Period ?? Period.Years(2020, 2024))
            : DeadlineParser.Parse(i.DeadlineText, document.Period ?? Period.Years(2020, 2024))).Kind != DeadlineKind.Unrecognized);

    [Fact]
    public void Parse_DemoAzovFlattenedPdfText_Finds20ItemsUnderSixSectionsAndSubHeading()
    {
        // PDF text, a blank line after every line. Items: 1.1–1.5 (5), 2.1–2.4 (4), 3.1–3.5 (5), 4.1–4.3 (3),
        // 5.1.1–5.1.2 (2), 6.1 (1) = 20; headings 1.–6. and «5.1.», which has no deadline and heads 5.1.1/5.1.2 = 7.
        var d = Demo("azov.txt");

        Assert.Equal(20, d.Items.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal("5.1.", d.Sections.Single(s => s.Level == 2).Number);
        Assert.Equal(("423", new DateOnly(2020, 9, 15)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.StartsWith("План мероприятий (дорожная карта) внедрения целевой модели наставничества", d.Title);
        Assert.Null(d.Period);

        AssertItem(d, "1.2.", "Согласование школьных дорожных карт", "до 20.11.2020", "Управление образования г. Азова");
        Assert.Equal("Согласованные дорожные карты", Item(d, "1.2.").Result);
        // A dash list inside the title keeps its lines; a long title goes on below the row's short cells.
        Assert.Contains("определяющие:\n- сроки внедрения ЦМН;\n- куратора внедрения", Item(d, "1.3.").Title);
        AssertItem(d, "1.5.", "Меры по вовлечению в программы наставничества", "до 01.12.2020", "Руководители ОО");
        Assert.EndsWith("детей-сирот.", Item(d, "1.5.").Title);
        // A deadline cell broken over six lines.
        AssertItem(d, "2.1.", "Доведение до ОО материалов министерства", "По мере поступления из Министерства образования Ростовской области", "Сектор ИМР");
        // «на 2020-2021 учебный год» belongs to the title; the deadline is the date after it.
        AssertItem(d, "3.1.", "Формирование базы наставляемых на 2020-2021 учебный год", "15.11.2020", "Кураторы внедрения ЦМН ОО");
        AssertItem(d, "3.3.", "Обучение наставников", "по отдельному графику", "");
        Assert.Equal("5.1.", Item(d, "5.1.1.").SectionNumber);
        AssertItem(d, "5.1.2.", "на уровне города:", "с 1 декабря по 31 декабря 2020г.", "Управление образования г. Азова");
        Assert.Equal(20, Recognized(d));
    }

    [Fact]
    public void Parse_DemoVolgodonskTabSeparatedRowsWithHtml_Finds25ItemsInSixSectionsAndOrderBasis()
    {
        // An order, then tab-separated rows, some cells as HTML, a page-broken row continued by a tab-led line and a
        // heading broken in two. Items: 1.1–1.7 (7), 2.1–2.4 (4), 3.1–3.7 (7), 4.1–4.3 (3), 5.1–5.2 (2), 6.1–6.2 (2) = 25.
        var d = Demo("volgodonsk.txt");

        Assert.Equal(25, d.Items.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], d.Sections.Select(s => s.Number));
        Assert.Equal("Информационное и методическое сопровождение участников внедрения целевой модели наставничества", d.Sections[1].Title);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], d.Items.Where(i => i.SectionNumber == "3.").Select(i => i.Stage ?? 0));
        Assert.Equal(("310", new DateOnly(2020, 9, 30)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.StartsWith("Приказ от 30.09.2020 № 310 «Об утверждении муниципального плана мероприятий", d.Basis.Text);
        Assert.Equal("«Дорожная карта» внедрения целевой модели наставничества в общеобразовательных организациях Волгодонского района.", d.Title);
        Assert.Equal(Period.Years(2020, 2024), d.Period);

        AssertItem(d, "1.1", "Назначение специалиста Отдела образования", "Сентябрь 2020", "Отдел образования");
        var order = Item(d, "1.6.");
        Assert.Contains("определяющий порядок работы по программе наставничества:\n- сроки запуска программы наставничества;", order.Title);
        Assert.Equal("Октябрь 2020", order.DeadlineText);
        AssertItem(d, "1.7.", "Определение форм наставничества", "Октябрь – ноябрь 2020", "руководители общеобразовательных организаций, кураторы внедрения ЦМН в ОО");
        AssertItem(d, "3.4.", "Обучение наставников", "Согласно графику ОО", "руководители общеобразовательных организаций, кураторы внедрения ЦМН в ОО");
        AssertItem(d, "4.2.", "Мониторинг удовлетворённости", "Декабрь 2020, Декабрь 2021, Декабрь 2022, Декабрь 2023, Декабрь 2024", "руководители ОО");
        Assert.All(d.Items, i => Assert.Equal("", i.Result));
        Assert.Equal(25, Recognized(d));
    }

    [Fact]
    public void Parse_DemoEssentukiCellPerLine_FindsItems1To17UnderSixStagesAndInformationSupport()
    {
        // Each cell on its own tab-led line, wrapped cell text on untabbed lines, a column-number row «1 2 3 4».
        var d = Demo("essentuki.txt");

        Assert.Equal(Enumerable.Range(1, 17).Select(n => $"{n}."), d.Items.Select(i => i.Number));
        Assert.Equal(["I этап", "II этап", "III этап", "IV этап", "V этап", "VI этап", "VII"], d.Sections.Select(s => s.Number));
        Assert.StartsWith("План мероприятий (дорожная карта) по внедрению целевой модели наставничества педагогических работников", d.Title);
        // «V этап. Организация работы наставнических пар» is stage 6 of the programme.
        Assert.Equal([1, 2, 3, 4, 6, 7], d.Items.Where(i => i.Stage is not null).Select(i => i.Stage!.Value).Distinct());
        Assert.Null(Item(d, "16.").Stage);

        AssertItem(d, "1.", "Согласование дорожных карт образовательных организаций", "сентябрь-октябрь 2022 г.",
            "Управление образования администрации г. Ессентуки");
        AssertItem(d, "4.", "Анкетирование молодых и вновь принятых педагогов", "ноябрь–декабрь 2022 г., далее - ежегодно сентябрь", "Образовательные учреждения");
        AssertItem(d, "10.", "Регулярные встречи наставника и наставляемого", "с февраля 2023 г. на регулярной основе до завершения наставничества",
            "Образовательные учреждения");
        Assert.Equal("VII", Item(d, "17.").SectionNumber);
        Assert.Equal(17, Recognized(d));
    }

    [Fact]
    public void Parse_DemoDubnaFlattenedWithStartEndColumns_FindsDirectionsSubDirectionsAnd15Items()
    {
        // PDF text with a two-row header (Мероприятие · Результат; Дата начала · Дата окончания). Items: 1.1.1, 1.1.2,
        // 1.2.1, 1.2.2 (4), 2.1–2.3 (3), 3.1–3.4 (4), 4.1–4.2 (2, «4. 1.» written with a space), 5.1–5.2 (2) = 15.
        var d = Demo("dubna.txt");

        Assert.Equal(15, d.Items.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5."], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal(["1.1.", "1.2."], d.Sections.Where(s => s.Level == 2).Select(s => s.Number));
        Assert.True(d.StartEndColumns);
        Assert.Equal(Period.Years(2021, 2024), d.Period);
        Assert.Equal(("175/1.1 – 08", new DateOnly(2021, 10, 4)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.Equal("4.1.", d.Items[11].Number);

        var first = Item(d, "1.1.1.");
        Assert.Equal(("1.1.", "Создание муниципальной рабочей группы по внедрению целевой модели наставничества"), (first.SectionNumber, first.Title));
        Assert.Equal(("04.10.2021", "09.10.2021", "ГОРУНО, ЦРО", "Приказ ГОРУНО"), (first.StartText, first.EndText, first.Responsible, first.Result));
        var training = Item(d, "3.1.");
        Assert.Equal(("Ноябрь 2021", "Апрель 2024"), (training.StartText, training.EndText));
        AssertItem(d, "3.4.", "Совещания с кураторами ОУ", "декабрь 2021 г декабрь 2022 г. декабрь 2023 г.", "ЦРО");
        AssertItem(d, "4.1.", "Создание раздела «Наставничество» на официальном сайте ЦРО", "В течение периода", "ЦРО");
        Assert.Equal("Раздел сайта создан", Item(d, "4.1.").Result);
        AssertItem(d, "5.1.", "Формирование базы наставников и наставляемых", "До 15.01.2022г. с последующим ежегодным обновлением", "ЦРО, ОУ");
        Assert.Equal(15, Recognized(d));
    }

    [Fact]
    public void Parse_DemoStavropolThreeResponsibleColumns_KeepsParentRowsAsItemsAndDashAsNoParty()
    {
        // Tab-separated rows, two-row header (Ответственные over Региональные · Муниципальные · Образовательные
        // организации), bold parent rows 1.–3. with their own deadline and parties: 13 numbered rows + 3 parents = 16.
        var d = Demo("stavropol.txt");

        Assert.Equal(16, d.Items.Count);
        Assert.Equal(3, d.Sections.Count);
        Assert.True(d.ResponsibleByLevel);
        Assert.Equal(Period.Years(2021, 2024), d.Period);
        Assert.Equal(RoadmapBasis.None, d.Basis);

        var parent = Item(d, "2.");
        Assert.Equal(("2.", "Выявление и распространение лучших практик наставничества", "2021-2024 гг."), (parent.SectionNumber, parent.Title, parent.DeadlineText));
        Assert.Equal("Министерство образования Ставропольского края Региональный центр наставничества", parent.ResponsibleRegional);
        var monitoring = Item(d, "1.1");
        Assert.Equal(("Региональный центр наставничества", null, null),
            (monitoring.ResponsibleRegional, monitoring.ResponsibleMunicipal, monitoring.ResponsibleOrganization));
        Assert.Null(Item(d, "1.4.").ResponsibleRegional);
        Assert.Null(Item(d, "3.2.").ResponsibleOrganization);
        // Rows broken across pages continue cell by cell.
        var seminars = Item(d, "1.2.");
        Assert.EndsWith("подбору наставников и ведению баз наставничества", seminars.Title);
        Assert.Equal("Кураторы внедрения целевой модели в образовательной организации (далее – кураторы)", seminars.ResponsibleOrganization);
        Assert.Equal("Органы местного самоуправления, осуществляющие управление в сфере образования", Item(d, "2.4.").ResponsibleMunicipal);
        Assert.Equal(16, Recognized(d));
    }

    [SkippableFact]
    public void Parse_SeedAzovFlattenedPdfText_FindsAll22ItemsUnderSixSectionsAndSubHeading()
    {
        // 000: PDF text, columns flattened into lines. Numbered rows, counted by hand: 1.1–1.5 (5), 2.1–2.5 (5),
        // 3.1–3.6 (6), 4.1–4.3 (3), 5.1.1–5.1.2 (2), 6.1 (1) = 22 items. Headings: 1.–6. (6) plus «5.1. Контроль
        // реализации…», which has no deadline and heads 5.1.1/5.1.2 (a level-2 heading) = 7 sections.
        var d = Seed("000_832a53ffb5b59720.txt");

        Assert.Equal(22, d.Items.Count);
        Assert.Equal(7, d.Sections.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal(("5.1.", 2), d.Sections.Where(s => s.Level == 2).Select(s => (s.Number, s.Level)).Single());
        Assert.Equal(
            ["1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "2.1.", "2.2.", "2.3.", "2.4.", "2.5.", "3.1.", "3.2.", "3.3.", "3.4.", "3.5.",
             "3.6.", "4.1.", "4.2.", "4.3.", "5.1.1.", "5.1.2.", "6.1."],
            d.Items.Select(i => i.Number));
        Assert.Equal("Приложение к приказу Управления образования г. Азова от 15.09.2020 № 423", d.Basis.Text);
        Assert.Equal(("423", new DateOnly(2020, 9, 15)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.StartsWith("План мероприятий (дорожная карта) внедрения методологии", d.Title);
        Assert.EndsWith("на территории г. Азова", d.Title);

        AssertItem(d, "1.1.", "Разработка дорожных карт внедрения целевой модели наставничества", "до 15.11.2020", "Руководители ОО");
        Assert.Equal("Дорожные карты", Item(d, "1.1.").Result);
        AssertItem(d, "1.2.", "Согласование дорожных карт", "до 20.11.2020", "Управление образования г. Азова");
        Assert.Equal("Согласование (в рамках компетенции)", Item(d, "1.2.").Result);
        AssertItem(d, "1.4.", "Заключение соглашений с организациями", "до 2021", "Руководители ОО (в рамках компетенции)");
        // The long title goes on below the row's short cells.
        AssertItem(d, "1.5.", "Разработка и утверждение мер по обеспечению доступности программ наставничества", "до 01.12.2020", "Руководители ОО");
        Assert.EndsWith("детей-сирот (оставшихся без попечения родителей).", Item(d, "1.5.").Title);
        Assert.Equal("Распорядительные акты", Item(d, "1.5.").Result);
        AssertItem(d, "2.1.", "Информирование ОО о внедрении целевой модели наставничества",
            "По мере поступления из Министерства образования Ростовской области", "Сектор ИМР");
        Assert.Equal("Информационные письма в ОО", Item(d, "2.1.").Result);
        // «в 2020-2021 учебном году» belongs to the title; the deadline is the date after it.
        AssertItem(d, "3.1.", "Формирование базы наставляемых в 2020-2021 учебном году", "15.11.2020", "Кураторы внедрения ЦМН ОО");
        AssertItem(d, "3.2.", "Формирование базы наставников для реализации ЦМН в 2020-2021 учебном году", "15-30 октября 2020 .", "Кураторы внедрения ЦМН ОО");
        AssertItem(d, "3.3.", "Обучение наставников", "по отдельному графику", "");
        AssertItem(d, "5.1.1.", "на уровне образовательных организаций:", "с 1 ноября по 31 декабря 2020г.", "Кураторы внедрения ЦМН в ОО");
        Assert.Equal("5.1.", Item(d, "5.1.1.").SectionNumber);
        Assert.StartsWith("Предоставление контрольно-аналитических материалов", Item(d, "5.1.1.").Result);
        AssertItem(d, "6.1.", "На уровне муниципалитета", "в течение всего периода внедрения ЦМН", "Управление образования г. Азова");
        Assert.Equal(22, Recognized(d));
    }

    [SkippableFact]
    public void Parse_SeedVolgodonskTabSeparatedRowsWithHtml_FindsAll30ItemsInSevenSectionsAndOrderBasis()
    {
        // 001: an order, then the plan as tab-separated rows, some cells as HTML (<p>, <ul><li>), a page-broken row
        // continued by a tab-led line. Numbered rows: 1.1–1.9 (9), 2.1–2.5 (5), 3.1–3.7 (7), 4.1–4.2 (2), 5.1–5.3 (3),
        // 6.1–6.2 (2), 7.1–7.2 (2) = 30 items; headings 1.–7. = 7 sections, section 3 being the seven stages.
        var d = Seed("001_99df185b4467ac42.txt");

        Assert.Equal(30, d.Items.Count);
        Assert.Equal(7, d.Sections.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7."], d.Sections.Select(s => s.Number));
        Assert.Equal("Организационная, информационная и просветительская поддержка участников внедрения целевой модели наставничества",
            d.Sections[1].Title);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], d.Items.Where(i => i.SectionNumber == "3.").Select(i => i.Stage ?? 0));
        Assert.Equal(("310", new DateOnly(2020, 9, 30)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.StartsWith("Приказ от 30.09.2020 № 310 «Об утверждении муниципальной «Дорожной карты»", d.Basis.Text);
        Assert.Equal("«Дорожная карта» реализации целевой модели наставничества в общеобразовательных организациях Волгодонского района.", d.Title);
        Assert.Equal(Period.Years(2020, 2024), d.Period);

        AssertItem(d, "1.1", "Определение ответственных лиц из числа специалистов Отдела образования", "Сентябрь 2020", "Отдел образования");
        AssertItem(d, "1.4.", "Разработка положений о программе ЦМН", "До 13.10.2020", "руководители общеобразовательных организаций, кураторы по внедрению ЦМН в ОО");
        // The HTML continuation row joins the item above it, list items kept on their own lines.
        var seven = Item(d, "1.7.");
        Assert.Contains("на уровне образовательных организаций, включающие:\n- сроки внедрения ЦМН в образовательной организации;", seven.Title);
        Assert.Equal("Октябрь 2020", seven.DeadlineText);
        AssertItem(d, "3.4.", "Обучение наставников", "Согласно графику ОО", "руководители общеобразовательных организаций, кураторы по внедрению ЦМН в ОО");
        AssertItem(d, "6.1.", "-Контроль реализации мероприятий", "Декабрь 2020, Декабрь 2021, Декабрь 2022, Декабрь 2023, Декабрь 2024",
            "Отдел образования, руководители ОО");
        AssertItem(d, "7.2.", "На уровне муниципалитета", "В течение всего периода внедрения", "Отдел образования");
        Assert.All(d.Items, i => Assert.Equal("", i.Result));
        Assert.Equal(30, Recognized(d));
    }

    [SkippableFact]
    public void Parse_SeedEssentukiCellPerLine_FindsItems1To28UnderSixStagesAndInformationSupport()
    {
        // 002: each cell on its own tab-led line, wrapped cell text on untabbed lines, a column-number row «1 2 3 4».
        // Items numbered straight through 1.–28. = 28; headings «I этап.» … «VI этап.» and «VII.» = 7 sections.
        var d = Seed("002_328e86fef4d7fff5.txt");

        Assert.Equal(28, d.Items.Count);
        Assert.Equal(7, d.Sections.Count);
        Assert.Equal(Enumerable.Range(1, 28).Select(n => $"{n}."), d.Items.Select(i => i.Number));
        Assert.Equal(["I этап", "II этап", "III этап", "IV этап", "V этап", "VI этап", "VII"], d.Sections.Select(s => s.Number));
        Assert.Equal("Информационная поддержка системы наставничества.", d.Sections[6].Title);
        Assert.StartsWith("План мероприятий (дорожная карта) по реализации (целевой модели) наставничества педагогических работников", d.Title);
        // The plan has no stage 5: «V этап. Организация и осуществление работы…» is stage 6 of the programme.
        Assert.Equal([1, 2, 3, 4, 6, 7], d.Items.Where(i => i.Stage is not null).Select(i => i.Stage!.Value).Distinct());
        Assert.Null(Item(d, "27.").Stage);

        AssertItem(d, "1.", "Согласование дорожных карт внедрения целевой модели наставничества", "сентябрь-октябрь 2022 г.",
            "Управление образования администрации г. Ессентуки");
        Assert.Equal("I этап", Item(d, "1.").SectionNumber);
        AssertItem(d, "4.", "Встреча с обучающимися", "октябрь-ноябрь 2022 г., далее - ежегодно сентябрь", "Образовательные учреждения");
        AssertItem(d, "17.", "Регулярные встречи наставника и наставляемого", "с февраля 2023 г. на регулярной основе до завершения наставничества",
            "Образовательные учреждения");
        AssertItem(d, "28.", "Проведение мероприятий, направленных на выявление лучших практик", "постоянно",
            "Управление образования администрации г. Ессентуки");
        Assert.Equal("VII", Item(d, "28.").SectionNumber);
        Assert.Equal(28, Recognized(d));
    }

    [SkippableFact]
    public void Parse_SeedDubnaFlattenedWithStartEndColumns_FindsFiveDirectionsSubDirectionsAnd20Items()
    {
        // 003: PDF text with a two-row header (Мероприятие · Результат under the direction; Дата начала · Дата окончания
        // under the deadline). Items: 1.1.1, 1.1.2, 1.2.1, 1.3.1 (4), 2.1–2.3 (3), 3.1–3.6 (6), 4.1–4.3 (3, «4. 1.»
        // written with a space), 5.1–5.4 (4) = 20. Sections: directions 1.–5. and sub-directions 1.1., 1.2., 1.3. = 8.
        var d = Seed("003_8b14bc2043315ff6.txt");

        Assert.Equal(20, d.Items.Count);
        Assert.Equal(8, d.Sections.Count);
        Assert.Equal(["1.", "2.", "3.", "4.", "5."], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal(["1.1.", "1.2.", "1.3."], d.Sections.Where(s => s.Level == 2).Select(s => s.Number));
        Assert.Equal("Нормативно-правовое обеспечение", d.Sections.Single(s => s.Number == "1.1.").Title);
        Assert.True(d.StartEndColumns);
        Assert.Equal(Period.Years(2021, 2024), d.Period);
        Assert.Equal(("175/1.1 – 08", new DateOnly(2021, 10, 4)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.EndsWith("«О реализации системы мероприятий по управлению внедрением целевой модели наставничества»", d.Basis.Text);
        Assert.Equal("4.1.", d.Items[13].Number);

        var first = Item(d, "1.1.1.");
        Assert.Equal(("1.1.", "Создание рабочей группы по внедрению целевой модели наставничества"), (first.SectionNumber, first.Title[..66]));
        Assert.Equal(("04.10.2021", "09.10.2021", "ГОРУНО, ЦРО", "Приказ ГОРУНО"), (first.StartText, first.EndText, first.Responsible, first.Result));
        var analysis = Item(d, "1.3.1.");
        Assert.Equal(("Анализ материально — технических ресурсов", "Определены ресурсы и их дефициты для реализации проекта"),
            (analysis.Title, analysis.Result));
        var seminar = Item(d, "2.1.");
        Assert.EndsWith("в программе реализации наставничества в общеобразовательной организации»", seminar.Title);
        Assert.Equal(("Круглый стол", "ЦРО"), (seminar.Result, seminar.Responsible));
        var training = Item(d, "3.2.");
        Assert.Equal(("Ноябрь 2021", "Апрель 2024"), (training.StartText, training.EndText));
        AssertItem(d, "3.4.", "Обучение по программам дополнительного", "До декабря 2022 г.", "ЦРО, ОУ");
        AssertItem(d, "3.6.", "Совещания с образовательными организациями", "декабрь 2021 г декабрь 2022 г. декабрь 2023 г.", "ЦРО");
        AssertItem(d, "5.3.", "Формирование базы наставников и наставляемых", "До 15.01.2022г. с последующим ежегодным обновлением", "ЦРО, ОУ");
        AssertItem(d, "5.4", "Участие в мониторинге и оценке", "Ежегодно", "ЦРО,ОУ");
        Assert.Equal(20, Recognized(d));
    }

    [SkippableFact]
    public void Parse_SeedStavropolThreeResponsibleColumns_KeepsParentRowsAsItemsAndDashAsNoParty()
    {
        // 004: tab-separated rows, two-row header (Ответственные over Региональные · Муниципальные · Образовательные
        // организации), bold parent rows in <b>. Numbered rows 1.1–1.7 (7), 2.1–2.5 (5), 3.1–3.4 (4) = 16, plus the
        // three parent rows 1., 2., 3., which carry their own deadline and parties = 19 items; 3 sections.
        var d = Seed("004_328698f533d2d36b.txt");

        Assert.Equal(19, d.Items.Count);
        Assert.Equal(3, d.Sections.Count);
        Assert.True(d.ResponsibleByLevel);
        Assert.Equal(Period.Years(2021, 2024), d.Period);
        Assert.StartsWith("Дорожная карта (план мероприятий) внедрения целевой модели наставничества обучающихся", d.Title);
        Assert.Equal(RoadmapBasis.None, d.Basis);

        var parent = Item(d, "2.");
        Assert.Equal(("2.", "Выявление и диссеминация лучших практик наставничества", "2021-2024 гг."), (parent.SectionNumber, parent.Title, parent.DeadlineText));
        Assert.Equal("Министерство образования Ставропольского края Региональный центр наставничества", parent.ResponsibleRegional);
        Assert.Equal("Руководители образовательных организаций, кураторы", parent.ResponsibleOrganization);
        var monitoring = Item(d, "1.1");
        Assert.Equal(("Региональный центр наставничества", null, null),
            (monitoring.ResponsibleRegional, monitoring.ResponsibleMunicipal, monitoring.ResponsibleOrganization));
        Assert.Equal("Региональный центр наставничества", monitoring.Responsible);
        var pairs = Item(d, "1.6.");
        Assert.Equal((null, null, "Руководители образовательных организаций, кураторы"),
            (pairs.ResponsibleRegional, pairs.ResponsibleMunicipal, pairs.ResponsibleOrganization));
        // A row broken across pages continues cell by cell.
        var seminars = Item(d, "1.2.");
        Assert.EndsWith("для муниципальных и институциональных кураторов по программам наставничества", seminars.Title);
        Assert.Equal("Органы исполнительной власти муниципалитетов, осуществляющие управление в сфере образования", seminars.ResponsibleMunicipal);
        Assert.Equal("Руководители образовательных организаций, кураторы", Item(d, "1.7.").ResponsibleOrganization);
        AssertItem(d, "3.4.", "Представление результатов", "2024 г.",
            "Министерство образования Ставропольского края Региональный центр наставничества; Органы исполнительной власти муниципалитетов, осуществляющие управление в сфере образования; Руководители образовательных организаций, кураторы");
        Assert.Equal(19, Recognized(d));
    }

    [Fact]
    public void ParseTable_DocxRowsWithColumnNumbersHeadingsAndContinuation_ReadsItems()
    {
        string[][] rows =
        [
            ["Приложение к приказу отдела образования от 01.09.2023 № 12", "", "", "", ""],
            ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель", "Ожидаемые результаты"],
            ["1", "2", "3", "4", "5"],
            ["1. Организационные мероприятия", "", "", "", ""],
            ["1.1.", "Назначение куратора", "до 15.09.2023", "Руководители ОО", "Приказ"],
            ["", "внедрения целевой модели", "", "", ""],
            ["1.2.", "Разработка программы\nнаставничества", "Октябрь 2023", "Кураторы", "Программа"],
            ["Информационное сопровождение", "", "", "", ""],
            ["", "Публикации на сайте", "постоянно", "Кураторы", ""],
        ];

        var d = RoadmapDocumentParser.ParseTable(rows, "План мероприятий (дорожная карта)\nМБОУ СОШ № 1");

        Assert.Equal("План мероприятий (дорожная карта) МБОУ СОШ № 1", d.Title);
        Assert.Equal(("12", new DateOnly(2023, 9, 1)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.Equal([("1.", "Организационные мероприятия"), ("", "Информационное сопровождение")], d.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(
            [
                ("1.1.", "Назначение куратора внедрения целевой модели", "до 15.09.2023", "Руководители ОО", "Приказ", (int?)1),
                ("1.2.", "Разработка программы наставничества", "Октябрь 2023", "Кураторы", "Программа", 1),
                ("", "Публикации на сайте", "постоянно", "Кураторы", "", 2),
            ],
            d.Items.Select(i => (i.Number, i.Title, i.DeadlineText, i.Responsible, i.Result, i.SectionPosition)));
    }

    [Fact]
    public void ParseTable_TwoRowHeaderWithStartEndAndMergedDateCell_SplitsColumns()
    {
        string[][] rows =
        [
            ["№ п/п", "Наименование целевого направления плана", "", "Срок реализации", "", "Ответственный за исполнение мероприятия"],
            ["", "Мероприятие", "Результат", "Дата начала", "Дата окончания", ""],
            ["1.", "Создание рабочей группы", "Приказ", "04.10.2021", "09.10.2021", "ГОРУНО"],
            ["2.", "Консультации", "Справка", "В течение периода", "", "ЦРО"],
        ];

        var d = RoadmapDocumentParser.ParseTable(rows, "");

        Assert.True(d.StartEndColumns);
        Assert.Equal(
            [
                ("1.", "Создание рабочей группы", "Приказ", "04.10.2021 – 09.10.2021", "04.10.2021", "09.10.2021", "ГОРУНО"),
                ("2.", "Консультации", "Справка", "В течение периода", "", "", "ЦРО"),
            ],
            d.Items.Select(i => (i.Number, i.Title, i.Result, i.DeadlineText, i.StartText, i.EndText, i.Responsible)));
        Assert.Contains(d.Warnings, w => w.Contains("Название дорожной карты не найдено"));
    }

    [Fact]
    public void ParseTable_StageColumnAndExecutorHeader_ReadsStageAndResponsible()
    {
        string[][] rows =
        [
            ["Наименование этапа", "Мероприятие", "Сроки", "Исполнители"],
            ["Формирование базы наставников", "Анкетирование педагогов", "ноябрь 2023 г.", "Куратор"],
        ];

        var item = Assert.Single(RoadmapDocumentParser.ParseTable(rows, "Дорожная карта").Items);

        Assert.Equal(("Анкетирование педагогов", "ноябрь 2023 г.", "Куратор", (int?)3), (item.Title, item.DeadlineText, item.Responsible, item.Stage));
    }

    [Fact]
    public void Parse_FlattenedOrderTextWithNumberSignBeforeTable_FindsTheRealHeader()
    {
        var text = string.Join("\n",
            "ПРИКАЗ", "01.09.2023", "№ 57", "Об утверждении дорожной карты", "В соответствии с приказом № 12 приказываю: утвердить план.",
            "План мероприятий (дорожная карта)", "№ п/п", "Наименование мероприятия Срок Ответственный", "1 2 3 4",
            "1. Назначить куратора до 15.09.2023 Директор", "2. Провести семинар Октябрь 2023 Куратор");

        var d = RoadmapDocumentParser.Parse(text);

        Assert.Equal([("1.", "Назначить куратора", "до 15.09.2023", "Директор"), ("2.", "Провести семинар", "Октябрь 2023", "Куратор")],
            d.Items.Select(i => (i.Number, i.Title, i.DeadlineText, i.Responsible)));
        Assert.Equal(("57", new DateOnly(2023, 9, 1)), (d.Basis.OrderNumber, d.Basis.OrderDate));
        Assert.Equal("План мероприятий (дорожная карта)", d.Title);
        Assert.Equal("Приказ от 01.09.2023 № 57 «Об утверждении дорожной карты»", d.Basis.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Просто письмо без таблицы.\nС уважением, директор")]
    [InlineData("ФИО\tДолжность\tТелефон\nИванов И.И.\tДиректор\t123\nПетров П.П.\tЗавуч\t456\nСидоров\tУчитель\t789")]
    [InlineData("1.\n2.\n\t\t\n<p><b>**</b></p>\n1 2 3 4 5\n№")]
    public void Parse_TextWithoutRoadmapTable_ReturnsEmptyDocumentWithWarning(string text)
    {
        var d = RoadmapDocumentParser.Parse(text);

        Assert.True(d.IsEmpty);
        Assert.Contains(d.Warnings, w => w.Contains("не найдена таблица мероприятий"));
    }

    [Fact]
    public void ParseTable_TableWithoutDeadlineColumn_IsNotARoadmap()
    {
        string[][] rows = [["№", "ФИО", "Должность"], ["1.", "Иванов", "Директор"]];

        Assert.True(RoadmapDocumentParser.ParseTable(rows, "Список").IsEmpty);
    }

    [Trait(TestTraits.Category, TestTraits.Fuzz)]
    [Fact]
    public void Parse_RandomFragmentsOfRoadmapText_NeverThrows()
    {
        string[] pieces =
        [
            "1.", "1.1", "4. 1.", "I этап.", "VII.", "№ п/п", "Мероприятие", "Срок исполнения", "Ответственные", "Региональные",
            "Дата начала", "Результат", "1 2 3 4 5", "до 15.11.2020", "Октябрь-декабрь", "2020 .", "в течение", "периода",
            "Руководители ОО", "г.", "Азова", "(в рамках", "компетенции)", "«Организация и", "<p>", "</li>", "<b>**", "-", "\t",
            "\t\t", "", " ", "04.10.2021 09.10.2021", "Ежегодно", "ЦРО, ОУ", "по мере", "поступления из", "31.02.2022", "-Контроль",
            "Приложение", "к приказу от 01.01.2020 №", "ПРИКАЗ", "Об утверждении", "«", "»", "(", "99.99.9999", "2020-2021 учебном году",
        ];
        var random = new Random(20261121);
        for (var n = 0; n < 3000; n++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => string.Join(random.Next(3) == 0 ? "\t" : " ", Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)])));
            var text = string.Join(random.Next(2) == 0 ? "\n" : "\n\n", lines);

            var document = RoadmapDocumentParser.Parse(text);

            Assert.NotNull(document.Title);
            Assert.All(document.Items, i => Assert.True(i.Title.Length > 0 && i.Number.Length <= 30));
        }
    }

}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Territories.Spreadsheets;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class ImportTests(AppFixture app)
{
    private const string Url = "/People/Import";
    private static readonly string[] Header = ["ФИО", "Дата рождения", "Класс", "Пол", "Законный представитель"];

    private static string[] Pupil(string surname, string birth = "01.09.2012", string @class = "7 Б") =>
        [$"{surname} Иван Петрович", birth, @class, "М", $"{surname}а Мария Ивановна (мать)"];

    private static string Surname() => "Импортов" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('а' + c % 20)).ToArray());

    // ---- valid import, re-import, update ---------------------------------------------------------------------

    [Fact]
    public async Task Confirm_ValidCsv_AddsPupilsAwaitingConsentWithRepresentatives()
    {
        var (client, tree) = await CuratorAsync();
        var (a, b) = (Surname(), Surname());
        var file = Csv(";", Header, Pupil(a), Pupil(b, "15.03.2011", "8-а"));

        var (preview, upload) = await UploadAsync(client, "class.csv", file);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"{a} Иван Петрович", html);
        Assert.Contains("новых: 2", html);

        var confirmed = await ConfirmAsync(client, upload);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await using var db = app.Db();
        var pupils = await db.People.Where(p => p.OrganizationId == tree.OrganizationId && p.Kind == PersonKind.Pupil).OrderBy(p => p.BirthDate).ToListAsync();
        Assert.Equal([b, a], pupils.Select(p => p.LastName));
        Assert.All(pupils, p => Assert.Equal(PersonStatus.AwaitingConsent, p.Status));
        Assert.Equal(("8А", 8), (pupils[0].ClassName, pupils[0].Grade));
        var links = await db.LegalRepresentatives.Where(l => l.Child.OrganizationId == tree.OrganizationId)
            .Select(l => new { l.Relationship, l.Representative.LastName, l.Representative.Kind }).ToListAsync();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal((Relationship.Mother, PersonKind.Parent), (l.Relationship, l.Kind)));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == global::Nastavnik.Data.Entities.AuditAction.Import && e.EntityType == "Person" && e.RegionId == tree.RegionId));
    }

    [Fact]
    public async Task Confirm_SameFileAgain_ChangesNothing()
    {
        var (client, tree) = await CuratorAsync();
        var file = Xlsx([.. Header], [.. Pupil(Surname())], [.. Pupil(Surname())]);
        await ImportAsync(client, "class.xlsx", file);
        var before = await SnapshotAsync(tree.OrganizationId);

        var (preview, upload) = await UploadAsync(client, "class.xlsx", file);
        Assert.Contains("без изменений: 2", await preview.Content.ReadAsStringAsync());
        await ConfirmAsync(client, upload);

        Assert.Equal(before, await SnapshotAsync(tree.OrganizationId));
    }

    [Fact]
    public async Task Confirm_UpdatedFile_UpdatesMatchedPeopleAndRecordsChanges()
    {
        var (client, tree) = await CuratorAsync();
        var (a, b) = (Surname(), Surname());
        await ImportAsync(client, "class.csv", Csv(";", Header, Pupil(a), Pupil(b)));

        var (preview, upload) = await UploadAsync(client, "class.csv", Csv(";", Header, Pupil(a, @class: "8Б"), Pupil(b)));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("будет обновлено: 1", html);
        Assert.Contains("«7Б» → «8Б»", WebUtility.HtmlDecode(html));
        await ConfirmAsync(client, upload);

        await using var db = app.Db();
        var person = await db.People.SingleAsync(p => p.OrganizationId == tree.OrganizationId && p.LastName == a);
        Assert.Equal(("8Б", 8), (person.ClassName, person.Grade));
        Assert.Equal(2, await db.People.CountAsync(p => p.OrganizationId == tree.OrganizationId && p.Kind == PersonKind.Pupil));
        var change = await db.PersonChanges.SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal(("Класс", "7Б", "8Б"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task Upload_UnknownHeader_ShowsMappingStepThenMappedPreviewLoads()
    {
        var (client, tree) = await CuratorAsync();
        var name = Surname();
        var file = Csv(";", ["Ученик", "Дата рождения", "Класс"], [$"{name} Пётр", "02.02.2012", "7А"]);

        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent("class.csv", file));
        var location = response.Headers.Location!.OriginalString;
        var upload = long.Parse(Regex.Match(location, @"upload=(\d+)").Groups[1].Value);
        var mappingPage = await (await client.GetAsync(location)).Content.ReadAsStringAsync();
        Assert.Contains("Сопоставление столбцов", mappingPage);
        Assert.Contains("Ученик", mappingPage);

        var mapped = await client.PostFormAsync($"{Url}?handler=Map&upload={upload}",
            new() { ["Columns[0]"] = "FullName", ["Columns[1]"] = "BirthDate", ["Columns[2]"] = "ClassName", ["PersonKind"] = "Pupil" }, getUrl: Url);
        var previewUrl = mapped.Headers.Location!.OriginalString;
        Assert.Contains("map=FullName", previewUrl.Replace("%2C", ","));
        var preview = await (await client.GetAsync(previewUrl)).Content.ReadAsStringAsync();
        Assert.Contains("новых: 1", preview);

        var map = Regex.Match(previewUrl, @"map=([^&]+)").Groups[1].Value;
        await client.PostFormAsync($"{Url}?handler=Confirm&upload={upload}&map={map}", new() { ["PersonKind"] = "Pupil" }, getUrl: Url);
        await using var db = app.Db();
        Assert.True(await db.People.AnyAsync(p => p.OrganizationId == tree.OrganizationId && p.LastName == name && p.FirstName == "Пётр"));
    }

    [Fact]
    public async Task Import_OtherOrganizationsUser_DoesNotSeeUpload()
    {
        var (client, _) = await CuratorAsync();
        var (other, _) = await CuratorAsync();
        var (_, upload) = await UploadAsync(client, "class.csv", Csv(";", Header, Pupil(Surname())));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Url}?upload={upload}")).StatusCode);
    }

    [Fact]
    public async Task Import_MunicipalCoordinator_IsForbidden()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
    }

    // ---- bad input: each a Russian message, nothing written --------------------------------------------------

    public static TheoryData<string, string, string> BadFiles()
    {
        return new()
        {
            { "missing-column", "class.csv", "нет обязательного столбца «Дата рождения»" },
            { "impossible-date", "class.csv", "Неверная дата" },
            { "future-date", "class.csv", "Дата рождения в будущем" },
            { "age", "class.csv", "вне допустимого" },
            { "duplicates", "class.csv", "повторяется" },
            { "bad-class", "class.csv", "Класс не распознан" },
            { "long-row", "class.csv", "длиннее 1000 символов" },
            { "injection", "class.csv", "похоже на формулу" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadRows_ListsRussianErrorAndWritesNothing(string kind, string fileName, string message)
    {
        var (client, tree) = await CuratorAsync();
        var s = Surname();
        var file = kind switch
        {
            "missing-column" => Csv(";", ["ФИО", "Класс"], [$"{s} Иван", "7Б"]),
            "impossible-date" => Csv(";", Header, Pupil(s, "31.02.2010")),
            "future-date" => Csv(";", Header, Pupil(s, DateTime.Today.AddYears(1).ToString("dd.MM.yyyy"))),
            "age" => Csv(";", Header, Pupil(s, "01.01.1990")),
            "duplicates" => Csv(";", Header, Pupil(s), Pupil(s)),
            "bad-class" => Csv(";", Header, Pupil(s, @class: "седьмой")),
            "long-row" => Csv(";", Header, [$"{s} Иван", "01.09.2012", "7Б", "М", new string('я', 100_000)]),
            "injection" => Csv(";", Header, [$"=СУММ(1,2) {s}", "01.09.2012", "7Б", "М", ""]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        await AssertRefusedAsync(client, tree, fileName, file, message);
    }

    [Fact]
    public async Task Upload_EmptyFile_IsRefused()
    {
        var (client, tree) = await CuratorAsync();
        await AssertRefusedAsync(client, tree, "class.csv", [], "Файл пустой");
    }

    [Fact]
    public async Task Upload_TextRenamedToXlsx_IsRefused()
    {
        var (client, tree) = await CuratorAsync();
        await AssertRefusedAsync(client, tree, "class.xlsx", Encoding.UTF8.GetBytes("ФИО;Дата рождения\nИванов Иван;01.01.2012"), "не является книгой Excel");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Confirm_Windows1251Csv_ReadsCyrillic(bool bom)
    {
        var (client, tree) = await CuratorAsync();
        var s = Surname();
        var encoding = CodePagesEncoding();
        var text = encoding.GetBytes($"ФИО,Дата рождения,Класс\r\n{s} Ёжиков Ильич,01.09.2012,7-б\r\n");
        // A BOM in a 1251 file is what some tools write: the UTF-8 BOM bytes before 1251 text.
        var file = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        await ImportAsync(client, "class.csv", file);

        await using var db = app.Db();
        var person = await db.People.SingleAsync(p => p.OrganizationId == tree.OrganizationId && p.LastName == s);
        Assert.Equal(("Ёжиков", "Ильич", "7Б"), (person.FirstName, person.MiddleName, person.ClassName));
    }

    [Fact]
    public async Task Upload_MergedCells_IsRefused()
    {
        var (client, tree) = await CuratorAsync();
        var file = Workbook(sheet => sheet.Worksheet.Append(new MergeCells(new MergeCell { Reference = "C2:C3" })),
            [.. Header], [.. Pupil(Surname())], [.. Pupil(Surname())]);
        await AssertRefusedAsync(client, tree, "class.xlsx", file, "объединённые ячейки");
    }

    [Fact]
    public async Task Confirm_FormulaCells_UseCachedValues()
    {
        var (client, tree) = await CuratorAsync();
        var s = Surname();
        var file = Workbook(sheet =>
        {
            var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "C2");
            cell.CellFormula = new CellFormula("\"7\"&\"Б\"");
            cell.DataType = CellValues.String;
            cell.CellValue = new CellValue("7Б");
        }, [.. Header], [.. Pupil(s, @class: "")]);

        await ImportAsync(client, "class.xlsx", file);

        await using var db = app.Db();
        Assert.Equal("7Б", await db.People.Where(p => p.OrganizationId == tree.OrganizationId && p.LastName == s).Select(p => p.ClassName).SingleAsync());
    }

    [Fact]
    public async Task Confirm_HiddenFirstSheet_ReadsFirstVisibleSheet()
    {
        var (client, tree) = await CuratorAsync();
        var s = Surname();
        var file = Workbook(null, [.. Header], [.. Pupil(s)]);
        file = WithHiddenSheetFirst(file);

        await ImportAsync(client, "class.xlsx", file);

        await using var db = app.Db();
        var names = await db.People.Where(p => p.OrganizationId == tree.OrganizationId && p.Kind == PersonKind.Pupil).Select(p => p.LastName).ToListAsync();
        Assert.Equal([s], names);
    }

    [Fact]
    public async Task Upload_OverConfiguredLimit_IsRefused()
    {
        await using var site = AppFixture.CreateFactory(app.ConnectionString, b => b.UseSetting("Nastavnik:MaxUploadBytes", "1024"));
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var client = AppFixture.ClientFor(AppFixture.AddressOf(site));
        await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password });
        var rows = Enumerable.Range(0, 40).Select(_ => Pupil(Surname())).ToArray();

        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent("class.csv", Csv(";", Header, rows)));

        Assert.Contains("Файл больше 1 КБ", await response.Content.ReadAsStringAsync());
        await AssertNothingWrittenAsync(tree);
    }

    [Fact]
    public async Task Upload_50MegabyteFile_IsRefusedAtDefaultLimit()
    {
        var (client, tree) = await CuratorAsync();
        var line = Encoding.UTF8.GetBytes(string.Join(';', Pupil("Большов")) + "\n");
        var file = new byte[50 * 1024 * 1024];
        for (var i = 0; i + line.Length <= file.Length; i += line.Length) line.CopyTo(file, i);

        await AssertRefusedAsync(client, tree, "class.csv", file, "Файл больше 20 МБ");
    }

    // ---- CLI --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Cli_ValidFile_ExitsZeroWithCountsThenUnchanged()
    {
        var tree = await app.CreateTreeAsync();
        var path = await TempFileAsync(".csv", Csv(";", Header, Pupil(Surname()), Pupil(Surname())));

        var dry = await CliRunner.RunAsync(app, ["import", "people", path, "--organization", tree.OrganizationId.ToString(), "--dry-run"]);
        Assert.Equal(0, dry.Code);
        Assert.Equal("added=2 updated=0 unchanged=0", LastLine(dry.Out));
        await AssertNothingWrittenAsync(tree);

        var first = await CliRunner.RunAsync(app, ["import", "people", path, "--organization", tree.OrganizationId.ToString()]);
        Assert.Equal(0, first.Code);
        Assert.Equal("added=2 updated=0 unchanged=0", LastLine(first.Out));

        var again = await CliRunner.RunAsync(app, ["import", "people", path, "--organization", tree.OrganizationId.ToString()]);
        Assert.Equal("added=0 updated=0 unchanged=2", LastLine(again.Out));
        await using var db = app.Db();
        Assert.Equal(2, await db.People.CountAsync(p => p.OrganizationId == tree.OrganizationId && p.Kind == PersonKind.Pupil));
    }

    [Fact]
    public async Task Cli_BadFile_ExitsOneListingEveryErrorAndWritesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var path = await TempFileAsync(".csv", Csv(";", Header, Pupil(Surname()), Pupil(Surname(), "31.02.2010"), Pupil(Surname(), @class: "99Ы")));

        var result = await CliRunner.RunAsync(app, ["import", "people", path, "--organization", tree.OrganizationId.ToString()]);

        Assert.Equal(1, result.Code);
        Assert.Contains("строка 3; столбец «Дата рождения»; значение «31.02.2010»", result.Error);
        Assert.Contains("строка 4; столбец «Класс»", result.Error);
        await AssertNothingWrittenAsync(tree);
    }

    [Fact]
    public async Task Cli_MunicipalityWithOrganizationColumn_PutsEachRowInItsSchool()
    {
        var tree = await app.CreateTreeAsync();
        await using var db0 = app.Db();
        var municipality = await db0.Municipalities.Where(m => m.Id == tree.MunicipalityId).Select(m => m.Name).SingleAsync();
        var school = await db0.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var (a, b) = (Surname(), Surname());
        var path = await TempFileAsync(".csv", Csv(";", ["ФИО", "Дата рождения", "Образовательная организация"],
            [$"{a} Иван", "01.09.2012", school], [$"{b} Пётр", "01.09.2012", "Школа, которой нет"]));

        var refused = await CliRunner.RunAsync(app, ["import", "people", path, "--municipality", municipality]);
        Assert.Equal(1, refused.Code);
        Assert.Contains("строка 3; столбец «Образовательная организация»", refused.Error);
        await AssertNothingWrittenAsync(tree);

        path = await TempFileAsync(".csv", Csv(";", ["ФИО", "Дата рождения", "Образовательная организация"], [$"{a} Иван", "01.09.2012", school]));
        var saved = await CliRunner.RunAsync(app, ["import", "people", path, "--municipality", municipality]);
        Assert.Equal((0, "added=1 updated=0 unchanged=0"), (saved.Code, LastLine(saved.Out)));
        await using var db = app.Db();
        Assert.True(await db.People.AnyAsync(p => p.OrganizationId == tree.OrganizationId && p.LastName == a));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private async Task<(HttpClient Client, AppFixture.Tree Tree)> CuratorAsync()
    {
        var tree = await app.CreateTreeAsync();
        return (await app.SignInAsAsync(Role.Curator, tree), tree);
    }

    private async Task AssertRefusedAsync(HttpClient client, AppFixture.Tree tree, string fileName, byte[] file, string message)
    {
        var (response, upload) = await UploadAsync(client, fileName, file);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        if (upload != 0)
        {
            var confirm = await ConfirmAsync(client, upload);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()));
        }
        await AssertNothingWrittenAsync(tree);
    }

    private async Task AssertNothingWrittenAsync(AppFixture.Tree tree)
    {
        await using var db = app.Db();
        Assert.False(await db.People.AnyAsync(p => p.OrganizationId == tree.OrganizationId));
    }

    private async Task<List<string>> SnapshotAsync(long organizationId)
    {
        await using var db = app.Db();
        var people = await db.People.Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.LastName}|{p.FirstName}|{p.ClassName}|{p.RowVersion}").ToListAsync();
        var links = await db.LegalRepresentatives.Where(l => l.Child.OrganizationId == organizationId).Select(l => $"{l.ChildId}>{l.RepresentativeId}").ToListAsync();
        var changes = await db.PersonChanges.CountAsync(c => c.PersonId > 0 && db.People.Any(p => p.Id == c.PersonId && p.OrganizationId == organizationId));
        return [.. people, .. links, $"changes={changes}"];
    }

    private static async Task<(HttpResponseMessage Response, long UploadId)> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var response = await client.PostMultipartAsync(Url + "?handler=Upload", FileContent(fileName, content));
        if (response.StatusCode != HttpStatusCode.Redirect) return (response, 0);
        var location = response.Headers.Location!.OriginalString;
        var id = long.Parse(Regex.Match(location, @"upload=(\d+)").Groups[1].Value);
        return (await client.GetAsync(location), id);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, long uploadId) =>
        client.PostFormAsync($"{Url}?handler=Confirm&upload={uploadId}", new() { ["PersonKind"] = "Pupil" }, getUrl: Url);

    private static async Task ImportAsync(HttpClient client, string fileName, byte[] file)
    {
        var (preview, upload) = await UploadAsync(client, fileName, file);
        Assert.True(upload != 0, await preview.Content.ReadAsStringAsync());
        var confirmed = await ConfirmAsync(client, upload);
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
    }

    private static byte[] Csv(string separator, string[] header, params string[][] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", new[] { header }.Concat(rows).Select(r => string.Join(separator, r))) + "\r\n");

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    }

    /// <summary>An .xlsx of inline-string cells; <paramref name="change"/> edits the sheet before saving.</summary>
    private static byte[] Workbook(Action<WorksheetPart>? change, params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }
                data.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            change?.Invoke(sheet);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Класс" }));
        }
        return stream.ToArray();
    }

    /// <summary>Adds a hidden sheet before the visible one, holding a list that must not be read.</summary>
    private static byte[] WithHiddenSheetFirst(byte[] file)
    {
        using var stream = new MemoryStream();
        stream.Write(file);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var hidden = workbook.AddNewPart<WorksheetPart>();
            var s = Surname();
            hidden.Worksheet = new Worksheet(new SheetData(
                new Row(Header.Select((h, i) => new Cell { CellReference = $"{(char)('A' + i)}1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) })),
                new Row(Pupil(s).Select((h, i) => new Cell { CellReference = $"{(char)('A' + i)}2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) }))));
            workbook.Workbook.Sheets!.InsertAt(new Sheet { Id = workbook.GetIdOfPart(hidden), SheetId = 2, Name = "Скрытый", State = SheetStateValues.Hidden }, 0);
        }
        return stream.ToArray();
    }

    private static async Task<string> TempFileAsync(string extension, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n').Last().Trim();
}

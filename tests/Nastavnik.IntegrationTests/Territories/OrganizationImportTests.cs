using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Territories.Spreadsheets;

namespace Nastavnik.IntegrationTests.Territories;

[Collection(Collections.Platform)]
public class OrganizationImportTests(AppFixture app)
{
    private const string Url = "/Territories/Organizations/Import";

    [Fact]
    public async Task Confirm_ValidXlsx_PreviewListsRowsThenInsertsAllWithMunicipalityRegionAndAudit()
    {
        var tree = await app.CreateTreeAsync();
        var (own, other) = (await MunicipalityNameAsync(tree.MunicipalityId), await AddMunicipalityAsync(tree.RegionId));
        var (client, userId) = await SignInAsync(Role.RegionAdmin, tree);
        var (innA, innB) = (Inn(), Inn());
        var names = new[] { AppFixture.Unique("Школа импорт"), AppFixture.Unique("Колледж импорт"), AppFixture.Unique("Детский сад импорт") };
        var file = Xlsx(
            Header,
            [names[0], "СОШ 1", "Школа", own, new Number(innA[0] + "." + innA[1..] + "E+9"), "г. Азов, ул. Мира, 1", "school@azov.ru"],
            [names[1], "Колледж", new Inline("СПО"), other.Name, innB, "", ""],
            [],
            ["  " + names[2] + "  ", "Д/с", "детский сад", own.ToUpperInvariant(), "", "", ""]);
        var fileName = $"школы-{Guid.NewGuid():N}.xlsx";

        var (preview, uploadId) = await UploadAsync(client, fileName, file);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.All(names, n => Assert.Contains(n, html));
        Assert.Contains(innA, html);
        Assert.Equal(3, Count(html, ">новая</span>"));
        // The blank sheet row 4 is skipped, and the next row keeps the number Excel shows for it.
        Assert.Matches($@"<td>5</td>\s*<td><span[^>]*>новая</span></td>\s*<td>{Regex.Escape(names[2])}</td>", html);
        Assert.Contains("handler=Confirm", html);

        var confirm = await ConfirmAsync(client, uploadId);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/Territories/Organizations/Index", confirm.Headers.Location!.OriginalString);
        await using var db = app.Db();
        var saved = await db.Organizations.Where(o => names.Contains(o.Name)).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(
            [
                (names[0], tree.MunicipalityId, tree.RegionId, OrganizationType.School, innA, "school@azov.ru"),
                (names[1], other.Id, tree.RegionId, OrganizationType.Spo, innB, ""),
                (names[2], tree.MunicipalityId, tree.RegionId, OrganizationType.Preschool, (string?)null, ""),
            ],
            saved.Select(o => (o.Name, o.MunicipalityId, o.RegionId, o.Type, o.Inn, o.Email)));
        // The audit log keeps no typed text, the uploaded file's name included: the entry is found by its user.
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Import && a.UserId == userId);
        Assert.DoesNotContain(fileName, audit.Details);
        Assert.Contains("добавлено 3, обновлено 0, без изменений 0", audit.Details);
        Assert.Equal(tree.RegionId, audit.RegionId);
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
        Assert.Contains("Добавлено 3 организации, обновлено 0, без изменений 0", await (await client.GetAsync(Url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Confirm_RowMatchingExistingOrganizationByName_ShowsWillBeUpdatedAndUpdatesIt()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        await using var before = app.Db();
        var school = await before.Organizations.AsNoTracking().SingleAsync(o => o.Id == tree.OrganizationId);
        var inn = Inn();
        var file = Xlsx(Header, [school.Name, "Новое краткое", "школа", await MunicipalityNameAsync(tree.MunicipalityId), inn, "Новый адрес", ""]);

        var (preview, uploadId) = await UploadAsync(client, "update.xlsx", file);
        var html = await preview.Content.ReadAsStringAsync();
        var confirm = await ConfirmAsync(client, uploadId);

        Assert.Equal(1, Count(html, ">будет обновлена</span>"));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using var db = app.Db();
        var updated = await db.Organizations.SingleAsync(o => o.Id == tree.OrganizationId);
        Assert.Equal(("Новое краткое", inn, "Новый адрес"), (updated.ShortName, updated.Inn, updated.Address));
        Assert.Contains("Добавлено 0 организаций, обновлено 1, без изменений 0", await (await client.GetAsync(Url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_FileWithBadRowsAmongGoodOnes_ListsEveryErrorWithRowNumbersAndConfirmWritesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var municipality = await MunicipalityNameAsync(tree.MunicipalityId);
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var good = new[] { AppFixture.Unique("Школа хорошая"), AppFixture.Unique("Школа хорошая") };
        var file = Xlsx(
            Header,
            [good[0], "СОШ", "школа", municipality, "", "", ""],
            [AppFixture.Unique("Школа плохая"), "СОШ", "университет", municipality, "1234567890", "", "not-an-email"],
            [good[1], "СОШ", "школа", municipality, "", "", ""],
            [good[0], "СОШ дубль", "школа", municipality, "", "", ""]);
        var fileName = $"errors-{Guid.NewGuid():N}.xlsx";

        var (preview, uploadId) = await UploadAsync(client, fileName, file);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<td>3</td><td>Тип</td>", html);
        Assert.Contains("Неизвестный тип организации", html);
        Assert.Contains("<td>3</td><td>ИНН</td>", html);
        Assert.Contains("<td>3</td><td>E-mail</td>", html);
        Assert.Contains("<td>5</td><td>Полное наименование</td>", html);
        Assert.Contains("Строки 2 и 5", html);
        Assert.Contains("4 ошибки", html);
        Assert.DoesNotContain("handler=Confirm", html);

        var confirm = await ConfirmAsync(client, uploadId);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Неизвестный тип организации", await confirm.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Organizations.AnyAsync(o => good.Contains(o.Name)));
        Assert.True(await db.Uploads.AnyAsync(u => u.Id == uploadId && u.UserId == userId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Import && a.Details.Contains(fileName)));
    }

    [Fact]
    public async Task Confirm_SameFileAgain_AllRowsUnchangedAndNothingWritten()
    {
        var tree = await app.CreateTreeAsync();
        var municipality = await MunicipalityNameAsync(tree.MunicipalityId);
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var names = new[] { AppFixture.Unique("Школа повтор"), AppFixture.Unique("Школа повтор") };
        var file = Xlsx(Header, [names[0], "СОШ", "школа", municipality, Inn(), "Адрес", "a@school.ru"], [names[1], "СОШ", "школа", municipality, "", "", ""]);
        var (_, firstId) = await UploadAsync(client, "twice.xlsx", file);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, firstId)).StatusCode);
        var versions = await VersionsAsync(names);

        var (preview, secondId) = await UploadAsync(client, "twice.xlsx", file);
        var html = await preview.Content.ReadAsStringAsync();
        var confirm = await ConfirmAsync(client, secondId);

        Assert.Equal(2, Count(html, ">без изменений</span>"));
        Assert.DoesNotContain(">новая</span>", html);
        Assert.DoesNotContain(">будет обновлена</span>", html);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(versions, await VersionsAsync(names));
        Assert.Contains("Добавлено 0 организаций, обновлено 0, без изменений 2", await (await client.GetAsync(Url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Confirm_ConflictArisenSincePreview_RevalidatesAndWritesNoRowAtAll()
    {
        var tree = await app.CreateTreeAsync();
        var municipality = await MunicipalityNameAsync(tree.MunicipalityId);
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var (name, taken) = (AppFixture.Unique("Школа до конфликта"), AppFixture.Unique("Школа с конфликтом"));
        var inn = Inn();
        var file = Xlsx(Header, [name, "СОШ", "школа", municipality, "", "", ""], [taken, "СОШ", "школа", municipality, inn, "", ""]);
        var (preview, uploadId) = await UploadAsync(client, "race.xlsx", file);
        Assert.Equal(2, Count(await preview.Content.ReadAsStringAsync(), ">новая</span>"));
        var elsewhere = await app.CreateTreeAsync();
        await using (var db = app.Db())
        {
            (await db.Organizations.SingleAsync(o => o.Id == elsewhere.OrganizationId)).Inn = inn;
            await db.SaveChangesAsync();
        }

        var confirm = await ConfirmAsync(client, uploadId);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Организация с этим ИНН уже есть в системе вне вашей области доступа", await confirm.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.False(await check.Organizations.AnyAsync(o => o.Name == name || o.Name == taken));
    }

    [Fact]
    public async Task Upload_MunicipalityOutsideCoordinatorScope_IsRowError()
    {
        var tree = await app.CreateTreeAsync();
        var neighbour = await AddMunicipalityAsync(tree.RegionId);
        var foreign = await MunicipalityNameAsync((await app.CreateTreeAsync()).MunicipalityId);
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var names = new[] { AppFixture.Unique("Школа соседа"), AppFixture.Unique("Школа чужая") };
        var file = Xlsx(Header, [names[0], "СОШ", "школа", neighbour.Name, "", "", ""], [names[1], "СОШ", "школа", foreign, "", "", ""]);

        var (preview, uploadId) = await UploadAsync(client, "scope.xlsx", file);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(2, Count(html, "Муниципалитет не найден или вне вашей области доступа"));
        Assert.DoesNotContain("handler=Confirm", html);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(client, uploadId)).StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Organizations.AnyAsync(o => names.Contains(o.Name)));
    }

    [Fact]
    public async Task Upload_InnOfOrganizationOutsideScope_IsRowError()
    {
        var tree = await app.CreateTreeAsync();
        var elsewhere = await app.CreateTreeAsync();
        var inn = Inn();
        await using (var db = app.Db())
        {
            var school = await db.Organizations.SingleAsync(o => o.Id == elsewhere.OrganizationId);
            school.Inn = inn;
            await db.SaveChangesAsync();
        }
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var file = Xlsx(Header, [AppFixture.Unique("Школа"), "СОШ", "школа", await MunicipalityNameAsync(tree.MunicipalityId), inn, "", ""]);

        var (preview, _) = await UploadAsync(client, "inn.xlsx", file);

        Assert.Contains("Организация с этим ИНН уже есть в системе вне вашей области доступа", await preview.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Confirm_Windows1251CsvWithSemicolons_ReadsCyrillicAndInserts()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var name = AppFixture.Unique("Школа «Ёлочка»; корпус");
        var csv = $"Наименование;Краткое наименование;Тип;Муниципальное образование;ИНН\r\n\"{name}\";Ёлочка;ДОУ;{await MunicipalityNameAsync(tree.MunicipalityId)};\r\n";

        var (preview, uploadId) = await UploadAsync(client, "list.csv", Encoding.GetEncoding(1251).GetBytes(csv));

        Assert.Contains(name, await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, uploadId)).StatusCode);
        await using var db = app.Db();
        var saved = await db.Organizations.SingleAsync(o => o.Name == name);
        Assert.Equal(("Ёлочка", OrganizationType.Preschool, tree.MunicipalityId), (saved.ShortName, saved.Type, saved.MunicipalityId));
    }

    [Fact]
    public async Task Upload_Utf8BomCsvWithCommas_ShowsRowsWithLineNumbers()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var name = AppFixture.Unique("Центр творчества, филиал");
        var csv = $"Полное наименование,Краткое наименование,Тип,Муниципалитет,E-mail\n\n\"{name}\",ЦДТ,ДО,{await MunicipalityNameAsync(tree.MunicipalityId)},cdt@mail.ru\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var (preview, _) = await UploadAsync(client, "list.csv", bytes);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Contains(name, html);
        Assert.Contains("<td>3</td>", html);
        Assert.Contains("cdt@mail.ru", html);
        Assert.Equal(1, Count(html, ">новая</span>"));
    }

    [Theory]
    [InlineData("empty", "Файл пустой")]
    [InlineData("txt", "Загрузите файл в формате .xlsx или .csv")]
    [InlineData("random-bytes-xlsx", "Файл не является книгой Excel (.xlsx)")]
    [InlineData("zip-not-excel", "Файл не является книгой Excel (.xlsx)")]
    [InlineData("xlsx-named-csv", "похоже, это книга Excel")]
    public async Task Upload_UnreadableFile_ShowsRussianMessageAndStoresNothing(string kind, string message)
    {
        var tree = await app.CreateTreeAsync();
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var (fileName, content) = kind switch
        {
            "empty" => ("empty.csv", []),
            "txt" => ("list.txt", Encoding.UTF8.GetBytes("Полное наименование;Тип\nШкола;школа\n")),
            "random-bytes-xlsx" => ("list.xlsx", RandomBytes(3000)),
            "zip-not-excel" => ("list.xlsx", Zip()),
            _ => ("list.csv", Xlsx(Header)),
        };

        var (response, _) = await UploadAsync(client, fileName, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
    }

    [Fact]
    public async Task Upload_WithoutFile_AsksToChooseOne()
    {
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());

        var response = await client.PostMultipartAsync(Url + "?handler=Upload", new MultipartFormDataContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите файл для загрузки", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_FileOverConfiguredLimit_RefusedWithSizeInMessage()
    {
        var tree = await app.CreateTreeAsync();
        var login = await app.CreateUserAsync(Role.MunicipalCoordinator, tree);
        await using var factory = AppFixture.CreateFactory(app.ConnectionString, b => b.UseSetting("Nastavnik:MaxUploadBytes", "1000"));
        using var client = AppFixture.ClientFor(AppFixture.AddressOf(factory));
        await client.PostFormAsync("/Account/Login", new() { ["Form.UserName"] = login, ["Form.Password"] = AppFixture.Password });
        var name = AppFixture.Unique("Школа большая");
        var file = Xlsx(Header, [name, "СОШ", "школа", await MunicipalityNameAsync(tree.MunicipalityId), "", new string('а', 400), ""]);
        Assert.True(file.Length > 1000);

        var (response, _) = await UploadAsync(client, "big.xlsx", file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Файл больше 1000 байт", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        var userId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
    }

    [Fact]
    public async Task Upload_FileOverDefaultLimit_RefusedWith20Mb()
    {
        var (client, userId) = await SignInAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());
        var content = Encoding.UTF8.GetBytes("Полное наименование;Тип\n" + new string('x', 20 * 1024 * 1024));

        var (response, _) = await UploadAsync(client, "huge.csv", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Файл больше 20 МБ", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Uploads.AnyAsync(u => u.UserId == userId));
    }

    [Fact]
    public async Task GetPreviewAndConfirm_OtherUsersUpload_Return404()
    {
        var tree = await app.CreateTreeAsync();
        var (owner, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var (stranger, _) = await SignInAsync(Role.MunicipalCoordinator, tree);
        var name = AppFixture.Unique("Школа чужой загрузки");
        var (_, uploadId) = await UploadAsync(owner, "mine.xlsx", Xlsx(Header, [name, "СОШ", "школа", await MunicipalityNameAsync(tree.MunicipalityId), "", "", ""]));

        var preview = await stranger.GetAsync($"{Url}?upload={uploadId}");
        var confirm = await ConfirmAsync(stranger, uploadId);

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == name));
        Assert.True(await db.Uploads.AnyAsync(u => u.Id == uploadId));
    }

    [Fact]
    public async Task GetTemplate_ReturnsXlsxWithBoldImportHeaderAndExampleRowInOwnMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var (client, _) = await SignInAsync(Role.MunicipalCoordinator, tree);

        var response = await client.GetAsync(Url + "?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var content = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(SchemaErrors(content));
        var rows = ReadXlsx(content);
        Assert.Equal(2, rows.Count);
        Assert.Equal(Header, rows[0].Cells);
        Assert.True(rows[0].Bold);
        Assert.Equal(await MunicipalityNameAsync(tree.MunicipalityId), rows[1].Cells[3]);
    }

    [Fact]
    public async Task Get_AsCurator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

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

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, long uploadId) =>
        client.PostFormAsync($"{Url}?handler=Confirm&upload={uploadId}", [], getUrl: Url);

    private async Task<string> MunicipalityNameAsync(long id)
    {
        await using var db = app.Db();
        return await db.Municipalities.Where(m => m.Id == id).Select(m => m.Name).SingleAsync();
    }

    private async Task<(long Id, string Name)> AddMunicipalityAsync(long regionId)
    {
        var municipality = await app.InsertAsync(new Municipality { RegionId = regionId, Name = AppFixture.Unique("Район"), Kind = MunicipalityKind.MunicipalDistrict });
        return (municipality.Id, municipality.Name);
    }

    private async Task<List<uint>> VersionsAsync(string[] names)
    {
        await using var db = app.Db();
        return await db.Organizations.Where(o => names.Contains(o.Name)).OrderBy(o => o.Name).Select(o => o.Version).ToListAsync();
    }

    private static int Count(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("не книга Excel");
        }
        return stream.ToArray();
    }
}

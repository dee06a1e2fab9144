using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Territories.Spreadsheets;

namespace Nastavnik.IntegrationTests.Territories;

[Collection(Collections.Platform)]
public class OrganizationExportTests(AppFixture app)
{
    private const string Url = "/Territories/Organizations/Export";

    [Fact]
    public async Task Get_RegionAdmin_ReturnsXlsxOfExactlyOrganizationsInScopeAndAuditsExport()
    {
        var tree = await app.CreateTreeAsync();
        var second = await AddMunicipalityAsync(tree.RegionId);
        await AddOrganizationAsync(tree, second, AppFixture.Unique("Колледж"), OrganizationType.Spo, Inn(), "г. Азов, ул. Мира, 1", "college@azov.ru");
        await AddOrganizationAsync(tree, tree.MunicipalityId, AppFixture.Unique("Детский сад"), OrganizationType.Preschool);
        var outside = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        Assert.Equal($"organizations-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var content = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(SchemaErrors(content));
        var rows = ReadXlsx(content);
        Assert.Equal(Header, rows[0].Cells);
        Assert.True(rows[0].Bold);
        Assert.False(rows[1].Bold);
        var expected = await ExpectedRowsAsync(o => o.RegionId == tree.RegionId);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, Sorted(rows.Skip(1).Select(r => r.Cells)));
        await using var db = app.Db();
        var outsideName = await db.Organizations.Where(o => o.Id == outside.OrganizationId).Select(o => o.Name).SingleAsync();
        Assert.DoesNotContain(rows, r => r.Cells[0] == outsideName);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Export && a.RegionId == tree.RegionId);
        Assert.Contains("3 организации", audit.Details);
    }

    [Fact]
    public async Task Get_Coordinator_ExportsOnlyOwnMunicipality()
    {
        var tree = await app.CreateTreeAsync();
        var neighbour = await AddMunicipalityAsync(tree.RegionId);
        var hidden = await AddOrganizationAsync(tree, neighbour, AppFixture.Unique("Школа соседа"), OrganizationType.School);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var rows = ReadXlsx(await (await client.GetAsync(Url)).Content.ReadAsByteArrayAsync());

        Assert.Equal(await ExpectedRowsAsync(o => o.MunicipalityId == tree.MunicipalityId), Sorted(rows.Skip(1).Select(r => r.Cells)));
        Assert.DoesNotContain(rows, r => r.Cells[0] == hidden);
    }

    [Fact]
    public async Task Get_WithListFilters_HonoursQMunicipalityAndType()
    {
        var tree = await app.CreateTreeAsync();
        var second = await AddMunicipalityAsync(tree.RegionId);
        var token = Guid.NewGuid().ToString("N")[..10];
        var wanted = await AddOrganizationAsync(tree, tree.MunicipalityId, $"Колледж {token} один", OrganizationType.Spo);
        await AddOrganizationAsync(tree, tree.MunicipalityId, $"Школа {token} два", OrganizationType.School);
        await AddOrganizationAsync(tree, second, $"Колледж {token} три", OrganizationType.Spo);
        await AddOrganizationAsync(tree, tree.MunicipalityId, AppFixture.Unique("Колледж без метки"), OrganizationType.Spo);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.GetAsync($"{Url}?q={token.ToUpperInvariant()}&municipalityId={tree.MunicipalityId}&type={OrganizationType.Spo}");

        var rows = ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([wanted], rows.Skip(1).Select(r => r.Cells[0]));
        Assert.Equal("СПО", rows[1].Cells[2]);
    }

    [Fact]
    public async Task Get_SystemAdminWithRegionFilter_ExportsThatRegionOnly()
    {
        var tree = await app.CreateTreeAsync();
        await AddOrganizationAsync(tree, tree.MunicipalityId, AppFixture.Unique("Гимназия"), OrganizationType.School);
        await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.SystemAdmin, null);

        var rows = ReadXlsx(await (await client.GetAsync($"{Url}?regionId={tree.RegionId}")).Content.ReadAsByteArrayAsync());

        Assert.Equal(await ExpectedRowsAsync(o => o.RegionId == tree.RegionId), Sorted(rows.Skip(1).Select(r => r.Cells)));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Export_ThenImportTheSameFile_AllRowsUnchanged()
    {
        var tree = await app.CreateTreeAsync();
        await AddOrganizationAsync(tree, tree.MunicipalityId, AppFixture.Unique("Колледж"), OrganizationType.Spo, Inn(), "Адрес", "c@college.ru");
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var exported = await (await client.GetAsync(Url)).Content.ReadAsByteArrayAsync();

        var upload = await client.PostMultipartAsync("/Territories/Organizations/Import?handler=Upload", FileContent("export.xlsx", exported));
        var html = await (await client.GetAsync(upload.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(2, Regex.Matches(html, ">без изменений</span>").Count);
        Assert.DoesNotContain(">новая</span>", html);
        Assert.DoesNotContain(">будет обновлена</span>", html);
    }

    [Fact]
    public async Task Get_AsCurator_Returns403()
    {
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<List<string>> ExpectedRowsAsync(System.Linq.Expressions.Expression<Func<Organization, bool>> where)
    {
        await using var db = app.Db();
        var organizations = await db.Organizations.Where(where)
            .Select(o => new { o.Name, o.ShortName, o.Type, Municipality = o.Municipality.Name, o.Inn, o.Address, o.Email })
            .ToListAsync();
        return Sorted(organizations.Select(o => new List<string> { o.Name, o.ShortName, o.Type.Title(), o.Municipality, o.Inn ?? "", o.Address, o.Email }));
    }

    private static List<string> Sorted(IEnumerable<List<string>> rows) => rows.Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();

    private async Task<long> AddMunicipalityAsync(long regionId) =>
        (await app.InsertAsync(new Municipality { RegionId = regionId, Name = AppFixture.Unique("Район"), Kind = MunicipalityKind.MunicipalDistrict })).Id;

    private async Task<string> AddOrganizationAsync(AppFixture.Tree tree, long municipalityId, string name, OrganizationType type,
        string? inn = null, string address = "", string email = "")
    {
        await app.InsertAsync(new Organization
        {
            RegionId = tree.RegionId, MunicipalityId = municipalityId, Name = name, ShortName = name[..Math.Min(name.Length, 30)], Type = type,
            Inn = inn, Address = address, Email = email,
        });
        return name;
    }
}

using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories;

/// <summary>Extra rows the territory tests need next to <see cref="AppFixture.CreateTreeAsync"/>.</summary>
public static class TerritoryData
{
    /// <summary>
    /// Another municipality with one school in the tree's region, as a tree of its own. Region codes are only two
    /// digits, so tests that need a second territory take a sibling municipality rather than a second region.
    /// </summary>
    public static async Task<AppFixture.Tree> AddSiblingAsync(this AppFixture app, AppFixture.Tree tree)
    {
        await using var db = app.Db();
        var municipality = new Municipality { RegionId = tree.RegionId, Name = AppFixture.Unique("Муниципалитет"), Kind = MunicipalityKind.MunicipalDistrict };
        var school = new Organization
        {
            RegionId = tree.RegionId, Municipality = municipality, Name = AppFixture.Unique("Школа полное"),
            ShortName = AppFixture.Unique("Школа"), Type = OrganizationType.School,
        };
        db.Organizations.Add(school);
        await db.SaveChangesAsync();
        return new AppFixture.Tree(tree.RegionId, municipality.Id, school.Id);
    }

    public static async Task<Partner> AddPartnerAsync(this AppFixture app, long regionId, params long[] servedMunicipalityIds)
    {
        var partner = new Partner { RegionId = regionId, Name = AppFixture.Unique("Партнёр"), Type = PartnerType.Enterprise };
        foreach (var id in servedMunicipalityIds) partner.Municipalities.Add(new PartnerMunicipality { MunicipalityId = id });
        return await app.InsertAsync(partner);
    }

    public static async Task<Organization> OrganizationAsync(this AppFixture app, long id)
    {
        await using var db = app.Db();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    /// <summary>The region's subject code; fixture regions have none, so a free one is given to it first.</summary>
    public static async Task<string> RegionCodeAsync(this AppFixture app, long regionId)
    {
        await using var db = app.Db();
        var region = await db.Regions.SingleAsync(r => r.Id == regionId);
        if (region.Code is null)
        {
            var used = await db.Regions.Where(r => r.Code != null).Select(r => r.Code!).ToListAsync();
            region.Code = Enumerable.Range(0, 100).Select(i => i.ToString("00")).First(c => !used.Contains(c));
            await db.SaveChangesAsync();
        }
        return region.Code;
    }

    public static async Task<bool> AuditedAsync(this AppFixture app, AuditAction action, string entityType, long id)
    {
        await using var db = app.Db();
        return await db.AuditEntries.AnyAsync(a => a.Action == action && a.EntityType == entityType && a.EntityId == id.ToString());
    }

    /// <summary>
    /// Asserts the page lists the message among its form errors. The bare text is not proof: every input carries its
    /// messages in data-val-* attributes, errors or not.
    /// </summary>
    public static void AssertFormError(string html, string message) => Assert.Contains($"<li>{message}</li>", html);

    /// <summary>A random ИНН of a legal entity (10 digits) with the right check digit; unique enough for a test run.</summary>
    public static string NewLegalEntityInn()
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? Random.Shared.Next(1, 10) : Random.Shared.Next(10)).ToArray();
        var check = digits.Zip(weights, (d, w) => d * w).Sum() % 11 % 10;
        return string.Concat(digits) + check;
    }

    /// <summary>A valid ИНН with its last digit changed, so only the checksum is wrong.</summary>
    public static string WithBadCheckDigit(string inn) => inn[..^1] + (char)('0' + (inn[^1] - '0' + 1) % 10);
}

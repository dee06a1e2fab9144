using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Territories;

/// <summary>
/// Razor Pages route every page with a «page» value of its own (the page path); a list's page number must come from
/// the query string, or page 2 silently shows page 1.
/// </summary>
[Collection(Collections.Platform)]
public class PagingTests(AppFixture app)
{
    [Fact]
    public async Task OrganizationsList_SecondPage_ShowsTheRest()
    {
        var tree = await app.CreateTreeAsync();
        await using (var db = app.Db())
        {
            for (var i = 0; i < 29; i++)
            {
                db.Organizations.Add(new Organization
                {
                    RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = AppFixture.Unique("Школа полное"),
                    ShortName = $"Школа {i:00}", Type = OrganizationType.School,
                });
            }
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var first = await (await client.GetAsync("/Territories/Organizations")).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync("/Territories/Organizations?page=2")).Content.ReadAsStringAsync();

        Assert.Contains("Показано 1–25 из 30", first);
        Assert.Contains("Показано 26–30 из 30", second);
        Assert.Contains("Школа 28", second);
        Assert.DoesNotContain("Школа 00", second);
    }

    [Fact]
    public async Task UsersList_SecondPage_ShowsTheRest()
    {
        var tree = await app.CreateTreeAsync();
        for (var i = 0; i < 26; i++) await app.CreateUserAsync(Role.Mentor, tree, $"Наставников Наставник {i:00}");
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var second = await (await client.GetAsync("/Users?page=2")).Content.ReadAsStringAsync();

        Assert.Contains("из 27", second);
        Assert.Contains("Показано 26–27", second);
    }
}

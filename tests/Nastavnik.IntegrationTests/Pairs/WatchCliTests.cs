using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

/// <summary>`nastavnik pairs watchlist` run in-process against the test database.</summary>
[Collection(Collections.Pairs)]
public class WatchCliTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    [Fact]
    public async Task Watchlist_OrganizationMunicipalityAndRegion_PrintExactJson()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        // A stalled pair with no feedback and no contacts, and a young pair with a low rating.
        await app.PairAsync(tree, program.Id, Today.AddDays(-50));
        var young = await app.PairAsync(tree, program.Id, Today.AddDays(-5));
        await app.FeedbackAsync(tree, young, MemberRole.Mentee, DateTimeOffset.UtcNow.AddHours(-1), usefulness: 2, comfort: 6);
        await app.PairAsync(tree, program.Id, Today.AddDays(-50), GroupStatus.Closed);
        await using var db = app.Db();
        var school = await db.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var municipality = await db.Municipalities.Where(m => m.Id == tree.MunicipalityId).Select(m => m.Name).SingleAsync();
        var region = await db.Regions.Where(r => r.Id == tree.RegionId).Select(r => r.Name).SingleAsync();

        foreach (var node in new[] { school, municipality, region })
        {
            var (code, stdout, _) = await CliRunner.RunAsync(app, "pairs", "watchlist", "--node", node, "--json");

            Assert.Equal(0, code);
            Assert.Equal("""{"stalled":1,"missing_feedback":1,"overdue_contacts":1,"low_ratings":1,"active":2}""", stdout.Trim());
        }
    }

    [Fact]
    public async Task Watchlist_UnknownNode_RussianMessageExit2()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(app, "pairs", "watchlist", "--node", AppFixture.Unique("Нет такой школы"), "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("не найден", stderr);
    }
}

using System.Net;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class MineTests(AppFixture app)
{
    [Fact]
    public async Task Get_Mentor_ListsOwnPairOnly()
    {
        var mine = await app.PairAsync();
        var other = await app.PairAsync();
        var client = await app.SignInAsync(mine.MentorLogin);

        var response = await client.GetAsync("/Pairs/Mine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-group=\"{mine.GroupId}\"", html);
        Assert.DoesNotContain($"data-group=\"{other.GroupId}\"", html);
        Assert.Contains("Записать встречу", html);
    }
}

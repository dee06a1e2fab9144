using System.Net;
using Nastavnik.Bench;
using Nastavnik.Domain.Access;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Cli;

[Collection(Collections.Platform)]
public class SearchBenchTests(AppFixture app)
{
    [Fact]
    public async Task Load_500People_CuratorSearchFindsOwnSchoolsSurnamesOnly()
    {
        var (region, municipality, school) = await SearchBench.LoadAsync(app.ConnectionString, 500);
        var client = await app.SignInAsAsync(Role.Curator, new AppFixture.Tree(region, municipality, school));

        // 10 pupils per school: the first school has the list's surnames 1–10 (Иванов, Смирнов, …), the second 11–20 (Морозов, …).
        var ivanov = await client.GetAsync(SearchBench.SearchPath("Ива"));
        var smirnov = await client.GetStringAsync(SearchBench.SearchPath("смир"));
        var otherSchool = await client.GetStringAsync(SearchBench.SearchPath("Мор"));

        Assert.Equal(HttpStatusCode.OK, ivanov.StatusCode);
        Assert.Contains("Иванов", await ivanov.Content.ReadAsStringAsync());
        Assert.Contains("Смирнов", smirnov);
        Assert.DoesNotContain("Иванов", smirnov);
        Assert.DoesNotContain("Морозов", otherSchool);
    }

    [Fact]
    public void ParseWrk_LatencyReport_ReadsRatePercentilesAndNon2xx()
    {
        const string output = """
            Running 15s test @ http://127.0.0.1:5000/People/Mentees?q=x
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    88.10ms   30.00ms 300.00ms   70.00%
                Req/Sec    90.00     20.00   150.00     70.00%
              Latency Distribution
                 50%   84.30ms
                 75%  106.70ms
                 90%  130.30ms
                 99%    1.20s
              2712 requests in 15.06s, 60.00MB read
              Non-2xx or 3xx responses: 3
            Requests/sec:    180.10
            Transfer/sec:      3.98MB
            """;

        var result = Harness.ParseWrk(output);

        Assert.NotNull(result);
        Assert.Equal(2712, result.Requests);
        Assert.Equal(180.10, result.RequestsPerSecond, 2);
        Assert.Equal(84.3, result.P50, 2);
        Assert.Equal(130.3, result.P90, 2);
        Assert.Equal(1200, result.P99, 2);
        Assert.Equal(3, result.Non2xx);
    }
}

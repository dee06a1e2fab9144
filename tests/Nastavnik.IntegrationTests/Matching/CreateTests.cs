using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching;

[Collection(Collections.Bases)]
public class CreateTests(AppFixture app)
{
    private static Dictionary<string, string> Fields(MatchingData.World world, string mode = "Optimal") => new()
    {
        ["Form.ProgramId"] = world.Program.Id.ToString(), ["Form.Form"] = "pupil_pupil", ["Form.DeliveryMode"] = "traditional",
        ["Form.Mode"] = mode, ["Form.Preset"] = "balanced",
        ["Form.Topics"] = "40", ["Form.Subject"] = "15", ["Form.Availability"] = "15", ["Form.Age"] = "10", ["Form.SameSchool"] = "10", ["Form.Preference"] = "10",
    };

    [Fact]
    public async Task Post_ValidForm_QueuesRunAndWorkerMakesDraftWithPairs()
    {
        var world = await app.WorldAsync(3, 1, 2);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var response = await client.PostFormAsync("/Matching/Create", Fields(world));

        MatchingData.AssertRedirect(response);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Matching/Card/", location);
        var runId = long.Parse(location.Split('/').Last());
        var run = await app.WaitForRunAsync(runId);
        Assert.Equal(MatchRunStatus.Draft, run.Status);
        Assert.Equal(3, run.Matched);
        Assert.Equal(0, run.Unmatched);
        Assert.Equal(100, run.Progress);
        Assert.True(run.TotalScore > 0);
        var proposals = await app.ProposalsAsync(runId);
        Assert.Equal(world.Mentees.Order(), proposals.Select(p => p.MenteeProfileId).Order());
        Assert.All(proposals, p => Assert.Contains(p.MentorProfileId!.Value, world.Mentors));
        // Capacities hold: the first mentor takes one mentee, the second two.
        Assert.Single(proposals, p => p.MentorProfileId == world.Mentors[0]);
        Assert.Equal(2, proposals.Count(p => p.MentorProfileId == world.Mentors[1]));
        Assert.All(proposals, p => Assert.Contains("\"points\"", p.Breakdown));
    }

    [Fact]
    public async Task Post_WeightOutOfRange_RedisplaysWithRussianError()
    {
        var world = await app.WorldAsync(1, 1);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        var fields = Fields(world);
        fields["Form.Topics"] = "150";

        var response = await client.PostFormAsync("/Matching/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Вес «Запросы и компетенции» — от 0 до 100", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.MatchRuns.AnyAsync(r => r.ProgramId == world.Program.Id));
    }

    [Fact]
    public async Task Post_FormTheProgrammeDoesNotRun_Refused()
    {
        var world = await app.WorldAsync(1, 1);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        var fields = Fields(world);
        fields["Form.Form"] = "teacher_teacher";

        var response = await client.PostFormAsync("/Matching/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не реализует форму", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ProgrammeOfAnotherSchool_Refused()
    {
        var world = await app.WorldAsync(1, 1);
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, other);

        var response = await client.PostFormAsync("/Matching/Create", Fields(world));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите программу из списка", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostPreset_FillsWeightsOfThePreset()
    {
        var world = await app.WorldAsync(1, 1);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);
        var preset = WeightPresets.All.First(p => p.Code != WeightPresets.Default.Code);
        var fields = Fields(world);
        fields["Form.Preset"] = preset.Code;

        var response = await client.PostFormAsync("/Matching/Create?handler=Preset", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"name=\"Form.Topics\"[^>]*value=\"{preset.Weights.Topics}\"|value=\"{preset.Weights.Topics}\"[^>]*name=\"Form.Topics\"", html);
    }

    [Fact]
    public async Task Index_ListsRunsOfOwnSchoolOnly()
    {
        var world = await app.WorldAsync(1, 1);
        var other = await app.WorldAsync(1, 1);
        var mine = await app.DraftRunAsync(world, []);
        var theirs = await app.DraftRunAsync(other, []);
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var html = await (await client.GetAsync("/Matching")).Content.ReadAsStringAsync();

        Assert.Contains($"/Matching/Card/{mine}\"", html);
        Assert.DoesNotContain($"/Matching/Card/{theirs}\"", html);
        Assert.Contains(world.Program.Name, html);
    }

    [Fact]
    public async Task Index_StatusFilter_ShowsOnlyRunsInThatStatus()
    {
        var world = await app.WorldAsync(1, 1);
        var draft = await app.DraftRunAsync(world, []);
        var discarded = await app.DraftRunAsync(world, []);
        await using (var db = app.Db())
        {
            await db.MatchRuns.Where(r => r.Id == discarded).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MatchRunStatus.Discarded));
        }
        var client = await app.SignInAsAsync(Role.Curator, world.Tree);

        var html = await (await client.GetAsync("/Matching?status=Discarded")).Content.ReadAsStringAsync();

        Assert.Contains($"/Matching/Card/{discarded}\"", html);
        Assert.DoesNotContain($"/Matching/Card/{draft}\"", html);
        Assert.Contains("1 запуск подбора", html);
    }
}

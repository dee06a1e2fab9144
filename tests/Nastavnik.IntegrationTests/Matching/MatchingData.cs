using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.IntegrationTests.Matching;

/// <summary>A programme with pupil mentees and eligible pupil mentors («ученик – ученик»), and helpers to run matching on it.</summary>
public static partial class MatchingData
{
    public sealed record World(AppFixture.Tree Tree, MentoringProgram Program, List<long> Mentees, List<long> Mentors,
        Dictionary<long, string> MentorNames, Dictionary<long, string> MenteeNames);

    public static async Task<long> TopicAsync(this AppFixture app, string name)
    {
        await using var db = app.Db();
        return await db.Topics.Where(t => t.Name == name && t.RegionId == null).Select(t => t.Id).FirstAsync();
    }

    /// <summary>A school's programme with <paramref name="mentees"/> 5th-graders and mentors in the 9th grade with the given capacities.</summary>
    public static async Task<World> WorldAsync(this AppFixture app, int mentees, params int[] mentorCapacities)
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
            Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
            Forms = ["pupil_pupil"], DeliveryModes = ["traditional", "group"],
        });
        var olympiad = await app.TopicAsync("Подготовка к олимпиадам");
        var projects = await app.TopicAsync("Проектная деятельность");
        var world = new World(tree, program, [], [], [], []);
        await using var db = app.Db();
        for (var i = 0; i < mentorCapacities.Length; i++)
        {
            var person = Pupil(tree, $"Наставникова{Letter(i)}", "9А", 9, new DateOnly(2011, 5, 1));
            db.People.Add(person);
            var profile = new MentorProfile
            {
                Person = person, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                CompetencyTopicIds = i % 2 == 0 ? [olympiad, projects] : [projects], Availability = "пн, ср после 14:00",
                Capacity = mentorCapacities[i], Status = ParticipationStatus.Admitted, ScreeningDone = ["interview", "training", "consent"],
                TrainingHours = 16, TrainingCompletedOn = new DateOnly(2026, 9, 20), AllowedForms = ["pupil_pupil"], DesiredAgeMin = 9, DesiredAgeMax = 14,
            };
            db.MentorProfiles.Add(profile);
            await db.SaveChangesAsync();
            world.Mentors.Add(profile.Id);
            world.MentorNames[profile.Id] = person.FullName;
        }
        for (var i = 0; i < mentees; i++)
        {
            var person = Pupil(tree, $"Ученикова{Letter(i)}", "5Б", 5, new DateOnly(2015, 3, 1));
            db.People.Add(person);
            var profile = new MenteeProfile
            {
                Person = person, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                KeyTopicId = i % 2 == 0 ? olympiad : projects, Source = RequestSource.ClassTeacher, EntryDate = new DateOnly(2026, 9, 10),
                Status = ParticipationStatus.Admitted, Availability = "пн после 15:00",
            };
            db.MenteeProfiles.Add(profile);
            await db.SaveChangesAsync();
            world.Mentees.Add(profile.Id);
            world.MenteeNames[profile.Id] = person.FullName;
        }
        return world;
    }

    private static string Letter(int i) => ((char)('А' + i % 32)).ToString() + (i >= 32 ? (i / 32).ToString() : "");

    public static Person Pupil(AppFixture.Tree tree, string lastName, string className, int grade, DateOnly born) => new()
    {
        RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = lastName,
        FirstName = "Анна", MiddleName = "Игоревна", ClassName = className, Grade = grade, BirthDate = born, Status = PersonStatus.Active,
    };

    /// <summary>Queues an optimal run of the world's programme directly and wakes the worker.</summary>
    public static async Task<long> QueueRunAsync(this AppFixture app, World world, bool group = false, MatchMode mode = MatchMode.Optimal)
    {
        var run = await app.InsertAsync(new MatchRun
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, ProgramId = world.Program.Id, Form = "pupil_pupil",
            DeliveryMode = group ? "group" : "traditional", IsGroup = group, Mode = mode, Weights = RunWeights.Write(WeightPresets.Default.Weights),
            Status = MatchRunStatus.Queued,
        });
        app.Factory.Services.GetRequiredService<MatchRunSignal>().Wake();
        return run.Id;
    }

    /// <summary>Polls the run until the worker has finished it (draft or failed), or fails after 30 seconds.</summary>
    public static async Task<MatchRun> WaitForRunAsync(this AppFixture app, long runId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = app.Db())
            {
                var run = await db.MatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
                if (run.Status is not (MatchRunStatus.Queued or MatchRunStatus.Running)) return run;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Run {runId} is still queued or running after 30 s");
            await Task.Delay(200);
        }
    }

    public static async Task<List<MatchProposal>> ProposalsAsync(this AppFixture app, long runId)
    {
        await using var db = app.Db();
        return await db.MatchProposals.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>A draft run with the given pairs (mentee → mentor) written directly, as the worker would leave it.</summary>
    public static async Task<long> DraftRunAsync(this AppFixture app, World world, IEnumerable<(long Mentee, long? Mentor)> pairs, bool group = false)
    {
        await using var db = app.Db();
        var run = new MatchRun
        {
            RegionId = world.Tree.RegionId, OrganizationId = world.Tree.OrganizationId, ProgramId = world.Program.Id, Form = "pupil_pupil",
            IsGroup = group, Mode = MatchMode.Optimal, Weights = RunWeights.Write(WeightPresets.Default.Weights), Status = MatchRunStatus.Draft,
            TotalScore = 0, Matched = 0, Unmatched = 0, SolveMs = 1,
        };
        foreach (var (mentee, mentor) in pairs)
        {
            run.Proposals.Add(new MatchProposal
            {
                MenteeProfileId = mentee, MentorProfileId = mentor, Score = mentor is null ? 0 : 500,
                UnmatchedReason = mentor is null ? "все подходящие наставники заняты" : "",
            });
        }
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>The run version the card's approval form carries.</summary>
    public static async Task<string> ApprovalVersionAsync(this HttpClient client, long runId)
    {
        var html = await (await client.GetAsync($"/Matching/Card/{runId}")).Content.ReadAsStringAsync();
        return VersionField().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> ApproveAsync(this HttpClient client, long runId, string? number = "17-о", string? version = null)
    {
        version ??= await client.ApprovalVersionAsync(runId);
        return await client.PostFormAsync($"/Matching/Card/{runId}?handler=Approve", new()
        {
            ["Approve.StartDate"] = "2026-10-01", ["Approve.OrderNumber"] = number ?? "", ["Approve.OrderDate"] = "2026-09-28",
            ["Approve.RowVersion"] = version,
        });
    }

    public static void AssertRedirect(HttpResponseMessage response, string? body = null) =>
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {body}");

    [GeneratedRegex("name=\"Approve.RowVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

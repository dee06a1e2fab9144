using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.People;

namespace Nastavnik.IntegrationTests.Matching;

/// <summary>The demo bases give a sensible proposal: matching Романовская СОШ's programme pairs most of its mentees.</summary>
[Collection(Collections.Bases)]
public class DemoMatchingTests(AppFixture app)
{
    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    [Fact]
    public async Task DemoProgramme_SeededFormsAndMatchingPairsMostMentees()
    {
        var name = "nastavnik_test_mdemo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);
        await using (var db = Open(cs)) await PeopleDemo.LoadAsync(db, TextWriter.Null);

        await using var check = Open(cs);
        var program = await check.Programs.Include(p => p.Organization)
            .SingleAsync(p => p.Organization.ShortName == PeopleDemo.LinkedSchool && p.Name == PeopleDemo.ProgramName);
        Assert.Equal(["pupil_pupil", "teacher_teacher"], program.Forms);
        Assert.All(program.Forms, f => Assert.Contains(Forms.All, k => k.Code == f));
        Assert.False(await check.MentorProfiles.AnyAsync(m => m.AllowedForms.Contains("teacher_pupil")));

        foreach (var form in program.Forms)
        {
            var run = new MatchRun
            {
                RegionId = program.RegionId, OrganizationId = program.OrganizationId, ProgramId = program.Id, Form = form,
                DeliveryMode = "traditional", Weights = RunWeights.Write(WeightPresets.Default.Weights),
            };
            var input = await MatchInputs.LoadAsync(check, run, [], new DateOnly(2026, 10, 1));
            var outcome = MatchEngine.Run(input);
            var mentees = input.Mentees.Count(m => FormRoles.MenteeKinds(form).Contains(m.Kind));
            Console.WriteLine($"{form}: {mentees} mentees of the form, {outcome.Pairs.Count} pairs, {outcome.Unmatched.Count} unmatched, total {outcome.Total}");
            Assert.True(outcome.Pairs.Count >= mentees * 0.6, $"{form}: {outcome.Pairs.Count} pairs for {mentees} mentees");
            Assert.True(outcome.Pairs.Count >= 2, $"{form}: {outcome.Pairs.Count} pairs");
        }
    }
}

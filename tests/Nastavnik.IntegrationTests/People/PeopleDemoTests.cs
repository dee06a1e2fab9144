using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Features.People;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class PeopleDemoTests(AppFixture app)
{
    private static NastavnikDb Open(string cs) => new(new DbContextOptionsBuilder<NastavnikDb>().UseNpgsql(cs).Options);

    [Fact]
    public async Task Load_Twice_GeneratesPeoplePerSchoolOnceWithConsentsProfilesAndLinkedLogins()
    {
        var name = "nastavnik_test_pdemo_" + Guid.NewGuid().ToString("N")[..6];
        await app.Cluster.EnsureDatabaseAsync(name);
        var cs = app.Cluster.ConnectionString(name);
        await MigrationRunner.ApplyAsync(cs, MigrationRunner.FindMigrationsDirectory());
        await using (var db = Open(cs)) await DemoData.EnsureAsync(db, TextWriter.Null);

        var watch = Stopwatch.StartNew();
        await using (var db = Open(cs)) await PeopleDemo.LoadAsync(db, Console.Out);
        watch.Stop();
        int peopleAfterFirst;
        await using (var db = Open(cs)) peopleAfterFirst = await db.People.CountAsync();
        await using (var db = Open(cs)) await PeopleDemo.LoadAsync(db, TextWriter.Null);

        await using var check = Open(cs);
        Assert.Equal(peopleAfterFirst, await check.People.CountAsync());
        Console.WriteLine($"PeopleDemo.LoadAsync took {watch.Elapsed.TotalSeconds:F1} s for {peopleAfterFirst} people");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");

        var schools = await check.Organizations.Where(o => o.Type == OrganizationType.School).Select(o => o.Id).ToListAsync();
        Assert.True(schools.Count >= 10);
        foreach (var school in schools)
        {
            var count = await check.People.CountAsync(p => p.OrganizationId == school);
            Assert.InRange(count, 200, 800);
            Assert.Equal(1, await check.Programs.CountAsync(p => p.OrganizationId == school && p.Name == PeopleDemo.ProgramName));
            Assert.True(await check.People.CountAsync(p => p.OrganizationId == school && p.Kind == PersonKind.Teacher) >= 8);
            Assert.True(await check.MenteeProfiles.CountAsync(p => p.OrganizationId == school && p.KeyTopicId != null) >= 10);
            Assert.True(await check.MentorProfiles.CountAsync(p => p.OrganizationId == school && p.TrainingCompletedOn != null && p.Status == ParticipationStatus.Admitted) >= 3);
        }

        var cyrillic = new Regex("^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$");
        var names = await check.People.Select(p => new { p.LastName, p.FirstName, p.MiddleName, p.Sex }).ToListAsync();
        Assert.All(names, n => Assert.Matches(cyrillic, n.LastName));
        Assert.All(names, n => Assert.Matches(cyrillic, n.FirstName));
        Assert.All(names, n => Assert.Matches(cyrillic, n.MiddleName));
        // Feminine forms: a woman's patronymic ends in -вна/-чна, her surname never in -ов/-ев/-ин/-ский.
        Assert.All(names.Where(n => n.Sex == Sex.F), n => Assert.Matches("(вна|чна)$", n.MiddleName));
        Assert.All(names.Where(n => n.Sex == Sex.F), n => Assert.DoesNotMatch("(ов|ев|ёв|ин|ский)$", n.LastName));
        Assert.All(names.Where(n => n.Sex == Sex.M), n => Assert.Matches("(ич)$", n.MiddleName));

        // Grades match birth dates: a pupil of grade g was born between 01.09.(2018-g+1) and 31.08.(2019-g+1).
        var pupils = await check.People.Where(p => p.Kind == PersonKind.Pupil).Select(p => new { p.Grade, p.BirthDate, p.Status, p.Id }).ToListAsync();
        Assert.All(pupils, p => Assert.InRange(p.BirthDate!.Value, new DateOnly(2018 - p.Grade!.Value + 1, 9, 1), new DateOnly(2019 - p.Grade.Value + 1, 8, 31)));

        // Every pupil has a parent as legal representative; active pupils have the representative's processing consent; some await consent.
        Assert.Equal(pupils.Count, await check.LegalRepresentatives.Select(r => r.ChildId).Distinct().CountAsync());
        var active = pupils.Count(p => p.Status == PersonStatus.Active);
        Assert.InRange(active, pupils.Count * 8 / 10, pupils.Count - 1);
        Assert.Equal(active, await check.Consents.Where(c => c.Purpose == ConsentPurpose.Processing && c.Signer == ConsentSigner.Representative)
            .Select(c => c.PersonId).Distinct().CountAsync());
        Assert.False(await check.People.AnyAsync(p => p.Status == PersonStatus.AwaitingConsent && p.Consents.Any()));

        var linked = await check.Users.Where(u => u.PersonId != null).Select(u => new { u.UserName, u.PersonId }).ToListAsync();
        Assert.Equal(["mentee", "mentor", "parent"], linked.Select(l => l.UserName).Order());
        var menteeId = linked.Single(l => l.UserName == "mentee").PersonId;
        var parentId = linked.Single(l => l.UserName == "parent").PersonId;
        var mentorId = linked.Single(l => l.UserName == "mentor").PersonId;
        var mentee = await check.People.SingleAsync(p => p.Id == menteeId);
        Assert.Equal("Миронова Алина Игоревна", mentee.FullName);
        Assert.True(await check.MenteeProfiles.AnyAsync(p => p.PersonId == mentee.Id));
        Assert.True(await check.LegalRepresentatives.AnyAsync(r => r.ChildId == mentee.Id && r.RepresentativeId == parentId));
        Assert.True(await check.MentorProfiles.AnyAsync(p => p.PersonId == mentorId));
    }
}

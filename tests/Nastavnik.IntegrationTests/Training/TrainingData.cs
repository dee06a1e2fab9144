using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Territories;
using Nastavnik.IntegrationTests.Infrastructure;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

// Not "...Training": a namespace of that name would hide the Training entity from the other test namespaces.
namespace Nastavnik.IntegrationTests.Trainings;

/// <summary>Schools, mentors (interviewed and admitted, not yet trained) and trainings for the training tests.</summary>
public static class TrainingData
{
    /// <summary>Another school in the tree's municipality, as a tree of its own.</summary>
    public static async Task<AppFixture.Tree> SecondSchoolAsync(this AppFixture app, AppFixture.Tree tree)
    {
        var school = await app.InsertAsync(new Organization
        {
            RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Name = AppFixture.Unique("Школа полное"),
            ShortName = AppFixture.Unique("Школа"), Type = OrganizationType.School,
        });
        return tree with { OrganizationId = school.Id };
    }

    /// <summary>A teacher with a mentor profile in a programme of the school: consent, interview, «допущен»; no training.</summary>
    public static async Task<(long PersonId, long ProfileId, string Name)> MentorAsync(this AppFixture app, AppFixture.Tree tree, string lastName)
    {
        var program = await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
            Family = ModelFamily.Teachers, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
        });
        var person = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Teacher, LastName = lastName,
            FirstName = "Ольга", MiddleName = "Петровна", Position = "учитель математики", Status = PersonStatus.Active,
        });
        var profile = await app.InsertAsync(new MentorProfile
        {
            PersonId = person.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Status = ParticipationStatus.Admitted, ScreeningDone = [MentorEligibility.Interview, "consent"],
        });
        return (person.Id, profile.Id, person.FullName);
    }

    public static TrainingEvent Organization(AppFixture.Tree tree, string title) => new()
    {
        RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, OrganizationId = tree.OrganizationId, Title = title,
        Hours = 16, StartsOn = new DateOnly(2026, 10, 1), EndsOn = new DateOnly(2026, 10, 20), Trainer = "ЦНППМ",
    };

    public static TrainingEvent Municipal(AppFixture.Tree tree, string title) => new()
    {
        RegionId = tree.RegionId, MunicipalityId = tree.MunicipalityId, Title = title,
        Hours = 24, StartsOn = new DateOnly(2026, 10, 5), EndsOn = new DateOnly(2026, 10, 30), Trainer = "Сектор ИМР",
    };

    public static TrainingEvent Regional(AppFixture.Tree tree, string title) => new()
    {
        RegionId = tree.RegionId, Title = title,
        Hours = 36, StartsOn = new DateOnly(2026, 9, 15), EndsOn = new DateOnly(2026, 11, 10), Trainer = "Региональный центр наставничества",
    };
}

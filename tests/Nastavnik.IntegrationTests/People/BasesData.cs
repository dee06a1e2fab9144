using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

/// <summary>Rows of the bases for the tests: a programme, people and their profiles in one organization.</summary>
public static class BasesData
{
    public static Task<MentoringProgram> ProgramAsync(this AppFixture app, AppFixture.Tree tree) => app.InsertAsync(new MentoringProgram
    {
        RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
        Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31), Forms = ["pupil_pupil"],
    });

    public static async Task<Person> MenteeAsync(this AppFixture app, AppFixture.Tree tree, MentoringProgram program, string lastName,
        string className = "7Б", PersonStatus status = PersonStatus.Active, Action<Person>? person = null, Action<MenteeProfile>? profile = null)
    {
        var pupil = new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = lastName, FirstName = "Анна",
            MiddleName = "Игоревна", ClassName = className, Grade = ClassName.Parse(className)?.Grade, Status = status,
            BirthDate = new DateOnly(2012, 3, 14),
        };
        person?.Invoke(pupil);
        await app.InsertAsync(pupil);
        var row = new MenteeProfile
        {
            PersonId = pupil.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Source = RequestSource.ClassTeacher, EntryDate = new DateOnly(2026, 9, 10),
        };
        profile?.Invoke(row);
        await app.InsertAsync(row);
        return pupil;
    }

    public static async Task<Person> MentorAsync(this AppFixture app, AppFixture.Tree tree, MentoringProgram program, string lastName,
        PersonStatus status = PersonStatus.Active, Action<MentorProfile>? profile = null)
    {
        var teacher = new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Teacher, LastName = lastName, FirstName = "Ольга",
            MiddleName = "Петровна", Position = "учитель математики", Status = status, BirthDate = new DateOnly(1980, 1, 2),
            Phone = "+7 900 111-22-33", Email = "olga@example.ru",
        };
        await app.InsertAsync(teacher);
        var row = new MentorProfile
        {
            PersonId = teacher.Id, ProgramId = program.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Achievements = "Победитель конкурса", HoursPerMonth = 8, Availability = "вт, чт после 15:00",
        };
        profile?.Invoke(row);
        await app.InsertAsync(row);
        return teacher;
    }
}

using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Consents;

/// <summary>Pupils and parents of a test's own school, aged relative to today (Moscow).</summary>
public static class ConsentTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    public static async Task<(long PupilId, long ParentId, string LastName)> PupilWithParentAsync(AppFixture app, AppFixture.Tree tree, int age)
    {
        var lastName = AppFixture.Unique("Соколов");
        await using var db = app.Db();
        var pupil = new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = lastName,
            FirstName = "Иван", MiddleName = "Петрович", BirthDate = Today.AddYears(-age).AddDays(-10), ClassName = "7Б", Grade = 7,
            Phone = "+7 900 111-22-33", SpecialCategories = ["gifted"],
        };
        var mother = new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Parent, LastName = lastName,
            FirstName = "Анна", MiddleName = "Сергеевна", Phone = "+7 900 000-00-01",
        };
        pupil.Representatives.Add(new LegalRepresentative { Representative = mother, Relationship = Relationship.Mother });
        db.People.Add(pupil);
        await db.SaveChangesAsync();
        return (pupil.Id, mother.Id, lastName);
    }

    public static Dictionary<string, string> ParentConsent(long parentId, DateOnly? on = null) => new()
    {
        ["Record.Purpose"] = "Processing",
        ["Record.RepresentativeId"] = parentId.ToString(),
        ["Record.GivenOn"] = (on ?? Today).ToString("yyyy-MM-dd"),
        ["Record.FormVersion"] = "2026-1",
        ["Record.DocumentNumber"] = "С-17",
    };
}

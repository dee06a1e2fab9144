using Nastavnik.Data;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The whole demo in the order its parts depend on: territories and logins, the territories' roadmaps, the schools'
/// people, then the pairs of the demo logins' school and its withdrawn and destroyed pupils. Every part is idempotent,
/// so a second run changes nothing.
/// </summary>
public static class DemoSeeder
{
    public static async Task LoadAllAsync(NastavnikDb db, TextWriter log)
    {
        await DemoData.EnsureAsync(db, log);
        await RoadmapDemo.LoadAsync(db, log);
        await PeopleDemo.LoadAsync(db, log);
        await PairsDemo.LoadAsync(db, log);
        await WithdrawnDemo.LoadAsync(db, log);
    }
}

using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Migrations;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

/// <summary>The seeded taxonomy of DOMAIN.md §5: both lists, shared by all regions, inserted once however often the script runs.</summary>
[Collection(Collections.Bases)]
public class TopicsSeedTests(AppFixture app)
{
    [Fact]
    public async Task Seed_RunTwice_KeepsOneRowPerTopic()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(MigrationRunner.FindMigrationsDirectory(), "2026-11-21_09_topics_seed.sql"));
        await using var db = app.Db();

        await db.Database.ExecuteSqlRawAsync(script);

        var seeded = await db.Topics.Where(t => t.RegionId == null && t.OrganizationId == null && t.Subject == "").ToListAsync();
        Assert.Equal(22, seeded.Where(t => t.Family == ModelFamily.Learners).Select(t => t.Name).Distinct().Count());
        Assert.Equal(12, seeded.Count(t => t.Family == ModelFamily.Teachers));
        Assert.Single(seeded, t => t.Name == "Коммуникативные навыки");
        Assert.Single(seeded, t => t.Name == "Работа с детьми с ОВЗ, инклюзия");
    }
}

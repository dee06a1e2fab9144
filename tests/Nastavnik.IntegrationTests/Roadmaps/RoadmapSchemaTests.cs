using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Data.Roadmaps;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Roadmaps;

/// <summary>The roadmap tables and the EF model agree: every entity round-trips through PostgreSQL.</summary>
[Collection(Collections.Roadmaps)]
public class RoadmapSchemaTests(AppFixture app)
{
    [Fact]
    public async Task Save_FullRoadmapGraph_RoundTripsAndFansOut()
    {
        var tree = await app.CreateTreeAsync();
        long roadmapId;
        await using (var db = app.Db())
        {
            var roadmap = new Roadmap
            {
                RegionId = tree.RegionId, Level = RoadmapLevel.Municipality, MunicipalityId = tree.MunicipalityId,
                Title = "План мероприятий (дорожная карта)", PeriodStart = new DateOnly(2020, 9, 1), PeriodEnd = new DateOnly(2021, 12, 31),
                Basis = "Приложение к приказу от 15.09.2020 № 423", Status = RoadmapStatus.Draft,
            };
            var section = new RoadmapSection { Position = 1, Number = "1.", Title = "Нормативное правовое регулирование" };
            roadmap.Sections.Add(section);
            var item = new RoadmapItem
            {
                Position = 1, Number = "1.1.", Title = "Разработка дорожных карт", Section = section, DeadlineText = "до 15.11.2020",
                DeadlineKind = DeadlineKind.Once, Responsible = "Руководители ОО", Result = "Дорожные карты",
                FanOut = RoadmapTerms.NamesOrganizations("Руководители ОО"),
            };
            roadmap.Items.Add(item);
            var schedule = new DeadlineSchedule("до 15.11.2020", DeadlineKind.Once, [new Occurrence(null, new DateOnly(2020, 11, 15))]);
            var occurrences = RoadmapOccurrences.Build(roadmap, item, schedule, [(tree.OrganizationId, tree.MunicipalityId)]);
            occurrences[0].Evidence.Add(new RoadmapEvidence { Kind = "link", Url = "https://example.org/plan" });
            db.RoadmapOccurrences.AddRange(occurrences);
            roadmap.StatusChanges.Add(new RoadmapStatusChange
            {
                FromStatus = RoadmapStatus.Draft, ToStatus = RoadmapStatus.Submitted, Comment = "Прошу согласовать",
                ItemComments = [new RoadmapItemComment { ItemId = 0, Comment = "—" }],
            });
            db.Roadmaps.Add(roadmap);
            // The item comment needs the item's id: save the graph first, then attach it.
            roadmap.StatusChanges[0].ItemComments.Clear();
            await db.SaveChangesAsync();
            db.RoadmapItemComments.Add(new RoadmapItemComment { StatusChangeId = roadmap.StatusChanges[0].Id, ItemId = item.Id, Comment = "Уточните срок" });
            await db.SaveChangesAsync();
            roadmapId = roadmap.Id;
        }

        await using var check = app.Db();

        var loaded = await check.Roadmaps.Include(r => r.Items).ThenInclude(i => i.Occurrences).ThenInclude(o => o.Evidence)
            .Include(r => r.Sections).Include(r => r.StatusChanges).ThenInclude(c => c.ItemComments).SingleAsync(r => r.Id == roadmapId);
        var loadedItem = Assert.Single(loaded.Items);
        Assert.True(loadedItem.FanOut);
        var occurrence = Assert.Single(loadedItem.Occurrences);
        Assert.Equal(tree.OrganizationId, occurrence.OrganizationId);
        Assert.Equal(new DateOnly(2020, 11, 15), occurrence.DueDate);
        Assert.Equal(OccurrenceStatus.NotStarted, occurrence.Status);
        Assert.Single(occurrence.Evidence);
        Assert.Equal("Уточните срок", Assert.Single(Assert.Single(loaded.StatusChanges).ItemComments).Comment);
        Assert.Equal(RoadmapStatus.Draft, loaded.Status);
        Assert.NotEqual(0u, loaded.RowVersion);

        var login = await app.CreateUserAsync(Nastavnik.Domain.Access.Role.Curator, tree);
        check.Notifications.Add(new Notification { UserId = (await check.Users.SingleAsync(u => u.UserName == login)).Id, Text = "Срок через 7 дней", DedupKey = $"t:{roadmapId}" });
        check.EmailOutbox.Add(new EmailMessage { ToAddress = "curator@example.org", Subject = "Напоминание", Body = "Срок" });
        await check.SaveChangesAsync();
        Assert.True(await check.EmailOutbox.AnyAsync(m => m.ToAddress == "curator@example.org" && m.SentAt == null));
    }
}

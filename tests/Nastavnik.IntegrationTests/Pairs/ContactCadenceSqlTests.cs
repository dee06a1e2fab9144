using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Pairs.Watch;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ContactCadenceSqlTests(AppFixture app)
{
    [Fact]
    public async Task Cadence_RandomPairs_SqlAgreesWithDomain()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var random = new Random(20261121);
        var baseDay = new DateOnly(2026, 6, 1);
        var pairs = new List<(long Id, DateOnly Start, bool Closed, Dictionary<ContactWith, List<DateOnly>> Contacts)>();
        for (var i = 0; i < 120; i++)
        {
            // Starts on every kind of day, the 29th–31st included, so month ends and February are crossed.
            var start = i % 6 == 0 ? new DateOnly(2026, 1 + random.Next(12), 1).AddDays(-1) : baseDay.AddDays(random.Next(300));
            var closed = random.Next(10) == 0;
            var pair = await app.PairAsync(tree, program.Id, start, closed ? GroupStatus.Closed : GroupStatus.Active);
            var contacts = new Dictionary<ContactWith, List<DateOnly>>();
            foreach (var side in new[] { ContactWith.Mentor, ContactWith.Mentee, ContactWith.Representative })
            {
                var dates = Enumerable.Range(0, random.Next(9)).Select(_ => start.AddDays(random.Next(-5, 260))).ToList();
                contacts[side] = dates;
                await app.ContactsAsync(tree, pair.Id, side, [.. dates]);
            }
            pairs.Add((pair.Id, start, closed, contacts));
        }

        var ids = pairs.Select(p => p.Id).ToArray();
        var checkedStates = 0;
        for (var t = 0; t < 25; t++)
        {
            var today = baseDay.AddDays(random.Next(-20, 420));
            await using var db = app.Db();
            var rows = await WatchQuery.Cadence(db, ids, today).ToListAsync();
            Assert.Equal(ids.Length * 2, rows.Count);
            foreach (var (id, start, closed, contacts) in pairs)
            {
                foreach (var side in new[] { ContactWith.Mentor, ContactWith.Mentee })
                {
                    var expected = ContactCadence.For(start, closed, contacts[side], today);
                    var row = rows.Single(r => r.GroupId == id && r.Side == (side == ContactWith.Mentor ? "mentor" : "mentee"));
                    Assert.True(expected == new CadenceState(row.CadenceStatus, row.DueOn),
                        $"start {start}, today {today}, contacts {string.Join(", ", contacts[side].Order())}: domain {expected}, SQL {row.Status} {row.DueOn}");
                    checkedStates++;
                }
            }
        }
        Assert.Equal(25 * 120 * 2, checkedStates);
    }
}

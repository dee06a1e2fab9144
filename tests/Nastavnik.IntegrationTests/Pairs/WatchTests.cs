using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.Web.Features.Pairs.Watch;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class WatchTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(DateTimeOffset.UtcNow));

    /// <summary>A school with one pair of each kind and one healthy pair; returns the pairs by kind.</summary>
    private async Task<(AppFixture.Tree Tree, Dictionary<string, WatchData.Pair> Pairs)> SchoolAsync()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pairs = new Dictionary<string, WatchData.Pair>();
        async Task<WatchData.Pair> Healthy(string kind, bool meeting = true, bool mentorFeedback = true, int rating = 8, bool contacts = true)
        {
            var pair = await app.PairAsync(tree, program.Id, Today.AddDays(-40));
            if (meeting) await app.MeetingAsync(tree, pair.Id, Today.AddDays(-3));
            if (mentorFeedback) await app.FeedbackAsync(tree, pair, MemberRole.Mentor, DateTimeOffset.UtcNow.AddDays(-2), rating, rating);
            await app.FeedbackAsync(tree, pair, MemberRole.Mentee, DateTimeOffset.UtcNow.AddDays(-2), rating, rating);
            if (contacts)
            {
                foreach (var side in new[] { ContactWith.Mentor, ContactWith.Mentee })
                {
                    await app.ContactsAsync(tree, pair.Id, side, Today.AddDays(-39), Today.AddDays(-35), Today);
                }
            }
            pairs[kind] = pair;
            return pair;
        }
        await Healthy("healthy");
        await Healthy("stalled", meeting: false);
        await Healthy("feedback", mentorFeedback: false);
        await Healthy("ratings", rating: 3);
        await Healthy("contacts", contacts: false);
        // A pair that started a week ago is not stalled yet, though it has had no meeting.
        var young = await app.PairAsync(tree, program.Id, Today.AddDays(-7));
        pairs["young"] = young;
        return (tree, pairs);
    }

    [Fact]
    public async Task Rows_EachKindOfPair_FlaggedByItsRuleOnly()
    {
        var (tree, pairs) = await SchoolAsync();
        await using var db = app.Db();

        await WatchQuery.PerOrganizationAsync(db, WatchNodes.OfOrganizations([tree.OrganizationId]), Today);
        var rows = await db.PairWatch.Where(r => r.OrganizationId == tree.OrganizationId).ToDictionaryAsync(r => r.GroupId);

        string Flags(string kind)
        {
            var r = rows[pairs[kind].Id];
            return string.Join(",", new[] { r.Stalled ? "stalled" : "", r.MissingFeedback ? "feedback" : "", r.LowRatings ? "ratings" : "", r.OverdueContacts ? "contacts" : "" }
                .Where(s => s != ""));
        }
        Assert.Equal("", Flags("healthy"));
        Assert.Equal("stalled", Flags("stalled"));
        Assert.Equal("feedback", Flags("feedback"));
        Assert.Equal("ratings", Flags("ratings"));
        Assert.Equal("contacts", Flags("contacts"));
        Assert.Equal("", Flags("young"));
    }

    [Fact]
    public async Task Get_Curator_ListsPairsOfTheChosenListByName()
    {
        var (tree, pairs) = await SchoolAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var stalled = await (await client.GetAsync("/Pairs/Watch")).Content.ReadAsStringAsync();
        var contacts = await (await client.GetAsync("/Pairs/Watch?list=contacts")).Content.ReadAsStringAsync();

        Assert.Contains(pairs["stalled"].MenteeName, stalled);
        Assert.DoesNotContain(pairs["healthy"].MenteeName, stalled);
        Assert.DoesNotContain(pairs["contacts"].MenteeName, stalled);
        Assert.Contains("Действующих пар: 6 · нет встреч: 1 · нет обратной связи: 1 · просрочены контакты: 1 · низкие оценки: 1", stalled);
        Assert.Contains(pairs["contacts"].MenteeName, contacts);
        Assert.Contains($"/Pairs/Contacts/{pairs["contacts"].Id}", contacts);
        Assert.DoesNotContain(pairs["stalled"].MenteeName, contacts);
    }

    [Fact]
    public async Task Get_MunicipalCoordinator_SeesCountsPerOrganizationNoNames()
    {
        var (tree, pairs) = await SchoolAsync();
        var other = await app.CreateTreeAsync();
        var otherProgram = await app.ProgramAsync(other);
        await app.PairAsync(other, otherProgram.Id, Today.AddDays(-60));
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var response = await client.GetAsync("/Pairs/Watch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Действующих пар: 6 · нет встреч: 1 · нет обратной связи: 1 · просрочены контакты: 1 · низкие оценки: 1", html);
        Assert.All(pairs.Values, p =>
        {
            Assert.DoesNotContain(p.MenteeName, html);
            Assert.DoesNotContain(p.MentorName, html);
        });
        Assert.DoesNotContain("id=\"pairs\"", html);
        await using var db = app.Db();
        var school = await db.Organizations.Where(o => o.Id == tree.OrganizationId).Select(o => o.ShortName).SingleAsync();
        var otherSchool = await db.Organizations.Where(o => o.Id == other.OrganizationId).Select(o => o.ShortName).SingleAsync();
        Assert.Contains(school, html);
        Assert.DoesNotContain(otherSchool, html);
    }

    [Fact]
    public async Task Get_RegionAdmin_SeesTotalsOfItsRegionOnly()
    {
        var (tree, _) = await SchoolAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var html = await (await client.GetAsync("/Pairs/Watch")).Content.ReadAsStringAsync();

        Assert.Contains("Действующих пар: 6 · нет встреч: 1", html);
    }

    [Fact]
    public async Task Get_Mentor_Forbidden()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Mentor, tree);

        var response = await client.GetAsync("/Pairs/Watch");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Export_Curator_XlsxWithFlaggedPairsAudited()
    {
        var (tree, pairs) = await SchoolAsync();
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var client = await app.SignInAsync(login);

        var response = await client.GetAsync("/Pairs/Watch?handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var text = document.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.Contains(pairs["stalled"].MenteeName, text);
        Assert.DoesNotContain(pairs["healthy"].MenteeName, text);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "MentoringGroup" && db.Users.Any(u => u.Id == a.UserId && u.UserName == login)));
    }
}

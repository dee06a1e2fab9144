using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Pairs;
using Nastavnik.IntegrationTests.Trainings;
using Nastavnik.Web.Features.Consents;

namespace Nastavnik.IntegrationTests.Consents;

/// <summary>
/// A person who withdrew consent to processing appears on no page and in no export: a pupil with a unique surname is
/// planted in every kind of record, withdraws, and every page that shows people is read by every viewer.
/// </summary>
[Collection(Collections.Pairs)]
public class WithdrawnEverywhereTests(AppFixture app)
{
    /// <summary>Who reads: the school's curator, the pair's mentor (the other member).</summary>
    private enum Viewer { Curator, Mentor }

    /// <summary>Every page and export that shows people, one line each: {g} the pair, {t} the training.</summary>
    private static readonly (Viewer Viewer, string Url)[] Pages =
    [
        (Viewer.Curator, "/Pairs"),
        (Viewer.Curator, "/Pairs/Card/{g}"),
        (Viewer.Curator, "/Pairs/Meeting/{g}"),
        (Viewer.Curator, "/Pairs/Plan/{g}"),
        (Viewer.Curator, "/Pairs/PlanDocx/{g}"),
        (Viewer.Curator, "/Pairs/Contacts/{g}"),
        (Viewer.Curator, "/Pairs/Closure/Close/{g}"),
        (Viewer.Curator, "/Pairs/Closure/Recognition/{g}"),
        (Viewer.Curator, "/Pairs/Closure/Certificate/{g}"),
        (Viewer.Curator, "/Pairs/Closure/FinalEvent"),
        (Viewer.Curator, "/Pairs/Problems"),
        (Viewer.Curator, "/Pairs/Watch"),
        (Viewer.Curator, "/Pairs/Watch?handler=Export"),
        (Viewer.Curator, "/Training/Card?id={t}"),
        (Viewer.Curator, "/Questionnaires"),
        (Viewer.Curator, "/Matching"),
        (Viewer.Curator, "/Matching/Choice/Requests"),
        (Viewer.Mentor, "/Pairs/Mine"),
        (Viewer.Mentor, "/Pairs/Card/{g}"),
        (Viewer.Mentor, "/Pairs/PlanDocx/{g}"),
        (Viewer.Mentor, "/Questionnaires/My"),
        (Viewer.Mentor, "/Matching/Choice/Mine"),
    ];

    [Fact]
    public async Task EveryPage_WithdrawnPerson_MarkerNowhere()
    {
        var world = await app.PairAsync();
        var marker = "Отозванов" + Guid.NewGuid().ToString("N")[..8];
        var tree = world.Tree;
        var training = TrainingData.Organization(tree, AppFixture.Unique("Обучение"));
        training.Participants.Add(new TrainingParticipant { PersonId = world.MenteePersonId, OrganizationId = tree.OrganizationId });
        await app.InsertAsync(training);
        await app.AddMeetingAsync(world, MeetingType.Introduction, world.Start.AddDays(1));
        await using (var db = app.Db())
        {
            await db.People.Where(p => p.Id == world.MenteePersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastName, marker));
            db.Consents.Add(new Consent
            {
                PersonId = world.MenteePersonId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = ConsentPurpose.Processing,
                Signer = ConsentSigner.Self, GivenOn = world.Start.AddDays(-20), FormVersion = "2026-1",
            });
            db.Feedback.Add(new Feedback
            {
                GroupId = world.GroupId, PersonId = world.MenteePersonId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
                Role = MemberRole.Mentee, Usefulness = 8, Comfort = 8, WentWell = $"Мне, {marker}, понравилось", SubmittedAt = DateTimeOffset.UtcNow,
            });
            db.ProblemReports.Add(new ProblemReport
            {
                GroupId = world.GroupId, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, PersonId = world.MenteePersonId,
                Text = $"Пишет {marker}", CreatedAt = DateTimeOffset.UtcNow,
            });
            db.PlanGoals.Add(new PlanGoal { GroupId = world.GroupId, Position = 1, Goal = "Олимпиада по математике" });
            await db.SaveChangesAsync();
        }

        await using (var db = app.Db())
        {
            var errors = await Withdrawal.WithdrawAsync(db, world.MenteePersonId, CardTestData.Today, ConsentPurpose.Processing,
                CardTestData.Today, DateTimeOffset.UtcNow);
            Assert.Empty(errors);
        }

        await using (var db = app.Db())
        {
            var pair = await db.MentoringGroups.Include(g => g.Members).SingleAsync(g => g.Id == world.GroupId);
            Assert.Equal(GroupStatus.Closed, pair.Status);
            Assert.Equal(ClosureReason.ConsentWithdrawn, pair.ClosureReason);
            Assert.Equal(LeaveReason.ConsentWithdrawn, pair.Members.Single(m => m.PersonId == world.MenteePersonId).LeftReason);
            Assert.False(await db.Database.SqlQuery<bool>($"select exists (select 1 from pair_watch where group_id = {world.GroupId}) as \"Value\"").SingleAsync());
        }

        var viewers = new Dictionary<Viewer, HttpClient>
        {
            [Viewer.Curator] = await app.SignInAsync(world.CuratorLogin),
            [Viewer.Mentor] = await app.SignInAsync(world.MentorLogin),
        };
        var shown = new List<string>();
        foreach (var (viewer, template) in Pages)
        {
            var url = template.Replace("{g}", world.GroupId.ToString()).Replace("{t}", training.Id.ToString());
            var response = await viewers[viewer].GetAsync(url);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect) continue;
            Assert.True(response.IsSuccessStatusCode, $"{viewer} {url}: {response.StatusCode}");
            if ((await TextOfAsync(response)).Contains(marker, StringComparison.OrdinalIgnoreCase)) shown.Add($"{viewer} {url}");
        }
        Assert.Empty(shown);
    }

    /// <summary>The page's text, or every part of an Office file (.docx, .xlsx are zip archives of XML).</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}

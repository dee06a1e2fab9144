using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

// Not "...Training": a namespace of that name would hide the Training entity from the other test namespaces.
namespace Nastavnik.IntegrationTests.Trainings;

[Collection(Collections.Pairs)]
public class CardTests(AppFixture app)
{
    [Theory]
    [InlineData(Role.RegionAdmin)]
    [InlineData(Role.MunicipalCoordinator)]
    [InlineData(Role.OrgHead)]
    [InlineData(Role.Curator)]
    public async Task Get_TrainingOfAnotherRegion_Returns404(Role role)
    {
        var mine = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var training = await app.InsertAsync(TrainingData.Regional(other, AppFixture.Unique("Курсы")));
        var client = await app.SignInAsAsync(role, mine);

        var card = await client.GetAsync($"/Training/Card?id={training.Id}");
        var export = await client.GetAsync($"/Training/Card?id={training.Id}&handler=Export");

        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    [Fact]
    public async Task Get_TrainingOfAnotherSchoolOfTheMunicipality_Returns404ForCurator()
    {
        var tree = await app.CreateTreeAsync();
        var second = await app.SecondSchoolAsync(tree);
        var training = await app.InsertAsync(TrainingData.Organization(second, AppFixture.Unique("Обучение")));
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Training/Card?id={training.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostMark_Completion_MakesMentorEligibleForMatching()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Обучаемова");
        var training = await app.InsertAsync(TrainingData.Organization(tree, AppFixture.Unique("Школа наставника")));
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Training/Card?id={training.Id}";
        await using (var db = app.Db())
        {
            var before = await db.MentorProfiles.AsNoTracking().Include(m => m.Person).SingleAsync(m => m.Id == mentor.ProfileId);
            Assert.False(MentorEligibility.IsEligible(before.Person.Status, before.Status, before.ScreeningDone, before.TrainingHours, before.TrainingCompletedOn));
        }

        var enrol = await client.PostFormAsync(url + "&handler=Enrol", new() { ["personId"] = mentor.PersonId.ToString() }, url);
        long participantId;
        await using (var db = app.Db())
        {
            participantId = await db.TrainingParticipants.Where(p => p.TrainingId == training.Id && p.PersonId == mentor.PersonId).Select(p => p.Id).SingleAsync();
        }
        var mark = await client.PostFormAsync(url + "&handler=Mark",
            new() { ["participantId"] = participantId.ToString(), ["attended"] = "true", ["completedOn"] = "2026-10-20" }, url);

        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        await using var check = app.Db();
        var profile = await check.MentorProfiles.AsNoTracking().Include(m => m.Person).SingleAsync(m => m.Id == mentor.ProfileId);
        Assert.Equal((training.Title, "ЦНППМ", 16m, new DateOnly(2026, 10, 20)),
            (profile.TrainingCourse, profile.TrainingProvider, profile.TrainingHours!.Value, profile.TrainingCompletedOn!.Value));
        Assert.Contains("training", profile.ScreeningDone);
        Assert.Empty(MentorEligibility.Missing(profile.Person.Status, profile.Status, profile.ScreeningDone, profile.TrainingHours, profile.TrainingCompletedOn));
        var participant = await check.TrainingParticipants.SingleAsync(p => p.Id == participantId);
        Assert.True(participant.Attended);
    }

    [Fact]
    public async Task PostMark_TwoCompletedTrainings_SumsHoursAndWithdrawingOneKeepsTheOther()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Дваждыобученная");
        var first = TrainingData.Organization(tree, AppFixture.Unique("Первое"));
        first.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId, Attended = true });
        var second = TrainingData.Municipal(tree, AppFixture.Unique("Второе"));
        second.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId, Attended = true });
        await app.InsertAsync(first);
        await app.InsertAsync(second);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        async Task MarkAsync(Nastavnik.Data.Entities.Pairs.Training t, string completedOn)
        {
            var url = $"/Training/Card?id={t.Id}";
            var response = await client.PostFormAsync(url + "&handler=Mark",
                new() { ["participantId"] = t.Participants[0].Id.ToString(), ["attended"] = "true", ["completedOn"] = completedOn }, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        await MarkAsync(first, "2026-10-20");
        await MarkAsync(second, "2026-10-30");
        decimal? both;
        await using (var db = app.Db())
        {
            both = await db.MentorProfiles.Where(m => m.Id == mentor.ProfileId).Select(m => m.TrainingHours).SingleAsync();
        }
        await MarkAsync(second, "");

        Assert.Equal(40m, both);
        await using var check = app.Db();
        var profile = await check.MentorProfiles.AsNoTracking().SingleAsync(m => m.Id == mentor.ProfileId);
        Assert.Equal((16m, new DateOnly(2026, 10, 20), first.Title), (profile.TrainingHours!.Value, profile.TrainingCompletedOn!.Value, profile.TrainingCourse));
        Assert.Contains("training", profile.ScreeningDone);
    }

    [Fact]
    public async Task PostMark_CompletionBeforeStart_ShowsErrorAndKeepsProfile()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Раньшесрокова");
        var training = TrainingData.Organization(tree, AppFixture.Unique("Обучение"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId });
        await app.InsertAsync(training);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Training/Card?id={training.Id}";

        var response = await client.PostFormAsync(url + "&handler=Mark",
            new() { ["participantId"] = training.Participants[0].Id.ToString(), ["completedOn"] = "2026-09-01" }, url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не раньше начала обучения", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Null(await db.MentorProfiles.Where(m => m.Id == mentor.ProfileId).Select(m => m.TrainingCompletedOn).SingleAsync());
    }

    [Fact]
    public async Task MunicipalTraining_TwoSchools_EachCuratorEnrolsOwnAndCoordinatorSeesAll()
    {
        var schoolA = await app.CreateTreeAsync();
        var schoolB = await app.SecondSchoolAsync(schoolA);
        var mentorA = await app.MentorAsync(schoolA, "Школьнаяа");
        var mentorB = await app.MentorAsync(schoolB, "Школьнаяб");
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, schoolA);
        var title = AppFixture.Unique("Муниципальный семинар");
        await coordinator.PostFormAsync("/Training/Create", new()
        {
            ["Form.Title"] = title, ["Form.Hours"] = "4", ["Form.StartsOn"] = "2026-10-01", ["Form.EndsOn"] = "2026-10-01", ["Form.Trainer"] = "ИМЦ",
        });
        long trainingId;
        await using (var db = app.Db()) trainingId = await db.Trainings.Where(t => t.Title == title).Select(t => t.Id).SingleAsync();
        var url = $"/Training/Card?id={trainingId}";
        var curatorA = await app.SignInAsAsync(Role.Curator, schoolA);
        var curatorB = await app.SignInAsAsync(Role.Curator, schoolB);

        // A curator cannot enrol another school's mentor: the person is not among their candidates.
        var foreign = await curatorA.PostFormAsync(url + "&handler=Enrol", new() { ["personId"] = mentorB.PersonId.ToString() }, url);
        var enrolA = await curatorA.PostFormAsync(url + "&handler=Enrol", new() { ["personId"] = mentorA.PersonId.ToString() }, url);
        var enrolB = await curatorB.PostFormAsync(url + "&handler=Enrol", new() { ["personId"] = mentorB.PersonId.ToString() }, url);

        Assert.Contains("Выберите участника из списка", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, enrolA.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enrolB.StatusCode);
        await using (var db = app.Db())
        {
            var organizations = await db.TrainingParticipants.Where(p => p.TrainingId == trainingId).Select(p => p.OrganizationId).OrderBy(x => x).ToListAsync();
            Assert.Equal(new[] { schoolA.OrganizationId, schoolB.OrganizationId }.Order(), organizations);
        }
        var coordinatorHtml = await (await coordinator.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains(mentorA.Name, coordinatorHtml);
        Assert.Contains(mentorB.Name, coordinatorHtml);
        var curatorAHtml = await (await curatorA.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains(mentorA.Name, curatorAHtml);
        Assert.DoesNotContain(mentorB.Name, curatorAHtml);
        Assert.Contains("Участники других организаций (только числа)", curatorAHtml);
    }

    [Fact]
    public async Task Get_MunicipalTrainingAsRegionAdmin_ShowsCountsNotNames()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Скрытнова");
        var training = TrainingData.Municipal(tree, AppFixture.Unique("Семинар"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId, Attended = true });
        await app.InsertAsync(training);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.GetAsync($"/Training/Card?id={training.Id}");
        var export = await client.GetAsync($"/Training/Card?id={training.Id}&handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(mentor.Name, html);
        Assert.Contains("Участники других организаций (только числа)", html);
        Assert.DoesNotContain(mentor.Name.Split(' ')[0], await ReadSheetTextAsync(export));
    }

    [Fact]
    public async Task GetExport_Runner_ReturnsXlsxWithNamesAndAudits()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Выгружаемова");
        var training = TrainingData.Organization(tree, AppFixture.Unique("Обучение"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId, Attended = true });
        await app.InsertAsync(training);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.GetAsync($"/Training/Card?id={training.Id}&handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Выгружаемова", await ReadSheetTextAsync(response));
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Training" && a.EntityId == training.Id.ToString()));
    }

    [Fact]
    public async Task PostMark_CoordinatorRunningMunicipalTraining_CompletesSchoolMentorAndAuditsRead()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Муниципальнообученная");
        var training = TrainingData.Municipal(tree, AppFixture.Unique("Семинар"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId });
        await app.InsertAsync(training);
        var coordinator = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);
        var url = $"/Training/Card?id={training.Id}";

        var response = await coordinator.PostFormAsync(url + "&handler=Mark",
            new() { ["participantId"] = training.Participants[0].Id.ToString(), ["completedOn"] = "2026-10-30" }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var profile = await db.MentorProfiles.AsNoTracking().SingleAsync(m => m.Id == mentor.ProfileId);
        Assert.Equal((24m, "Сектор ИМР"), (profile.TrainingHours!.Value, profile.TrainingProvider));
        Assert.True(await db.TrainingParticipants.Where(p => p.Id == training.Participants[0].Id).Select(p => p.Attended).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == "Training" && a.EntityId == training.Id.ToString()));
    }

    [Fact]
    public async Task PostRemove_NotCompleted_RemovesParticipant()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Отчисляемова");
        var training = TrainingData.Organization(tree, AppFixture.Unique("Обучение"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId });
        await app.InsertAsync(training);
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var url = $"/Training/Card?id={training.Id}";

        var response = await client.PostFormAsync(url + "&handler=Remove", new() { ["participantId"] = training.Participants[0].Id.ToString() }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.TrainingParticipants.AnyAsync(p => p.TrainingId == training.Id));
    }

    [Fact]
    public async Task PostMark_ParticipantOfAnotherSchoolInMunicipalTraining_Returns404()
    {
        var schoolA = await app.CreateTreeAsync();
        var schoolB = await app.SecondSchoolAsync(schoolA);
        var mentorB = await app.MentorAsync(schoolB, "Чужаяшкола");
        var training = TrainingData.Municipal(schoolA, AppFixture.Unique("Семинар"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentorB.PersonId, OrganizationId = schoolB.OrganizationId });
        await app.InsertAsync(training);
        var curatorA = await app.SignInAsAsync(Role.Curator, schoolA);
        var url = $"/Training/Card?id={training.Id}";

        var response = await curatorA.PostFormAsync(url + "&handler=Mark",
            new() { ["participantId"] = training.Participants[0].Id.ToString(), ["attended"] = "true", ["completedOn"] = "2026-10-20" }, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.Db();
        Assert.Null(await db.TrainingParticipants.Where(p => p.Id == training.Participants[0].Id).Select(p => p.CompletedOn).SingleAsync());
    }

    [Fact]
    public async Task Get_BlockedParticipant_HidesName()
    {
        var tree = await app.CreateTreeAsync();
        var mentor = await app.MentorAsync(tree, "Отозвавшая");
        await using (var db = app.Db())
        {
            await db.People.Where(p => p.Id == mentor.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PersonStatus.Blocked));
        }
        var training = TrainingData.Organization(tree, AppFixture.Unique("Обучение"));
        training.Participants.Add(new TrainingParticipant { PersonId = mentor.PersonId, OrganizationId = tree.OrganizationId });
        await app.InsertAsync(training);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync($"/Training/Card?id={training.Id}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Отозвавшая", html);
        Assert.Contains(PersonData.BlockedName, html);
    }

    /// <summary>All text of the first sheet (shared strings and inline strings alike).</summary>
    private static async Task<string> ReadSheetTextAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var zip = new System.IO.Compression.ZipArchive(stream);
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}

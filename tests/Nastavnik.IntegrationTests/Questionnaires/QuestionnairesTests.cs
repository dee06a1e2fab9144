using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Questionnaires;

[Collection(Collections.Roadmaps)]
public class QuestionnairesTests(AppFixture app)
{
    private async Task<(long PersonId, long ProgramId)> PersonAsync(AppFixture.Tree tree, PersonKind kind = PersonKind.Teacher, PersonStatus status = PersonStatus.Active)
    {
        var program = await app.InsertAsync(new MentoringProgram
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"), Family = ModelFamily.Learners,
            PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31),
        });
        var person = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = kind, LastName = AppFixture.Unique("Петрова"),
            FirstName = "Анна", MiddleName = "Сергеевна", Status = status,
        });
        return (person.Id, program.Id);
    }

    private async Task<Instrument> SeedAsync(string code)
    {
        await using var db = app.Db();
        return await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == code && i.Version == 1);
    }

    private static InstrumentItem Item(Instrument i, int position) => i.Items.Single(x => x.Position == position);

    [Fact]
    public async Task Seed_EntryQuestionnaires_OfferLearnerTopicsAndFillProfile()
    {
        var mentor = await SeedAsync("seed_mentor_entry");
        Assert.Equal(InstrumentRespondent.Mentor, mentor.Respondent);
        var competencies = mentor.Items.Single(i => i.Fills == "competencies");
        Assert.Equal(InstrumentItemKind.Multiple, competencies.Kind);
        Assert.Contains("Подготовка к ОГЭ/ЕГЭ", competencies.Options);
        Assert.Contains(mentor.Items, i => i.Fills == "availability");
        Assert.Contains(mentor.Items, i => i.Fills == "interests");
        var mentee = await SeedAsync("seed_mentee_entry");
        Assert.Equal(competencies.Options, mentee.Items.Single(i => i.Fills == "requests").Options);
        var satisfaction = await SeedAsync("seed_mentee_satisfaction");
        Assert.Equal(InstrumentMoment.Exit, satisfaction.Moment);
        Assert.Contains(satisfaction.Items, i => i.Kind == InstrumentItemKind.Scale && i.Text.Contains("безопасно"));
        Assert.Contains(satisfaction.Items, i => i.Kind == InstrumentItemKind.YesNo);
        Assert.Contains(satisfaction.Items, i => i.Kind == InstrumentItemKind.Text);
        Assert.True((await SeedAsync("seed_mentor_satisfaction")).Items.Count >= 10);
    }

    [Fact]
    public async Task Fill_CuratorEntersPaperMentorQuestionnaire_ResponseSavedAndProfileFilled()
    {
        var tree = await app.CreateTreeAsync();
        var (personId, programId) = await PersonAsync(tree);
        var instrument = await SeedAsync("seed_mentor_entry");
        var login = await app.CreateUserAsync(Role.Curator, tree);
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync($"/Questionnaires/Fill/{personId}", new()
        {
            ["InstrumentId"] = instrument.Id.ToString(), ["ProgramId"] = programId.ToString(),
            [$"a{Item(instrument, 1).Id}"] = "Проектная деятельность",
            [$"a{Item(instrument, 3).Id}"] = "шахматы, туризм",
            [$"a{Item(instrument, 4).Id}"] = "вт, чт после 15:00",
            [$"a{Item(instrument, 5).Id}"] = "6",
            [$"a{Item(instrument, 7).Id}"] = "8",
        }, getUrl: $"/Questionnaires/Fill/{personId}?InstrumentId={instrument.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var saved = await db.Responses.Include(r => r.Answers).SingleAsync(r => r.PersonId == personId);
        Assert.True(saved.FromPaper);
        Assert.Equal(programId, saved.ProgramId);
        Assert.Equal(await db.Users.Where(u => u.UserName == login).Select(u => (long?)u.Id).SingleAsync(), saved.EnteredByUserId);
        Assert.Equal("8", saved.Answers.Single(a => a.ItemId == Item(instrument, 7).Id).Value);
        var profile = await db.MentorProfiles.SingleAsync(p => p.PersonId == personId && p.ProgramId == programId);
        var topicId = await db.Topics.Where(t => t.RegionId == null && t.Family == ModelFamily.Learners && t.Name == "Проектная деятельность")
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        Assert.Equal([topicId], profile.CompetencyTopicIds);
        Assert.Equal("вт, чт после 15:00", profile.Availability);
        Assert.Equal("шахматы, туризм", profile.Interests);
        Assert.True((await db.Instruments.SingleAsync(i => i.Id == instrument.Id)).IsFrozen);

        var index = await (await client.GetAsync("/Questionnaires")).Content.ReadAsStringAsync();
        Assert.Contains($"data-instrument=\"{instrument.Id}\">1<", index);
    }

    [Fact]
    public async Task Fill_InvalidAnswers_RefusedWithRussianMessages()
    {
        var tree = await app.CreateTreeAsync();
        var (personId, programId) = await PersonAsync(tree, PersonKind.Pupil);
        var instrument = await SeedAsync("seed_mentee_entry");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/Questionnaires/Fill/{personId}", new()
        {
            ["InstrumentId"] = instrument.Id.ToString(), ["ProgramId"] = programId.ToString(),
            [$"a{Item(instrument, 1).Id}"] = "Вязание крючком",
            [$"a{Item(instrument, 6).Id}"] = "11",
        }, getUrl: $"/Questionnaires/Fill/{personId}?InstrumentId={instrument.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Выберите ответы на вопрос «{Item(instrument, 1).Text}» только из предложенных вариантов.", html);
        Assert.Contains("— целое число от 1 до 10.", html);
        await using var db = app.Db();
        Assert.False(await db.Responses.AnyAsync(r => r.PersonId == personId));
        Assert.False(await db.MenteeProfiles.AnyAsync(p => p.PersonId == personId));
    }

    [Fact]
    public async Task Fill_MenteeQuestionnaire_SetsKeyRequest()
    {
        var tree = await app.CreateTreeAsync();
        var (personId, programId) = await PersonAsync(tree, PersonKind.Pupil);
        var instrument = await SeedAsync("seed_mentee_entry");
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.PostFormAsync($"/Questionnaires/Fill/{personId}", new()
        {
            ["InstrumentId"] = instrument.Id.ToString(), ["ProgramId"] = programId.ToString(),
            [$"a{Item(instrument, 1).Id}"] = "Подготовка к ОГЭ/ЕГЭ",
            [$"a{Item(instrument, 2).Id}"] = "Хочу сдать математику на 5",
            [$"a{Item(instrument, 6).Id}"] = "9",
        }, getUrl: $"/Questionnaires/Fill/{personId}?InstrumentId={instrument.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var profile = await db.MenteeProfiles.Include(p => p.KeyTopic).SingleAsync(p => p.PersonId == personId);
        Assert.Equal(programId, profile.ProgramId);
        Assert.Equal("Подготовка к ОГЭ/ЕГЭ", profile.KeyTopic!.Name);
        Assert.Equal("Хочу сдать математику на 5", profile.RequestText);
    }

    [Fact]
    public async Task Fill_AnotherSchoolsPerson_NotFound()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var (personId, _) = await PersonAsync(other);
        var instrument = await SeedAsync("seed_mentee_satisfaction");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Questionnaires/Fill/{personId}")).StatusCode);
        // A POST with a token taken from the curator's own page is refused the same way.
        var token = await Nastavnik.IntegrationTests.Infrastructure.HttpClientForms.AntiforgeryTokenAsync(client, "/Questionnaires/My");
        var post = await client.PostAsync($"/Questionnaires/Fill/{personId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["InstrumentId"] = instrument.Id.ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Responses.AnyAsync(r => r.PersonId == personId));
    }

    [Fact]
    public async Task My_LinkedMentee_FillsOwnQuestionnaire()
    {
        var tree = await app.CreateTreeAsync();
        var (personId, programId) = await PersonAsync(tree, PersonKind.Pupil);
        var login = await app.CreateUserAsync(Role.Mentee, tree);
        await using (var db = app.Db())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == login);
            user.PersonId = personId;
            await db.SaveChangesAsync();
        }
        var instrument = await SeedAsync("seed_mentee_entry");
        var client = await app.SignInAsync(login);

        var list = await (await client.GetAsync("/Questionnaires/My")).Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(instrument.Name), list);
        Assert.DoesNotContain("Анкета наставника", System.Net.WebUtility.HtmlDecode(list));

        var response = await client.PostFormAsync("/Questionnaires/My", new()
        {
            ["InstrumentId"] = instrument.Id.ToString(),
            [$"a{Item(instrument, 1).Id}"] = "Мотивация к учёбе",
            [$"a{Item(instrument, 6).Id}"] = "6",
        }, getUrl: $"/Questionnaires/My?InstrumentId={instrument.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.Db();
        var saved = await check.Responses.SingleAsync(r => r.PersonId == personId);
        Assert.False(saved.FromPaper);
        Assert.Equal(programId, saved.ProgramId);
        var profile = await check.MenteeProfiles.Include(p => p.KeyTopic).SingleAsync(p => p.PersonId == personId);
        Assert.Equal("Мотивация к учёбе", profile.KeyTopic!.Name);
    }

    [Fact]
    public async Task My_UserWithoutPerson_SeesExplanation()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Mentor, tree);

        var response = await client.GetAsync("/Questionnaires/My");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("не связана с карточкой участника", html);
    }
}

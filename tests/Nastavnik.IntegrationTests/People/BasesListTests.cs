using Nastavnik.Data.Entities.People;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class BasesListTests(AppFixture app)
{
    [Fact]
    public async Task Mentees_SurnamePrefix_FindsOnlyThoseStartingWithIt()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MenteeAsync(tree, program, "Иванова");
        await app.MenteeAsync(tree, program, "Сиваков");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync("/People/Mentees?q=ив")).Content.ReadAsStringAsync();

        Assert.Contains("Иванова Анна", html);
        Assert.DoesNotContain("Сиваков", html);
    }

    [Fact]
    public async Task Mentees_ClassFilterInOtherSpelling_FindsNormalizedClass()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MenteeAsync(tree, program, "Белова", "7Б");
        await app.MenteeAsync(tree, program, "Чернова", "8А");
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var html = await (await client.GetAsync("/People/Mentees?class=7-б")).Content.ReadAsStringAsync();

        Assert.Contains("Белова", html);
        Assert.DoesNotContain("Чернова", html);
    }

    [Fact]
    public async Task Mentees_TopicAndProgramFilter_FindOnlyMatchingRows()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var other = await app.ProgramAsync(tree);
        await using var db = app.Db();
        var topic = await db.Topics.Where(t => t.RegionId == null && t.Name == "Подготовка к олимпиадам").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        await app.MenteeAsync(tree, program, "Орлова", profile: m => m.ExtraTopicIds = [topic]);
        await app.MenteeAsync(tree, program, "Соколова");
        await app.MenteeAsync(tree, other, "Гусева", profile: m => m.KeyTopicId = topic);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync($"/People/Mentees?topicId={topic}&programId={program.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("Орлова", html);
        Assert.DoesNotContain("Соколова", html);
        Assert.DoesNotContain("Гусева", html);
    }

    [Fact]
    public async Task Mentees_ManyRows_PagedAndSortedByName()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        for (var i = 0; i < 27; i++) await app.MenteeAsync(tree, program, $"Пагинова{i:00}");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var first = await (await client.GetAsync("/People/Mentees?q=Пагинова")).Content.ReadAsStringAsync();
        var second = await (await client.GetAsync("/People/Mentees?q=Пагинова&page=2")).Content.ReadAsStringAsync();

        Assert.Contains("27 записей", first);
        Assert.Contains("Пагинова00", first);
        Assert.Contains("Пагинова24", first);
        Assert.DoesNotContain("Пагинова25", first);
        Assert.Contains("Пагинова26", second);
        Assert.DoesNotContain("Пагинова00", second);
    }

    [Fact]
    public async Task Mentees_BlockedPerson_NotListed()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await app.MenteeAsync(tree, program, "Отозванова", status: PersonStatus.Blocked);
        await app.MenteeAsync(tree, program, "Видимова");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync("/People/Mentees")).Content.ReadAsStringAsync();

        Assert.Contains("Видимова", html);
        Assert.DoesNotContain("Отозванова", html);
    }

    [Fact]
    public async Task Mentees_CuratorOfAnotherSchool_SeesNoneOfThem()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var name = "Чужакова" + Guid.NewGuid().ToString("N")[..4];
        await app.MenteeAsync(tree, program, name);
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        var html = await (await client.GetAsync("/People/Mentees")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(name, html);
    }

    [Theory]
    [InlineData("/People/Mentees")]
    [InlineData("/People/Mentors")]
    [InlineData("/People/Mentees?handler=Xlsx")]
    public async Task Bases_Coordinator_Gets403(string url)
    {
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Mentors_CompetencyFilter_FindsMentorWithIt()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        await using var db = app.Db();
        var topic = await db.Topics.Where(t => t.RegionId == null && t.Name == "Проектная деятельность").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        await app.MentorAsync(tree, program, "Морозова", profile: m => m.CompetencyTopicIds = [topic]);
        await app.MentorAsync(tree, program, "Лебедева");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var html = await (await client.GetAsync($"/People/Mentors?topicId={topic}")).Content.ReadAsStringAsync();

        Assert.Contains("Морозова", html);
        Assert.Contains("Проектная деятельность", html);
        Assert.DoesNotContain("Лебедева", html);
    }

    [Fact]
    public async Task Mentors_EligibleFilter_ShowsOnlyThoseOfferedToMatching()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        void Ready(MentorProfile m)
        {
            m.Status = ParticipationStatus.Admitted;
            m.ScreeningDone = [MentorEligibility.Interview];
            m.TrainingHours = 2;
            m.TrainingCompletedOn = new DateOnly(2026, 9, 20);
        }
        await app.MentorAsync(tree, program, "Готовова", profile: Ready);
        await app.MentorAsync(tree, program, "Необученова", profile: m => { Ready(m); m.TrainingHours = 1; });
        await app.MentorAsync(tree, program, "Несобеседованова", profile: m => { Ready(m); m.ScreeningDone = []; });
        await app.MentorAsync(tree, program, "Безсогласиева", PersonStatus.AwaitingConsent, Ready);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var all = await (await client.GetAsync("/People/Mentors")).Content.ReadAsStringAsync();
        var eligible = await (await client.GetAsync("/People/Mentors?eligible=true")).Content.ReadAsStringAsync();

        Assert.Contains("Необученова", all);
        Assert.Contains("Только допущенные к подбору пар", all);
        Assert.Contains("Готовова", eligible);
        Assert.DoesNotContain("Необученова", eligible);
        Assert.DoesNotContain("Несобеседованова", eligible);
        Assert.DoesNotContain("Безсогласиева", eligible);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class BasesPeopleTests(AppFixture app)
{
    [Fact]
    public async Task Create_PupilWithClassSpelling_SavesNormalizedClassAndRepresentative()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var last = AppFixture.Unique("Кузнецова").Replace(" ", "");

        var response = await client.PostFormAsync("/People/Create", new()
        {
            ["OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Kind"] = "Pupil", ["Form.LastName"] = last, ["Form.FirstName"] = "Мария",
            ["Form.BirthDate"] = "2013-04-05", ["Form.ClassName"] = "7-б",
            ["Representative.LastName"] = last, ["Representative.FirstName"] = "Елена", ["Representative.Phone"] = "+7 900 000-11-22",
            ["Representative.Relationship"] = "Mother",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var pupil = await db.People.Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .SingleAsync(p => p.LastName == last && p.Kind == PersonKind.Pupil);
        Assert.Equal("7Б", pupil.ClassName);
        Assert.Equal(7, pupil.Grade);
        Assert.Equal(PersonStatus.AwaitingConsent, pupil.Status);
        Assert.Equal("Елена", Assert.Single(pupil.Representatives).Representative.FirstName);
    }

    [Fact]
    public async Task Create_WithoutNamesAndBadClass_ShowsRussianErrors()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.PostFormAsync("/People/Create", new()
        {
            ["OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Kind"] = "Pupil", ["Form.LastName"] = "", ["Form.FirstName"] = "",
            ["Form.ClassName"] = "15Z", ["Form.BirthDate"] = "2099-01-01",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите фамилию", html);
        Assert.Contains("Укажите имя", html);
        Assert.Contains("Класс указан неверно", html);
        Assert.Contains("Дата рождения указана неверно", html);
    }

    [Fact]
    public async Task Create_OrgHeadSendingSpecialCategories_DoesNotStoreThem()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, tree);
        var last = AppFixture.Unique("Без").Replace(" ", "");

        await client.PostFormAsync("/People/Create", new()
        {
            ["OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Kind"] = "Teacher", ["Form.LastName"] = last, ["Form.FirstName"] = "Ирина",
            ["Form.Position"] = "учитель", ["Form.SpecialCategories"] = "ovz",
        });

        await using var db = app.Db();
        var teacher = await db.People.SingleAsync(p => p.LastName == last);
        Assert.Empty(teacher.SpecialCategories);
        Assert.Equal("учитель", teacher.Position);
    }

    [Fact]
    public async Task Edit_ChangedFields_WriteHistoryShownOnCard()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, "Историкова", "7Б");
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var version = await CurrentVersionAsync(pupil.Id);

        var response = await client.PostFormAsync($"/People/Edit/{pupil.Id}", new()
        {
            ["Form.Kind"] = "Pupil", ["Form.LastName"] = "Историкова", ["Form.FirstName"] = "Анна", ["Form.MiddleName"] = "Игоревна",
            ["Form.BirthDate"] = "2012-03-14", ["Form.ClassName"] = "8 а", ["Form.Version"] = version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var change = await db.PersonChanges.SingleAsync(c => c.PersonId == pupil.Id);
        Assert.Equal(("Класс", "7Б", "8А"), (change.Field, change.OldValue, change.NewValue));
        Assert.Equal(8, (await db.People.SingleAsync(p => p.Id == pupil.Id)).Grade);
        var card = await (await client.GetAsync($"/People/Card/{pupil.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("<td>Класс</td><td>7Б</td><td>8А</td>", card);
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsConcurrencyError()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, "Гонкина");
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/People/Edit/{pupil.Id}", new()
        {
            ["Form.Kind"] = "Pupil", ["Form.LastName"] = "Гонкина", ["Form.FirstName"] = "Анна", ["Form.ClassName"] = "7Б", ["Form.Version"] = "1",
        });

        Assert.Contains("Запись изменена другим пользователем", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Card_SpecialCategories_ShownToCuratorHiddenFromOrgHead()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, "Особова", person: p => p.SpecialCategories = ["orphan"]);
        await app.InsertAsync(new PersonChange { PersonId = pupil.Id, Field = "Особые категории", OldValue = "", NewValue = "Дети-сироты" });
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var head = await app.SignInAsAsync(Role.OrgHead, tree);

        var curatorCard = await (await curator.GetAsync($"/People/Card/{pupil.Id}")).Content.ReadAsStringAsync();
        var headCard = await (await head.GetAsync($"/People/Card/{pupil.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("Дети-сироты и дети, оставшиеся без попечения родителей", curatorCard);
        Assert.Contains("Особова Анна", headCard);
        Assert.DoesNotContain("Дети-сироты", headCard);
        Assert.DoesNotContain("Особые категории", headCard);
    }

    [Fact]
    public async Task Card_Read_IsAudited()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, "Читаемова");
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/Card/{pupil.Id}")).StatusCode);

        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.EntityType == nameof(Person) && a.EntityId == pupil.Id.ToString()));
    }

    [Theory]
    [InlineData("/People/Card/{0}")]
    [InlineData("/People/Edit/{0}")]
    [InlineData("/People/Mentees/Edit/{0}")]
    public async Task PersonPages_CuratorOfAnotherSchool_Gets404(string url)
    {
        var tree = await app.CreateTreeAsync();
        var pupil = await app.MenteeAsync(tree, await app.ProgramAsync(tree), "Чужая");
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(string.Format(url, pupil.Id))).StatusCode);
    }

    [Fact]
    public async Task Card_BlockedPerson_Gets404()
    {
        var tree = await app.CreateTreeAsync();
        var pupil = await app.MenteeAsync(tree, await app.ProgramAsync(tree), "Заблокированова", status: PersonStatus.Blocked);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Card/{pupil.Id}")).StatusCode);
    }

    [Fact]
    public async Task MenteeProfile_WithoutKeyRequest_ShowsRussianError()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Безпрофильная", FirstName = "Ия",
        });
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/People/Mentees/Edit/{pupil.Id}", new()
        {
            ["Form.ProgramId"] = program.Id.ToString(), ["Form.Source"] = "Self", ["Form.EntryDate"] = "2026-09-15", ["Form.Status"] = "Candidate",
        });

        Assert.Contains("Укажите ключевой запрос", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MenteeProfile_Saved_AppearsInBaseAndHistory()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = "Новопрофильная", FirstName = "Ия",
            ClassName = "6В", Grade = 6,
        });
        await using var db = app.Db();
        var topics = await db.Topics.Where(t => t.RegionId == null && t.Family == ModelFamily.Learners).OrderBy(t => t.Id).Select(t => t.Id).Take(5).ToListAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.PostFormAsync($"/People/Mentees/Edit/{pupil.Id}", new()
        {
            ["Form.ProgramId"] = program.Id.ToString(), ["Form.KeyTopicId"] = topics[0].ToString(), ["Form.ExtraTopicIds"] = topics[1].ToString(),
            ["Form.Source"] = "Parents", ["Form.EntryDate"] = "2026-09-15", ["Form.Status"] = "Candidate", ["Form.RequestText"] = "Хочет подтянуть алгебру",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await db.MenteeProfiles.SingleAsync(m => m.PersonId == pupil.Id);
        Assert.Equal(topics[0], profile.KeyTopicId);
        Assert.Equal([topics[1]], profile.ExtraTopicIds);
        Assert.Equal(RequestSource.Parents, profile.Source);
        Assert.Contains(await db.PersonChanges.Where(c => c.PersonId == pupil.Id).Select(c => c.Field).ToListAsync(), f => f.StartsWith("Ключевой запрос"));
        var list = await (await client.GetAsync("/People/Mentees?q=Новопроф")).Content.ReadAsStringAsync();
        Assert.Contains("Новопрофильная Ия", list);
    }

    [Fact]
    public async Task MentorProfile_WithoutCompetencies_ShowsRussianError_ThenSaves()
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var teacher = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Teacher, LastName = "Наставникова", FirstName = "Вера",
        });
        await using var db = app.Db();
        var topic = await db.Topics.Where(t => t.RegionId == null && t.Family == ModelFamily.Learners).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, tree);
        var fields = new Dictionary<string, string>
        {
            ["Form.ProgramId"] = program.Id.ToString(), ["Form.Capacity"] = "2", ["Form.HoursPerMonth"] = "6", ["Form.Status"] = "Admitted",
            ["Form.ScreeningDone"] = "interview", ["Form.TrainingCourse"] = "Школа наставника", ["Form.TrainingCompletedOn"] = "2026-08-20",
        };

        var refused = await client.PostFormAsync($"/People/Mentors/Edit/{teacher.Id}", fields);
        fields["Form.CompetencyTopicIds"] = topic.ToString();
        var saved = await client.PostFormAsync($"/People/Mentors/Edit/{teacher.Id}", fields);

        Assert.Contains("Укажите хотя бы одну компетенцию наставника", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await db.MentorProfiles.SingleAsync(m => m.PersonId == teacher.Id);
        Assert.Equal([topic], profile.CompetencyTopicIds);
        Assert.Equal(2, profile.Capacity);
        Assert.Equal(["interview"], profile.ScreeningDone);
        Assert.Equal(new DateOnly(2026, 8, 20), profile.TrainingCompletedOn);
    }

    private async Task<uint> CurrentVersionAsync(long id)
    {
        await using var db = app.Db();
        return await db.People.Where(p => p.Id == id).Select(p => p.RowVersion).SingleAsync();
    }
}

using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class PlanTests(AppFixture app)
{
    private async Task<PlanGoal> GoalAsync(CardTestData.PairWorld world) => await app.InsertAsync(new PlanGoal
    {
        GroupId = world.GroupId, Position = 1, Goal = "Подготовиться к муниципальному этапу олимпиады", Measure = "Решено 20 задач прошлых лет",
        DueOn = world.Start.AddMonths(3), Progress = 10,
        Tasks = [new PlanTask { Position = 1, Text = "Разобрать задачи 2024 года" }],
    });

    private static Dictionary<string, string> GoalFields(PlanGoal goal, uint version, string text) => new()
    {
        ["goal.Id"] = goal.Id.ToString(), ["goal.Version"] = version.ToString(), ["goal.Text"] = text, ["goal.Measure"] = goal.Measure,
        ["goal.DueOn"] = goal.DueOn!.Value.ToString("yyyy-MM-dd"), ["goal.Progress"] = "40",
    };

    [Fact]
    public async Task SaveGoal_MentorCurrentVersion_Saved()
    {
        var world = await app.PairAsync();
        var goal = await GoalAsync(world);
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Plan/{world.GroupId}?handler=SaveGoal", GoalFields(goal, goal.RowVersion, "Новая формулировка"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var saved = await db.PlanGoals.SingleAsync(g => g.Id == goal.Id);
        Assert.Equal("Новая формулировка", saved.Goal);
        Assert.Equal(40, saved.Progress);
    }

    [Fact]
    public async Task SaveGoal_StaleVersion_RefusedNothingOverwritten()
    {
        var world = await app.PairAsync();
        var goal = await GoalAsync(world);
        var stale = goal.RowVersion;
        await using (var db = app.Db())
        {
            var other = await db.PlanGoals.SingleAsync(g => g.Id == goal.Id);
            other.Goal = "Правка куратора";
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(world.MentorLogin);

        var response = await client.PostFormAsync($"/Pairs/Plan/{world.GroupId}?handler=SaveGoal", GoalFields(goal, stale, "Правка наставника"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Запись изменена другим пользователем. Обновите страницу и повторите.", await response.Content.ReadAsStringAsync());
        await using var check = app.Db();
        Assert.Equal("Правка куратора", (await check.PlanGoals.SingleAsync(g => g.Id == goal.Id)).Goal);
    }

    [Fact]
    public async Task AddGoalAndTask_Mentor_Saved()
    {
        var world = await app.PairAsync();
        var client = await app.SignInAsync(world.MentorLogin);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Pairs/Plan/{world.GroupId}?handler=AddGoal",
            new() { ["goal.Text"] = "Выступить на конференции", ["goal.Measure"] = "Доклад принят", ["goal.Progress"] = "0" })).StatusCode);
        await using var db = app.Db();
        var goal = await db.PlanGoals.SingleAsync(g => g.GroupId == world.GroupId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Pairs/Plan/{world.GroupId}?handler=AddTask",
            new() { ["task.GoalId"] = goal.Id.ToString(), ["task.Text"] = "Выбрать тему" })).StatusCode);
        Assert.Equal("Выбрать тему", (await db.PlanTasks.SingleAsync(t => t.GoalId == goal.Id)).Text);
    }

    [Fact]
    public async Task SaveGoal_Mentee_Returns404()
    {
        var world = await app.PairAsync();
        var goal = await GoalAsync(world);
        var login = await app.CreateUserAsync(Nastavnik.Domain.Access.Role.Mentor, world.Tree);
        await using (var db = app.Db())
        {
            (await db.Users.SingleAsync(u => u.UserName == login)).PersonId = world.MenteePersonId;
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(login);

        var response = await client.PostFormAsync($"/Pairs/Plan/{world.GroupId}?handler=SaveGoal", GoalFields(goal, goal.RowVersion, "Чужая правка"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PlanDocx_Mentee_ValidDocumentWithGoalsAndAudited()
    {
        var world = await app.PairAsync();
        await GoalAsync(world);
        var client = await app.SignInAsync(world.MenteeLogin);

        var response = await client.GetAsync($"/Pairs/PlanDocx/{world.GroupId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Персонализированная программа наставничества", text);
        Assert.Contains("Подготовиться к муниципальному этапу олимпиады", text);
        Assert.Contains("Разобрать задачи 2024 года", text);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "MentoringGroup" && a.EntityId == world.GroupId.ToString()));
    }
}

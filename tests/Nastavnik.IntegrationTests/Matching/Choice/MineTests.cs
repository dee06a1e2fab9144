using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Matching.Choice;

[Collection(Collections.Bases)]
public class MineTests(AppFixture app)
{
    private const string Url = "/Matching/Choice/Mine";
    private readonly ChoiceData _data = new(app);

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, long choiceId) =>
        client.PostFormAsync($"{Url}?handler={handler}", new() { ["ChoiceId"] = choiceId.ToString() }, getUrl: "/Account/ChangePassword");

    [Fact]
    public async Task Get_MenteeWithOffers_SeesOnlyOwnOffersWithWhy()
    {
        var world = await _data.CreateAsync(mentors: 2, mentees: 2);
        var client = await app.SignInAsync(world.Mentees[0].Login!);

        var html = await HtmlAsync(await client.GetAsync(Url));

        Assert.Contains(world.Mentors[0].LastName, html);
        Assert.Contains(world.Mentors[1].LastName, html);
        Assert.Contains("Почему этот наставник", html);
        Assert.Contains("Запросы и компетенции: 400 (Проектная деятельность)", html);
        Assert.Contains("Проектная деятельность", html);
        Assert.Contains("вт, чт после 15:00", html);
        Assert.Contains($"data-choice=\"{await _data.ChoiceIdAsync(world.RunId, world.Mentees[0], world.Mentors[0])}\"", html);
        Assert.DoesNotContain($"data-choice=\"{await _data.ChoiceIdAsync(world.RunId, world.Mentees[1], world.Mentors[0])}\"", html);
        Assert.DoesNotContain("+7 900", html);
    }

    [Fact]
    public async Task Get_LoginWithoutPerson_ExplainsWithoutOffers()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Mentee, tree);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не связана с карточкой участника", await HtmlAsync(response));
    }

    [Fact]
    public async Task Choose_Offered_SetsChosenAndNotifiesMentor()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        var client = await app.SignInAsync(mentee.Login!);

        var response = await PostAsync(client, "Choose", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChoiceStatus.Chosen, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, mentee, world.Mentors[1]));
        await using var db = app.Db();
        var mentorUser = await db.Users.Where(u => u.UserName == world.Mentors[0].Login).Select(u => u.Id).SingleAsync();
        var notification = await db.Notifications.SingleAsync(n => n.UserId == mentorUser);
        Assert.Contains(mentee.LastName, notification.Text);
        Assert.Equal("/Matching/Choice/Requests", notification.Link);
    }

    [Fact]
    public async Task Choose_WhileAnotherChosen_RefusedUntilCancelled()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        var client = await app.SignInAsync(mentee.Login!);
        var first = await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]);
        var second = await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[1]);
        await PostAsync(client, "Choose", first);

        var refused = await PostAsync(client, "Choose", second);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("сначала отмените выбор", await HtmlAsync(refused));
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, mentee, world.Mentors[1]));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Cancel", first)).StatusCode);
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Choose", second)).StatusCode);
        Assert.Equal(ChoiceStatus.Chosen, await _data.StatusAsync(world.RunId, mentee, world.Mentors[1]));
    }

    [Fact]
    public async Task Choose_MentorFull_RefusedAndMarkedNoPlaces()
    {
        var world = await _data.CreateAsync(capacity: 1);
        var mentee = world.Mentees[0];
        await _data.AddActivePairAsync(world, world.Mentors[0]);
        var client = await app.SignInAsync(mentee.Login!);

        var response = await PostAsync(client, "Choose", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("У наставника не осталось свободных мест", html);
        Assert.Contains("мест нет", html);
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
    }

    [Fact]
    public async Task Choose_AnotherMenteesOffer_RefusedAndUnchanged()
    {
        var world = await _data.CreateAsync(mentees: 2);
        var client = await app.SignInAsync(world.Mentees[0].Login!);

        var response = await PostAsync(client, "Choose", await _data.ChoiceIdAsync(world.RunId, world.Mentees[1], world.Mentors[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Предложение не найдено", await HtmlAsync(response));
        Assert.Equal(ChoiceStatus.Offered, await _data.StatusAsync(world.RunId, world.Mentees[1], world.Mentors[0]));
    }

    [Fact]
    public async Task Choose_DeclinedOffer_Refused()
    {
        var world = await _data.CreateAsync();
        var mentee = world.Mentees[0];
        await _data.SetStatusAsync(world.RunId, mentee, world.Mentors[0], ChoiceStatus.Declined);
        var client = await app.SignInAsync(mentee.Login!);

        var response = await PostAsync(client, "Choose", await _data.ChoiceIdAsync(world.RunId, mentee, world.Mentors[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("сейчас нельзя выбрать", await HtmlAsync(response));
        Assert.Equal(ChoiceStatus.Declined, await _data.StatusAsync(world.RunId, mentee, world.Mentors[0]));
    }

    [Fact]
    public async Task Post_EmptyForm_Answers200WithMessage()
    {
        var world = await _data.CreateAsync();
        var client = await app.SignInAsync(world.Mentees[0].Login!);

        var choose = await client.PostFormAsync($"{Url}?handler=Choose", new(), getUrl: "/Account/ChangePassword");
        var cancel = await client.PostFormAsync($"{Url}?handler=Cancel", new(), getUrl: "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        Assert.Contains("Предложение не найдено", await HtmlAsync(choose));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains("Предложение не найдено", await HtmlAsync(cancel));
    }
}

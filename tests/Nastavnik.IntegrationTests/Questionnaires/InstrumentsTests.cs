using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.Questionnaires;

[Collection(Collections.Roadmaps)]
public class InstrumentsTests(AppFixture app)
{
    private static string Code() => "t_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A region's mentee questionnaire with a text item (1) and a yes/no item (2).</summary>
    private async Task<Instrument> InstrumentAsync(long? regionId, string? name = null) =>
        await app.InsertAsync(new Instrument
        {
            RegionId = regionId, Code = Code(), Name = name ?? AppFixture.Unique("Анкета"), Family = ModelFamily.Learners,
            Respondent = InstrumentRespondent.Mentee, Moment = InstrumentMoment.Entry,
            Items =
            [
                new InstrumentItem { Position = 1, Kind = InstrumentItemKind.Text, Text = "Ваши интересы" },
                new InstrumentItem { Position = 2, Kind = InstrumentItemKind.YesNo, Text = "Был ли наставник раньше?", IsRequired = true },
            ],
        });

    /// <summary>The edit form as the page posts it: the instrument's fields and its two items, then extra fields.</summary>
    private static Dictionary<string, string> Fields(Instrument i, string name, Dictionary<string, string>? extra = null)
    {
        var items = i.Items.OrderBy(x => x.Position).ToList();
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = name, ["Form.Respondent"] = "Mentee", ["Form.Moment"] = "Entry", ["Form.Family"] = "Learners",
            ["Form.Form"] = "", ["Form.IsActive"] = "true",
        };
        for (var n = 0; n < items.Count; n++)
        {
            fields[$"Form.Items[{n}].Id"] = items[n].Id.ToString();
            fields[$"Form.Items[{n}].Position"] = items[n].Position.ToString();
            fields[$"Form.Items[{n}].Kind"] = items[n].Kind.ToString();
            fields[$"Form.Items[{n}].Text"] = items[n].Text;
            fields[$"Form.Items[{n}].Options"] = string.Join("\n", items[n].Options);
            fields[$"Form.Items[{n}].Fills"] = items[n].Fills;
            if (items[n].IsRequired) fields[$"Form.Items[{n}].IsRequired"] = "true";
        }
        foreach (var (key, value) in extra ?? []) fields[key] = value;
        return fields;
    }

    private async Task<Instrument> LoadAsync(long id)
    {
        await using var db = app.Db();
        return await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Id == id);
    }

    [Fact]
    public async Task Edit_UnansweredInstrument_ChangesInPlace()
    {
        var tree = await app.CreateTreeAsync();
        var instrument = await InstrumentAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Анкета изменённая");

        var response = await client.PostFormAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}", Fields(instrument, name, new()
        {
            ["Form.Items[0].Text"] = "Ваши увлечения", ["Form.Items[0].Position"] = "3",
            ["Form.Items[1].Delete"] = "true",
            ["Form.Items[2].Position"] = "1", ["Form.Items[2].Kind"] = "Single", ["Form.Items[2].Text"] = "Формат встреч",
            ["Form.Items[2].Options"] = "Очно\r\nДистанционно\r\n", ["Form.Items[2].Fills"] = "",
            ["Form.Items[3].Position"] = "4", ["Form.Items[3].Kind"] = "Text", ["Form.Items[3].Text"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await LoadAsync(instrument.Id);
        Assert.Equal(name, saved.Name);
        Assert.Equal(1, saved.Version);
        var items = saved.Items.OrderBy(i => i.Position).ToList();
        Assert.Equal([1, 2], items.Select(i => i.Position));
        Assert.Equal(InstrumentItemKind.Single, items[0].Kind);
        Assert.Equal(["Очно", "Дистанционно"], items[0].Options);
        Assert.Equal(instrument.Items.Single(i => i.Position == 1).Id, items[1].Id);
        Assert.Equal("Ваши увлечения", items[1].Text);
        await using var db = app.Db();
        Assert.Equal(1, await db.Instruments.CountAsync(i => i.Code == instrument.Code));
    }

    [Fact]
    public async Task Edit_AnsweredInstrument_CreatesNewVersionAndFillUsesIt()
    {
        var tree = await app.CreateTreeAsync();
        var oldName = AppFixture.Unique("Анкета прежняя");
        var instrument = await InstrumentAsync(tree.RegionId, oldName);
        var person = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Pupil, LastName = AppFixture.Unique("Сидоров"),
            FirstName = "Олег", Status = PersonStatus.Active,
        });
        await app.InsertAsync(new Response
        {
            InstrumentId = instrument.Id, PersonId = person.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId,
            Answers = [new ResponseAnswer { ItemId = instrument.Items.Single(i => i.Position == 1).Id, Value = "шахматы" }],
        });
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var newName = AppFixture.Unique("Анкета новая");

        var response = await client.PostFormAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}", Fields(instrument, newName, new()
        {
            ["Form.Items[0].Text"] = "Ваши увлечения и интересы",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var old = await LoadAsync(instrument.Id);
        Assert.Equal(oldName, old.Name);
        Assert.Equal("Ваши интересы", old.Items.Single(i => i.Position == 1).Text);
        Assert.Equal(2, old.Items.Count);
        await using (var db = app.Db())
        {
            var copy = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == instrument.Code && i.Id != instrument.Id);
            Assert.Equal(2, copy.Version);
            Assert.Equal(tree.RegionId, copy.RegionId);
            Assert.Equal(newName, copy.Name);
            Assert.Equal("Ваши увлечения и интересы", copy.Items.Single(i => i.Position == 1).Text);
            Assert.Equal(2, copy.Items.Count);
        }
        var curator = await app.SignInAsAsync(Role.Curator, tree);
        var fill = System.Net.WebUtility.HtmlDecode(await (await curator.GetAsync($"/Questionnaires/Fill/{person.Id}")).Content.ReadAsStringAsync());
        Assert.Contains($"{newName} (версия 2)", fill);
        Assert.DoesNotContain($"{oldName} (версия 1)", fill);
    }

    [Fact]
    public async Task Edit_SingleChoiceWithoutOptions_ShowsErrorAndSavesNothing()
    {
        var tree = await app.CreateTreeAsync();
        var instrument = await InstrumentAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var response = await client.PostFormAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}", Fields(instrument, "Другое имя", new()
        {
            ["Form.Items[0].Kind"] = "Single", ["Form.Items[1].Options"] = "Да\nНет",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Вопрос 1: для выбора из вариантов укажите не меньше двух вариантов ответа, по одному в строке.", html);
        Assert.Contains("Вопрос 2: варианты ответа указываются только для выбора одного или нескольких вариантов.", html);
        var saved = await LoadAsync(instrument.Id);
        Assert.Equal(instrument.Name, saved.Name);
        Assert.Equal(InstrumentItemKind.Text, saved.Items.Single(i => i.Position == 1).Kind);
    }

    [Fact]
    public async Task Edit_SeededInstrumentByRegionAdmin_CreatesRegionCopy()
    {
        var tree = await app.CreateTreeAsync();
        var seeded = await InstrumentAsync(null);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var name = AppFixture.Unique("Анкета региона");

        var response = await client.PostFormAsync($"/Questionnaires/Instruments/Edit/{seeded.Id}", Fields(seeded, name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(seeded.Name, (await LoadAsync(seeded.Id)).Name);
        await using var db = app.Db();
        var copy = await db.Instruments.SingleAsync(i => i.Code == seeded.Code && i.Id != seeded.Id);
        Assert.Equal(tree.RegionId, copy.RegionId);
        Assert.Equal(2, copy.Version);
        Assert.Equal(name, copy.Name);
    }

    [Fact]
    public async Task Edit_ByCurator_Forbidden()
    {
        var tree = await app.CreateTreeAsync();
        var instrument = await InstrumentAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var response = await client.GetAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Edit_RegionAdminOfAnotherRegion_NotFound()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var instrument = await InstrumentAsync(other.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);

        var get = await client.GetAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}");
        var post = await client.PostFormAsync($"/Questionnaires/Instruments/Edit/{instrument.Id}", Fields(instrument, "Чужая"),
            getUrl: "/Questionnaires/Instruments/Create");
        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync("/Questionnaires/Instruments")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(instrument.Name, list);
        Assert.Equal(instrument.Name, (await LoadAsync(instrument.Id)).Name);
    }

    [Fact]
    public async Task Create_ByRegionAdmin_SavesFirstVersionOfTheRegion()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        var code = Code();
        var name = AppFixture.Unique("Анкета куратора");

        var response = await client.PostFormAsync("/Questionnaires/Instruments/Create", new()
        {
            ["Code"] = code, ["Form.Name"] = name, ["Form.Respondent"] = "Curator", ["Form.Moment"] = "Interim",
            ["Form.Family"] = "Teachers", ["Form.Form"] = "educator_educator", ["Form.IsActive"] = "true",
            ["Form.Items[0].Position"] = "1", ["Form.Items[0].Kind"] = "Scale", ["Form.Items[0].Text"] = "Оцените работу пары", ["Form.Items[0].IsRequired"] = "true",
            ["Form.Items[1].Position"] = "2", ["Form.Items[1].Kind"] = "Multiple", ["Form.Items[1].Text"] = "Что получилось", ["Form.Items[1].Options"] = "План\nВстречи\nПроект",
            ["Form.Items[2].Position"] = "3", ["Form.Items[2].Text"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var saved = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == code);
        Assert.Equal(1, saved.Version);
        Assert.Equal(tree.RegionId, saved.RegionId);
        Assert.Equal(name, saved.Name);
        Assert.Equal(InstrumentRespondent.Curator, saved.Respondent);
        Assert.Equal("educator_educator", saved.Form);
        Assert.Equal(2, saved.Items.Count);
        Assert.Equal(["План", "Встречи", "Проект"], saved.Items.Single(i => i.Position == 2).Options);
        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/Questionnaires/Instruments?q={Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync());
        Assert.Contains(name, list);
        Assert.Contains("1 анкета", list);
    }

    [Fact]
    public async Task Create_ExistingCodeOrNonLatinCode_ShowsErrors()
    {
        var tree = await app.CreateTreeAsync();
        var existing = await InstrumentAsync(tree.RegionId);
        var client = await app.SignInAsAsync(Role.RegionAdmin, tree);
        Dictionary<string, string> Fields(string code) => new()
        {
            ["Code"] = code, ["Form.Name"] = "Анкета", ["Form.Respondent"] = "Mentee", ["Form.Moment"] = "Entry", ["Form.Family"] = "Learners",
            ["Form.Items[0].Position"] = "1", ["Form.Items[0].Kind"] = "Text", ["Form.Items[0].Text"] = "Вопрос",
        };

        var duplicate = System.Net.WebUtility.HtmlDecode(await (await client.PostFormAsync("/Questionnaires/Instruments/Create", Fields(existing.Code))).Content.ReadAsStringAsync());
        var cyrillic = System.Net.WebUtility.HtmlDecode(await (await client.PostFormAsync("/Questionnaires/Instruments/Create", Fields("анкета"))).Content.ReadAsStringAsync());

        Assert.Contains("Анкета с таким кодом уже есть. Укажите другой код.", duplicate);
        Assert.Contains("Код анкеты — латинские буквы, цифры и знак подчёркивания.", cyrillic);
        await using var db = app.Db();
        Assert.Equal(1, await db.Instruments.CountAsync(i => i.Code == existing.Code));
    }
}

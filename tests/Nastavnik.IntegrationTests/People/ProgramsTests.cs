using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

[Collection(Collections.Bases)]
public class ProgramsTests(AppFixture app)
{
    [Fact]
    public async Task Create_ByCurator_SavesFormsModesAndMeasures()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Программа");

        var response = await client.PostFormAsync("/People/Programs/Create", new()
        {
            ["Form.OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Name"] = name, ["Form.Family"] = "Learners",
            ["Form.PeriodStart"] = "2026-09-01", ["Form.PeriodEnd"] = "2027-05-31", ["Form.Forms"] = "pupil_pupil",
            ["Form.DeliveryModes"] = "group", ["Form.AccessibilityMeasures"] = "ovz",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var program = await db.Programs.SingleAsync(p => p.Name == name);
        Assert.Equal(tree.OrganizationId, program.OrganizationId);
        Assert.Equal(tree.RegionId, program.RegionId);
        Assert.Equal(["pupil_pupil"], program.Forms);
        Assert.Equal(["group"], program.DeliveryModes);
        Assert.Equal(["ovz"], program.AccessibilityMeasures);
        Assert.Equal(new DateOnly(2027, 5, 31), program.PeriodEnd);
    }

    private static MultipartFormDataContent ProgramContent(AppFixture.Tree tree, string name, string fileName, byte[] file)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(tree.OrganizationId.ToString()), "Form.OrganizationId" },
            { new StringContent(name), "Form.Name" },
            { new StringContent("Learners"), "Form.Family" },
            { new StringContent("2026-09-01"), "Form.PeriodStart" },
            { new StringContent("2027-05-31"), "Form.PeriodEnd" },
        };
        content.Add(new ByteArrayContent(file), "Form.Regulation", fileName);
        return content;
    }

    [Fact]
    public async Task Create_WithRegulation_StoresItAndEditOffersDownload()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Программа");
        var file = "%PDF-1.4 положение"u8.ToArray();

        var response = await client.PostMultipartAsync("/People/Programs/Create", ProgramContent(tree, name, "polozhenie.pdf", file));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        long id;
        await using (var db = app.Db())
        {
            var program = await db.Programs.SingleAsync(p => p.Name == name);
            Assert.Equal("polozhenie.pdf", program.RegulationFileName);
            id = program.Id;
        }
        var edit = await (await client.GetAsync($"/People/Programs/Edit/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("polozhenie.pdf", edit);
        var download = await client.GetAsync($"/People/Programs/Edit/{id}?handler=Regulation");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_RegulationOfWrongType_RefusedAndNothingSaved()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Программа");

        var response = await client.PostMultipartAsync("/People/Programs/Create", ProgramContent(tree, name, "virus.exe", [1, 2, 3]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Положение загружается файлом .pdf, .docx, .doc, .odt или .rtf", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Programs.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task Create_WithoutNameAndReversedPeriodAndForeignForm_ShowsRussianErrors()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var response = await client.PostFormAsync("/People/Programs/Create", new()
        {
            ["Form.OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Name"] = "", ["Form.Family"] = "Teachers",
            ["Form.PeriodStart"] = "2027-09-01", ["Form.PeriodEnd"] = "2026-05-31", ["Form.Forms"] = "pupil_pupil",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите наименование программы", html);
        Assert.Contains("Окончание периода раньше его начала", html);
        Assert.Contains("Выберите формы наставничества выбранной модели", html);
    }

    [Fact]
    public async Task Create_ForAnotherOrganization_IsRefused()
    {
        var tree = await app.CreateTreeAsync();
        var other = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var name = AppFixture.Unique("Чужая программа");

        var response = await client.PostFormAsync("/People/Programs/Create", new()
        {
            ["Form.OrganizationId"] = other.OrganizationId.ToString(), ["Form.Name"] = name, ["Form.Family"] = "Learners",
            ["Form.PeriodStart"] = "2026-09-01", ["Form.PeriodEnd"] = "2027-05-31",
        });

        Assert.Contains("Выберите организацию из списка", await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.Programs.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task Edit_ByOrgHead_ChangesNameAndForms()
    {
        var tree = await app.CreateTreeAsync();
        var program = await InsertProgramAsync(tree);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);
        var name = AppFixture.Unique("Новое название");

        var response = await client.PostFormAsync($"/People/Programs/Edit/{program.Id}", new()
        {
            ["Form.Name"] = name, ["Form.Family"] = "Learners", ["Form.PeriodStart"] = "2026-09-01", ["Form.PeriodEnd"] = "2027-08-31",
            ["Form.Forms"] = "student_pupil",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        var saved = await db.Programs.SingleAsync(p => p.Id == program.Id);
        Assert.Equal(name, saved.Name);
        Assert.Equal(["student_pupil"], saved.Forms);
    }

    [Fact]
    public async Task Edit_CuratorOfAnotherSchool_Gets404()
    {
        var program = await InsertProgramAsync(await app.CreateTreeAsync());
        var client = await app.SignInAsAsync(Role.Curator, await app.CreateTreeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Programs/Edit/{program.Id}")).StatusCode);
    }

    [Fact]
    public async Task Index_Coordinator_SeesMunicipalityProgrammesReadOnly()
    {
        var tree = await app.CreateTreeAsync();
        var program = await InsertProgramAsync(tree);
        var client = await app.SignInAsAsync(Role.MunicipalCoordinator, tree);

        var html = await (await client.GetAsync("/People/Programs")).Content.ReadAsStringAsync();

        Assert.Contains(program.Name, html);
        Assert.DoesNotContain($"/People/Programs/Edit/{program.Id}", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/People/Programs/Edit/{program.Id}")).StatusCode);
    }

    private Task<MentoringProgram> InsertProgramAsync(AppFixture.Tree tree) => app.InsertAsync(new MentoringProgram
    {
        RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Name = AppFixture.Unique("Программа"),
        Family = ModelFamily.Learners, PeriodStart = new DateOnly(2026, 9, 1), PeriodEnd = new DateOnly(2027, 8, 31), Forms = ["pupil_pupil"],
    });
}

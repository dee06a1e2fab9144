using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;

namespace Nastavnik.IntegrationTests.People;

/// <summary>Special categories (ст. 10 152-ФЗ) are offered and stored only under a consent for them, to the curator only.</summary>
[Collection(Collections.Bases)]
public class SpecialCategoriesTests(AppFixture app)
{
    [Fact]
    public async Task Create_CuratorSendingSpecialCategories_RefusedWithRussianMessage()
    {
        var tree = await app.CreateTreeAsync();
        var client = await app.SignInAsAsync(Role.Curator, tree);
        var last = AppFixture.Unique("Новикова").Replace(" ", "");

        var form = await (await client.GetAsync("/People/Create")).Content.ReadAsStringAsync();
        var response = await client.PostFormAsync("/People/Create", new()
        {
            ["OrganizationId"] = tree.OrganizationId.ToString(), ["Form.Kind"] = "Pupil", ["Form.LastName"] = last, ["Form.FirstName"] = "Мария",
            ["Form.ClassName"] = "7Б", ["Form.SpecialCategories"] = "ovz",
        });

        Assert.DoesNotContain("name=\"Form.SpecialCategories\"", form);
        Assert.Contains("id=\"special-categories-note\"", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ConsentRules.NoSpecialCategories, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.False(await db.People.AnyAsync(p => p.LastName == last));
    }

    [Fact]
    public async Task Edit_OnlyProcessingConsent_FieldsNotOfferedAndPostRefused()
    {
        var (tree, pupil) = await PupilAsync("Безсогласова", special: false);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var form = await (await client.GetAsync($"/People/Edit/{pupil.Id}")).Content.ReadAsStringAsync();
        var response = await client.PostFormAsync($"/People/Edit/{pupil.Id}", EditForm(pupil, await VersionAsync(pupil.Id), "ovz"));

        Assert.DoesNotContain("name=\"Form.SpecialCategories\"", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ConsentRules.NoSpecialCategories, await response.Content.ReadAsStringAsync());
        await using var db = app.Db();
        Assert.Empty((await db.People.SingleAsync(p => p.Id == pupil.Id)).SpecialCategories);
    }

    [Fact]
    public async Task Edit_SpecialCategoriesConsent_OfferedAndStored()
    {
        var (tree, pupil) = await PupilAsync("Ссогласова", special: true);
        var client = await app.SignInAsAsync(Role.Curator, tree);

        var form = await (await client.GetAsync($"/People/Edit/{pupil.Id}")).Content.ReadAsStringAsync();
        var response = await client.PostFormAsync($"/People/Edit/{pupil.Id}", EditForm(pupil, await VersionAsync(pupil.Id), "ovz"));

        Assert.Contains("name=\"Form.SpecialCategories\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal(["ovz"], (await db.People.SingleAsync(p => p.Id == pupil.Id)).SpecialCategories);
    }

    [Fact]
    public async Task Edit_OrgHeadWithSpecialConsent_NotOfferedNotStored()
    {
        var (tree, pupil) = await PupilAsync("Руководова", special: true);
        var client = await app.SignInAsAsync(Role.OrgHead, tree);

        var form = await (await client.GetAsync($"/People/Edit/{pupil.Id}")).Content.ReadAsStringAsync();
        await client.PostFormAsync($"/People/Edit/{pupil.Id}", EditForm(pupil, await VersionAsync(pupil.Id), "ovz"));

        Assert.DoesNotContain("name=\"Form.SpecialCategories\"", form);
        await using var db = app.Db();
        Assert.Empty((await db.People.SingleAsync(p => p.Id == pupil.Id)).SpecialCategories);
    }

    private async Task<(AppFixture.Tree, Person)> PupilAsync(string lastName, bool special)
    {
        var tree = await app.CreateTreeAsync();
        var program = await app.ProgramAsync(tree);
        var pupil = await app.MenteeAsync(tree, program, lastName, person: p => p.BirthDate = new DateOnly(2017, 2, 1));
        var parent = await app.InsertAsync(new Person
        {
            RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Kind = PersonKind.Parent, LastName = lastName, FirstName = "Елена",
            Status = PersonStatus.Active,
        });
        foreach (var purpose in special ? [ConsentPurpose.Processing, ConsentPurpose.SpecialCategories] : new[] { ConsentPurpose.Processing })
        {
            await app.InsertAsync(new Consent
            {
                PersonId = pupil.Id, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = purpose,
                Signer = ConsentSigner.Representative, RepresentativeId = parent.Id, Authority = "parent", GivenOn = new DateOnly(2026, 9, 1),
            });
        }
        return (tree, pupil);
    }

    private async Task<uint> VersionAsync(long id)
    {
        await using var db = app.Db();
        return (await db.People.SingleAsync(p => p.Id == id)).RowVersion;
    }

    private static Dictionary<string, string> EditForm(Person pupil, uint version, string category) => new()
    {
        ["Form.Kind"] = "Pupil", ["Form.LastName"] = pupil.LastName, ["Form.FirstName"] = pupil.FirstName, ["Form.BirthDate"] = "2017-02-01",
        ["Form.ClassName"] = "7Б", ["Form.Version"] = version.ToString(), ["Form.SpecialCategories"] = category,
    };
}

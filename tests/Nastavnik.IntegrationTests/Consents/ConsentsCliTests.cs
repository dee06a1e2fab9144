using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using static Nastavnik.IntegrationTests.Consents.ConsentTestData;

namespace Nastavnik.IntegrationTests.Consents;

[Collection(Collections.Pairs)]
public class ConsentsCliTests(AppFixture app)
{
    private async Task<(long Pupil, long Parent)> ConsentedPupilAsync(AppFixture.Tree tree)
    {
        var (pupil, parent, _) = await PupilWithParentAsync(app, tree, 12);
        await using var db = app.Db();
        db.Consents.Add(new Consent
        {
            PersonId = pupil, RegionId = tree.RegionId, OrganizationId = tree.OrganizationId, Purpose = ConsentPurpose.Processing,
            Signer = ConsentSigner.Representative, RepresentativeId = parent, Authority = "parent", GivenOn = Today.AddDays(-60),
        });
        await db.SaveChangesAsync();
        return (pupil, parent);
    }

    [Fact]
    public async Task Withdraw_Processing_BlocksPersonLikeThePage()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _) = await ConsentedPupilAsync(tree);

        var result = await CliRunner.RunAsync(app, "consents", "withdraw", "--person", pupil.ToString(), "--date", Today.AddDays(-1).ToString("yyyy-MM-dd"));

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("заблокированы", result.Out);
        await using var db = app.Db();
        var person = await db.People.Include(p => p.Consents).SingleAsync(p => p.Id == pupil);
        Assert.Equal(PersonStatus.Blocked, person.Status);
        Assert.NotNull(person.BlockedAt);
        Assert.Equal(Today.AddDays(-1), person.Consents.Single().WithdrawnOn);
    }

    [Fact]
    public async Task Withdraw_FutureDateOrNoConsent_Refused()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _) = await ConsentedPupilAsync(tree);

        var future = await CliRunner.RunAsync(app, "consents", "withdraw", "--person", pupil.ToString(), "--date", Today.AddDays(3).ToString("yyyy-MM-dd"));
        var noConsent = await CliRunner.RunAsync(app, "consents", "withdraw", "--person", pupil.ToString(), "--date", Today.ToString("yyyy-MM-dd"),
            "--purpose", "duties");
        var missing = await CliRunner.RunAsync(app, "consents", "withdraw", "--person", pupil.ToString());

        Assert.Equal(1, future.Code);
        Assert.Contains("в будущем", future.Error);
        Assert.Equal(2, noConsent.Code);
        Assert.Equal(2, missing.Code);
        await using var db = app.Db();
        Assert.NotEqual(PersonStatus.Blocked, await db.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task DestroyDue_BlockedLongAgo_DestroysAndPrintsActs()
    {
        var tree = await app.CreateTreeAsync();
        var (pupil, _) = await ConsentedPupilAsync(tree);
        await using (var db = app.Db())
        {
            var person = await db.People.SingleAsync(p => p.Id == pupil);
            person.Status = PersonStatus.Blocked;
            person.BlockedAt = DateTimeOffset.UtcNow.AddDays(-40);
            await db.SaveChangesAsync();
        }

        var result = await CliRunner.RunAsync(app, "consents", "destroy-due", "--today", Today.ToString("yyyy-MM-dd"));

        Assert.True(result.Code == 0, result.Error);
        await using var check = app.Db();
        Assert.Equal(PersonStatus.Destroyed, await check.People.Where(p => p.Id == pupil).Select(p => p.Status).SingleAsync());
        var act = await check.DestructionActs.Where(a => a.PersonId == pupil).Select(a => a.Id).SingleAsync();
        Assert.Matches(@"Уничтожены данные: \d+ человек", result.Out);
        Assert.Contains(act.ToString(), result.Out);
    }

    [Fact]
    public async Task Help_ListsConsentVerbs()
    {
        var result = await CliRunner.RunAsync("consents", "--help");

        Assert.Equal(0, result.Code);
        Assert.Contains("consents withdraw --person ID --date", result.Out);
        Assert.Contains("consents destroy-due [--today", result.Out);
    }
}

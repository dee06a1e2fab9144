using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.IntegrationTests.Infrastructure;
using Nastavnik.IntegrationTests.Matching;

namespace Nastavnik.IntegrationTests.Pairs;

[Collection(Collections.Pairs)]
public class ClosureCaseTests(AppFixture app)
{
    /// <summary>Processing and distribution consents of the representative (the pupils signed at 11 and 15 — the mentor needs their own too).</summary>
    private async Task ConsentsAsync(ClosureData.Pair pair, long personId, bool distribution, DateOnly? withdrawn = null)
    {
        await using var db = app.Db();
        var person = await db.People.SingleAsync(p => p.Id == personId);
        person.BirthDate = new DateOnly(1990, 1, 1);
        foreach (var purpose in distribution ? new[] { ConsentPurpose.Processing, ConsentPurpose.Distribution } : [ConsentPurpose.Processing])
        {
            db.Consents.Add(new Consent
            {
                PersonId = personId, RegionId = pair.World.Tree.RegionId, OrganizationId = pair.World.Tree.OrganizationId, Purpose = purpose,
                Signer = ConsentSigner.Self, GivenOn = new DateOnly(2025, 9, 1), FormVersion = "1",
                WithdrawnOn = purpose == ConsentPurpose.Distribution ? withdrawn : null,
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Case_EveryoneConsentedToDistribution_Proposed()
    {
        var pair = await app.ClosurePairAsync();
        await ConsentsAsync(pair, pair.MentorPersonId, distribution: true);
        await ConsentsAsync(pair, pair.MenteePersonId, distribution: true);
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        MatchingData.AssertRedirect(await client.PostFormAsync($"/Pairs/Closure/Close/{pair.GroupId}?handler=Case", []));

        await using var db = app.Db();
        Assert.NotNull((await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).CaseProposedAt);
    }

    [Fact]
    public async Task Case_MenteeWithoutOrWithdrawnDistributionConsent_RefusedNamingThem()
    {
        var pair = await app.ClosurePairAsync();
        await ConsentsAsync(pair, pair.MentorPersonId, distribution: true);
        await ConsentsAsync(pair, pair.MenteePersonId, distribution: true, withdrawn: new DateOnly(2026, 1, 10));
        var client = await app.SignInAsAsync(Role.Curator, pair.World.Tree);

        var response = await client.PostFormAsync($"/Pairs/Closure/Close/{pair.GroupId}?handler=Case", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("нет действующего согласия на распространение", html);
        await using var db = app.Db();
        var mentee = await db.People.SingleAsync(p => p.Id == pair.MenteePersonId);
        var mentor = await db.People.SingleAsync(p => p.Id == pair.MentorPersonId);
        var message = html[html.IndexOf("Нельзя предложить как кейс", StringComparison.Ordinal)..];
        Assert.Contains(mentee.LastName, message[..message.IndexOf("</li>", StringComparison.Ordinal)]);
        Assert.DoesNotContain(mentor.LastName, message[..message.IndexOf("</li>", StringComparison.Ordinal)]);
        Assert.Null((await db.MentoringGroups.SingleAsync(g => g.Id == pair.GroupId)).CaseProposedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// Recording a withdrawn consent, shared by the consent page and `nastavnik consents withdraw`. Withdrawing consent to
/// processing blocks the person at once: hidden from lists, exports and matching, their participation ended («выбыл»);
/// the destruction job erases the data later.
/// </summary>
public static class ConsentWithdrawal
{
    /// <summary>
    /// Withdraws <paramref name="consent"/> of the tracked <paramref name="person"/> as of <paramref name="on"/> and saves;
    /// nothing is changed when the rules refuse (the errors say why, in Russian).
    /// </summary>
    public static async Task<IReadOnlyList<RuleError>> WithdrawAsync(NastavnikDb db, Person person, Consent consent, DateOnly on, TimeProvider clock)
    {
        var today = clock.MoscowToday();
        var errors = ConsentRecording.CheckWithdrawal(consent.GivenOn, consent.WithdrawnOn, on, today);
        if (errors.Count > 0) return errors;

        consent.WithdrawnOn = on;
        if (ConsentRecording.WithdrawalBlocks(consent.Purpose, person.Status))
        {
            person.Status = PersonStatus.Blocked;
            person.BlockedAt = clock.GetUtcNow();
            await db.MenteeProfiles.Where(m => m.PersonId == person.Id).ForEachAsync(m => m.Status = ParticipationStatus.Left);
            await db.MentorProfiles.Where(m => m.PersonId == person.Id).ForEachAsync(m => m.Status = ParticipationStatus.Left);
        }
        else
        {
            ConsentStatus.Recompute(person, today);
        }
        await db.SaveChangesAsync();
        return [];
    }
}

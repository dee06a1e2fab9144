using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// Completion makes a mentor «обучен» for matching: every mentor profile of the person gets the training record
/// (hours of all completed trainings summed) and the «training» screening mark, which MentorEligibility checks.
/// When the last completion is withdrawn, the record and the mark go too.
/// </summary>
public static class TrainingCompletion
{
    /// <summary>Updates the tracked mentor profiles of the person; the caller saves. <paramref name="changed"/> is the
    /// participant row being changed, whose new values are not in the database yet.</summary>
    public static async Task ApplyAsync(NastavnikDb db, long personId, long changedParticipantId, DateOnly? changedCompletedOn)
    {
        var others = await db.TrainingParticipants.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Id != changedParticipantId && p.CompletedOn != null)
            .Select(p => new CompletedTraining(p.Training.Title, p.Training.Trainer, p.Training.Hours, p.CompletedOn!.Value))
            .ToListAsync();
        if (changedCompletedOn is { } on)
        {
            var changed = await db.TrainingParticipants.AsNoTracking().Where(p => p.Id == changedParticipantId)
                .Select(p => new { p.Training.Title, p.Training.Trainer, p.Training.Hours }).SingleAsync();
            others.Add(new CompletedTraining(changed.Title, changed.Trainer, changed.Hours, on));
        }
        var record = TrainingRules.Record(others);
        var profiles = await db.MentorProfiles.Where(m => m.PersonId == personId).ToListAsync();
        foreach (var profile in profiles)
        {
            if (record is null)
            {
                profile.ScreeningDone = profile.ScreeningDone.Where(s => s != TrainingRules.ScreeningCode).ToList();
                (profile.TrainingCourse, profile.TrainingProvider, profile.TrainingHours, profile.TrainingCompletedOn) = ("", "", null, null);
                continue;
            }
            if (!profile.ScreeningDone.Contains(TrainingRules.ScreeningCode))
            {
                profile.ScreeningDone = [.. profile.ScreeningDone, TrainingRules.ScreeningCode];
            }
            (profile.TrainingCourse, profile.TrainingProvider, profile.TrainingHours, profile.TrainingCompletedOn) =
                (record.Course, record.Provider, record.Hours, record.CompletedOn);
        }
    }
}

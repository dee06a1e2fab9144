using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Questionnaires;

/// <summary>
/// Saving one filled questionnaire for a person — from paper by the curator or by the person themself: the answers
/// are validated (<see cref="QuestionnaireAnswers"/>), stored as a time-stamped response, the instrument version is
/// frozen, and the answers that fill profile fields update the person's mentee or mentor profile of the programme.
/// </summary>
public static class QuestionnaireFiller
{
    /// <summary>Form field holding the answer to an item.</summary>
    public static string FieldName(long itemId) => $"a{itemId}";

    public static IQueryable<Instrument> Available(NastavnikDb db, long regionId) => Current(db, [regionId]);

    /// <summary>
    /// The instruments the regions use: per code, the highest version visible to them (seeded or the region's own),
    /// when that version is active — an older version is replaced by a newer one, and deactivating the newest
    /// withdraws the questionnaire.
    /// </summary>
    public static IQueryable<Instrument> Current(NastavnikDb db, long[] regionIds) =>
        db.Instruments.Where(i => i.IsActive && (i.RegionId == null || regionIds.Contains(i.RegionId.Value))
            && !db.Instruments.Any(n => n.Code == i.Code && n.Version > i.Version && (n.RegionId == null || regionIds.Contains(n.RegionId.Value))));

    public static Task<Instrument?> LoadAsync(NastavnikDb db, long regionId, long instrumentId) =>
        Available(db, regionId).Include(i => i.Items.OrderBy(x => x.Position)).SingleOrDefaultAsync(i => i.Id == instrumentId);

    public static List<QuestionItem> Items(Instrument instrument) =>
        instrument.Items.OrderBy(i => i.Position)
            .Select(i => new QuestionItem(i.Id, i.Kind, i.Text, i.Options, i.Fills, i.IsRequired)).ToList();

    public static Dictionary<long, IReadOnlyList<string>> ReadForm(Instrument instrument, IFormCollection form) =>
        instrument.Items.ToDictionary(i => i.Id, i => (IReadOnlyList<string>)form[FieldName(i.Id)].Select(v => v ?? "").ToList());

    public static bool FillsProfile(Instrument instrument) =>
        instrument.Items.Any(i => i.Fills != "") && instrument.Respondent is InstrumentRespondent.Mentee or InstrumentRespondent.Mentor;

    /// <summary>Validates and saves; returns the errors (item id, message) when refused — nothing is written then.</summary>
    public static async Task<List<AnswerError>> SaveAsync(
        NastavnikDb db, Person person, Instrument instrument, MentoringProgram? program, Dictionary<long, IReadOnlyList<string>> raw,
        long? enteredByUserId, bool fromPaper, DateOnly today)
    {
        var items = Items(instrument);
        var (values, errors) = QuestionnaireAnswers.Validate(items, raw);
        if (errors.Count > 0) return errors;

        var response = new Response
        {
            InstrumentId = instrument.Id, PersonId = person.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId,
            ProgramId = program?.Id, EnteredByUserId = enteredByUserId, FromPaper = fromPaper,
            Answers = values.Select(v => new ResponseAnswer { ItemId = v.Key, Value = v.Value }).ToList(),
        };
        db.Responses.Add(response);
        instrument.IsFrozen = true;

        if (program is not null && FillsProfile(instrument))
        {
            var names = items.Where(i => i.Fills is "requests" or "competencies").SelectMany(i => i.Options).Distinct().ToList();
            var topics = await db.Topics
                .Where(t => t.IsActive && t.Family == program.Family && names.Contains(t.Name)
                    && (t.RegionId == null || t.RegionId == person.RegionId)
                    && (t.OrganizationId == null || t.OrganizationId == person.OrganizationId))
                .OrderBy(t => t.Id).Select(t => new { t.Name, t.Id }).ToListAsync();
            var lookup = new Dictionary<string, long>();
            foreach (var t in topics) lookup.TryAdd(t.Name, t.Id);
            var update = QuestionnaireAnswers.ToProfile(items, values, lookup);
            if (instrument.Respondent == InstrumentRespondent.Mentee) await ApplyMenteeAsync(db, person, program, update, values, items, fromPaper, today);
            else await ApplyMentorAsync(db, person, program, update);
        }
        await db.SaveChangesAsync();
        return [];
    }

    private static async Task ApplyMenteeAsync(NastavnikDb db, Person person, MentoringProgram program, ProfileUpdate update,
        Dictionary<long, string> values, List<QuestionItem> items, bool fromPaper, DateOnly today)
    {
        var profile = await db.MenteeProfiles.SingleOrDefaultAsync(p => p.PersonId == person.Id && p.ProgramId == program.Id);
        if (profile is null)
        {
            profile = new MenteeProfile
            {
                PersonId = person.Id, ProgramId = program.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId,
                Source = RequestSource.Self, EntryDate = today, Status = ParticipationStatus.Candidate,
            };
            db.MenteeProfiles.Add(profile);
        }
        if (update.RequestTopicIds is { Count: > 0 } ids)
        {
            profile.KeyTopicId = ids[0];
            profile.ExtraTopicIds = ids.Skip(1).Take(QuestionnaireAnswers.MaxRequests - 1).ToArray();
        }
        // The free-text request («своими словами») goes with the requests when the questionnaire asks for it.
        var requestText = items.FirstOrDefault(i => i.Kind == InstrumentItemKind.Text && i.Fills == "" && i.Text.Contains("запрос"));
        if (requestText is not null && values.TryGetValue(requestText.Id, out var text)) profile.RequestText = text.Length > 2000 ? text[..2000] : text;
    }

    private static async Task ApplyMentorAsync(NastavnikDb db, Person person, MentoringProgram program, ProfileUpdate update)
    {
        var profile = await db.MentorProfiles.SingleOrDefaultAsync(p => p.PersonId == person.Id && p.ProgramId == program.Id);
        if (profile is null)
        {
            profile = new MentorProfile
            {
                PersonId = person.Id, ProgramId = program.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId,
                Status = ParticipationStatus.Candidate, Source = "questionnaire",
            };
            db.MentorProfiles.Add(profile);
        }
        if (update.CompetencyTopicIds is { Count: > 0 } ids) profile.CompetencyTopicIds = ids.ToArray();
        if (update.Availability is { } a) profile.Availability = a.Length > 500 ? a[..500] : a;
        if (update.Interests is { } i) profile.Interests = i.Length > 2000 ? i[..2000] : i;
    }
}

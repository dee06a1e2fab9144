using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching.Choice;

/// <summary>
/// Mentee-choice mode, the mentee's side: the shortlists offered to the signed-in mentee (runs still in draft), the
/// «почему» of each mentor, and «Выбрать» / «Отменить выбор». One chosen offer at a time per run; a full mentor
/// cannot be chosen.
/// </summary>
[Access(Role.Mentee)]
public class MineModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public string? Explanation { get; private set; }
    public List<RunOffers> Runs { get; private set; } = [];
    [BindProperty] public long ChoiceId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostChooseAsync() => await Choices.FinishAsync(this, db, await ChooseAsync(), LoadAsync);

    public async Task<IActionResult> OnPostCancelAsync() => await Choices.FinishAsync(this, db, await CancelAsync(), LoadAsync);

    private async Task<(string? Error, string? Done)> ChooseAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        await using var tx = await db.Database.BeginTransactionAsync();
        var choice = await Open(personId).Include(c => c.MenteeProfile.Person).Include(c => c.MentorProfile.Person)
            .SingleOrDefaultAsync(c => c.Id == ChoiceId);
        if (choice is null) return ("Предложение не найдено. Обновите страницу.", null);
        // Two «Выбрать» of the same mentee at once must not leave two chosen offers: they queue on the profile row.
        await db.MenteeProfiles.FromSql($"SELECT * FROM mentee_profiles WHERE id = {choice.MenteeProfileId} FOR UPDATE").ToListAsync();
        var mentor = choice.MentorProfile.Person.FullName;
        if (choice.Status != ChoiceStatus.Offered)
        {
            return ($"Наставника {mentor} сейчас нельзя выбрать: «{choice.Status.Title()}».", null);
        }
        var taken = await db.MatchChoices.AsNoTracking()
            .Where(c => c.RunId == choice.RunId && c.MenteeProfileId == choice.MenteeProfileId
                && (c.Status == ChoiceStatus.Chosen || c.Status == ChoiceStatus.Accepted))
            .Select(c => new { c.Status, c.MentorProfile.Person.LastName, c.MentorProfile.Person.FirstName, c.MentorProfile.Person.MiddleName })
            .FirstOrDefaultAsync();
        if (taken is not null)
        {
            var name = PeopleTerms.FullName(taken.LastName, taken.FirstName, taken.MiddleName);
            return (taken.Status == ChoiceStatus.Accepted
                ? $"Наставник {name} уже принял ваш выбор: выбрать другого наставника нельзя."
                : $"Вы уже выбрали наставника {name}. Чтобы выбрать другого, сначала отмените выбор.", null);
        }
        var free = await Choices.FreePlacesAsync(db, choice.RunId, [choice.MentorProfileId]);
        if (free.GetValueOrDefault(choice.MentorProfileId) <= 0) return (Choices.NoPlaces, null);

        choice.Status = ChoiceStatus.Chosen;
        choice.DecidedAt = null;
        await Notifier.ToPersonAsync(db, choice.MentorProfile.PersonId,
            $"Наставляемый {choice.MenteeProfile.Person.FullName} выбрал вас наставником. Примите или отклоните заявку.",
            "/Matching/Choice/Requests", clock.GetUtcNow());
        if (await SaveAsync() is { } error) return (error, null);
        await tx.CommitAsync();
        return (null, $"Вы выбрали наставника {mentor}. Когда наставник ответит, придёт уведомление.");
    }

    private async Task<(string? Error, string? Done)> CancelAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        var choice = await Open(personId).Include(c => c.MentorProfile.Person).SingleOrDefaultAsync(c => c.Id == ChoiceId);
        if (choice is null) return ("Предложение не найдено. Обновите страницу.", null);
        if (choice.Status != ChoiceStatus.Chosen) return ("Отменить можно только выбор, на который наставник ещё не ответил.", null);
        choice.Status = ChoiceStatus.Offered;
        if (await SaveAsync() is { } error) return (error, null);
        return (null, $"Выбор наставника {choice.MentorProfile.Person.FullName} отменён.");
    }

    // The mentor answered (or the curator closed the choice) between the page load and the click.
    private Task<string?> SaveAsync() =>
        Choices.SaveAsync<DbUpdateConcurrencyException>(db, "Предложение изменилось: наставник уже ответил или куратор закрыл выбор. Обновите страницу.");

    /// <summary>Offers of the person's mentee profiles in choice runs awaiting decisions, with a listed mentor.</summary>
    private IQueryable<MatchChoice> Open(long? personId) =>
        db.MatchChoices.Where(c => personId != null && c.MenteeProfile.PersonId == personId
            && c.Run.Mode == MatchMode.Choice && c.Run.Status == MatchRunStatus.Draft
            && c.MentorProfile.Person.Status != PersonStatus.Blocked && c.MentorProfile.Person.Status != PersonStatus.Destroyed);

    private async Task LoadAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        if (personId is null)
        {
            Explanation = Choices.NotLinked;
            return;
        }
        var offers = await Open(personId).AsNoTracking().Where(c => c.Status != ChoiceStatus.Withdrawn)
            .OrderBy(c => c.Run.Program.Name).ThenBy(c => c.RunId).ThenBy(c => c.Rank).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.RunId, Program = c.Run.Program.Name, c.MentorProfileId, c.MentorProfile.Person.LastName, c.MentorProfile.Person.FirstName,
                c.MentorProfile.Person.MiddleName, c.MentorProfile.Person.Kind, c.MentorProfile.Person.ClassName, c.MentorProfile.Person.Position,
                c.MentorProfile.CompetencyTopicIds, c.MentorProfile.Availability, c.Score, c.Breakdown, c.Status,
            })
            .ToListAsync();
        if (offers.Count == 0)
        {
            Explanation = "Сейчас вам не предложено ни одного наставника. Когда куратор запустит подбор с выбором наставника, список появится здесь.";
            return;
        }
        var topicIds = offers.SelectMany(o => o.CompetencyTopicIds).Distinct().ToArray();
        var topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        foreach (var run in offers.GroupBy(o => o.RunId))
        {
            var free = await Choices.FreePlacesAsync(db, run.Key, run.Select(o => o.MentorProfileId).ToList());
            var rows = run.Select(o => new Offer(o.Id, PeopleTerms.FullName(o.LastName, o.FirstName, o.MiddleName),
                o.Kind == PersonKind.Pupil || o.Kind == PersonKind.Student ? o.ClassName : o.Position,
                string.Join(", ", o.CompetencyTopicIds.Where(topics.ContainsKey).Select(t => topics[t])), o.Availability, o.Score,
                Choices.TopFactors(o.Breakdown), o.Status, free.GetValueOrDefault(o.MentorProfileId) <= 0)).ToList();
            Runs.Add(new RunOffers(run.First().Program, rows));
        }
        await db.AuditAsync(AuditAction.Read, nameof(MatchChoice), "", await db.People.Where(p => p.Id == personId).Select(p => (long?)p.RegionId).SingleOrDefaultAsync(),
            $"предложенные наставники: {offers.Count}");
    }

    public sealed record RunOffers(string Program, List<Offer> Offers)
    {
        public Offer? Taken => Offers.FirstOrDefault(o => o.Status is ChoiceStatus.Chosen or ChoiceStatus.Accepted);
    }

    public sealed record Offer(long Id, string Mentor, string Position, string Competencies, string Availability, int Score,
        IReadOnlyList<ScoreFactor> Why, ChoiceStatus Status, bool Full);
}

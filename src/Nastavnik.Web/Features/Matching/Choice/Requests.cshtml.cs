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
/// Mentee-choice mode, the mentor's side: the mentees who chose the signed-in mentor (minimal profile only: name,
/// class, requests — DOMAIN.md §2), with «Принять» and «Отказаться». Accepting locks the pair into the run's
/// proposal; the curator's approval makes it a pair.
/// </summary>
[Access(Role.Mentor)]
public class RequestsModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public string? Explanation { get; private set; }
    public List<RequestRow> Pending { get; private set; } = [];
    public List<RequestRow> Accepted { get; private set; } = [];
    [BindProperty] public long ChoiceId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAcceptAsync() => await Choices.FinishAsync(this, db, await AcceptAsync(), LoadAsync);

    public async Task<IActionResult> OnPostDeclineAsync() => await Choices.FinishAsync(this, db, await DeclineAsync(), LoadAsync);

    private async Task<(string? Error, string? Done)> AcceptAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        await using var tx = await db.Database.BeginTransactionAsync();
        var choice = await Mine(personId).Include(c => c.MenteeProfile.Person).SingleOrDefaultAsync(c => c.Id == ChoiceId);
        if (choice is null) return ("Заявка не найдена. Обновите страницу.", null);
        // Accepts for the same mentor queue here, so the free places counted below cannot be taken twice.
        await db.MentorProfiles.FromSql($"SELECT * FROM mentor_profiles WHERE id = {choice.MentorProfileId} FOR UPDATE").ToListAsync();
        await db.Entry(choice).ReloadAsync();
        var mentee = choice.MenteeProfile.Person.FullName;
        if (choice.Status != ChoiceStatus.Chosen) return ($"Заявку {mentee} принять нельзя: «{choice.Status.Title()}».", null);
        var free = await Choices.FreePlacesAsync(db, choice.RunId, [choice.MentorProfileId]);
        if (free.GetValueOrDefault(choice.MentorProfileId) <= 0)
        {
            return ("Свободных мест не осталось: принять заявку нельзя. Откажитесь от неё, чтобы наставляемый выбрал другого наставника.", null);
        }

        var now = clock.GetUtcNow();
        choice.Status = ChoiceStatus.Accepted;
        choice.DecidedAt = now;
        var others = await db.MatchChoices.Where(c => c.RunId == choice.RunId && c.MenteeProfileId == choice.MenteeProfileId
            && c.Id != choice.Id && (c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Chosen)).ToListAsync();
        foreach (var other in others)
        {
            other.Status = ChoiceStatus.Withdrawn;
            other.DecidedAt = now;
        }
        var proposal = await db.MatchProposals.SingleOrDefaultAsync(p => p.RunId == choice.RunId && p.MenteeProfileId == choice.MenteeProfileId);
        if (proposal is null)
        {
            proposal = new MatchProposal { RunId = choice.RunId, MenteeProfileId = choice.MenteeProfileId };
            db.MatchProposals.Add(proposal);
        }
        proposal.MentorProfileId = choice.MentorProfileId;
        proposal.Score = choice.Score;
        proposal.Breakdown = choice.Breakdown;
        proposal.AlternativeMentorProfileId = null;
        proposal.AlternativeScore = null;
        proposal.IsLocked = true;
        proposal.IsManual = false;
        proposal.Warnings = [];
        proposal.UnmatchedReason = "";
        var mentor = await db.People.Where(p => p.Id == personId).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).SingleAsync();
        await Notifier.ToPersonAsync(db, choice.MenteeProfile.PersonId,
            $"Наставник {PeopleTerms.FullName(mentor.LastName, mentor.FirstName, mentor.MiddleName)} принял ваш выбор. Пару утвердит куратор программы.",
            "/Matching/Choice/Mine", now);
        if (await SaveAsync() is { } error) return (error, null);
        await tx.CommitAsync();
        return (null, $"Заявка {mentee} принята. Пару утвердит куратор программы.");
    }

    private async Task<(string? Error, string? Done)> DeclineAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        var choice = await Mine(personId).Include(c => c.MenteeProfile.Person).Include(c => c.MentorProfile.Person)
            .SingleOrDefaultAsync(c => c.Id == ChoiceId);
        if (choice is null) return ("Заявка не найдена. Обновите страницу.", null);
        var mentee = choice.MenteeProfile.Person.FullName;
        if (choice.Status != ChoiceStatus.Chosen) return ($"Отказаться от заявки {mentee} нельзя: «{choice.Status.Title()}».", null);
        var now = clock.GetUtcNow();
        choice.Status = ChoiceStatus.Declined;
        choice.DecidedAt = now;
        await Notifier.ToPersonAsync(db, choice.MenteeProfile.PersonId,
            $"Наставник {choice.MentorProfile.Person.FullName} не сможет с вами заниматься. Выберите другого наставника из предложенных.", "/Matching/Choice/Mine", now);
        if (await SaveAsync() is { } error) return (error, null);
        return (null, $"Вы отказались от заявки {mentee}. Наставляемый выберет другого наставника.");
    }

    // The mentee cancelled the choice or the curator closed it between the page load and the click
    // (a stale xmin, or the curator's proposal row for the same mentee inserted first).
    private Task<string?> SaveAsync() =>
        Choices.SaveAsync<DbUpdateException>(db, "Заявка изменилась: наставляемый отменил выбор или куратор закрыл выбор. Обновите страницу.");

    /// <summary>Choices of the person's mentor profiles in choice runs awaiting decisions, with a listed mentee.</summary>
    private IQueryable<MatchChoice> Mine(long? personId) =>
        db.MatchChoices.Where(c => personId != null && c.MentorProfile.PersonId == personId
            && c.Run.Mode == MatchMode.Choice && c.Run.Status == MatchRunStatus.Draft
            && c.MenteeProfile.Person.Status != PersonStatus.Blocked && c.MenteeProfile.Person.Status != PersonStatus.Destroyed);

    private async Task LoadAsync()
    {
        var personId = await Choices.PersonIdAsync(db, me.Id);
        if (personId is null)
        {
            Explanation = Choices.NotLinked;
            return;
        }
        var rows = await Mine(personId).AsNoTracking().Where(c => c.Status == ChoiceStatus.Chosen || c.Status == ChoiceStatus.Accepted)
            .OrderBy(c => c.MenteeProfile.Person.LastName).ThenBy(c => c.MenteeProfile.Person.FirstName).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.RunId, c.MentorProfileId, Program = c.Run.Program.Name, c.MenteeProfile.Person.LastName, c.MenteeProfile.Person.FirstName,
                c.MenteeProfile.Person.MiddleName, c.MenteeProfile.Person.ClassName, KeyTopic = c.MenteeProfile.KeyTopic!.Name,
                c.MenteeProfile.ExtraTopicIds, c.MenteeProfile.RequestText, c.MenteeProfile.Availability, c.Score, c.Breakdown, c.Status,
                c.MenteeProfile.RegionId,
            })
            .ToListAsync();
        if (rows.Count == 0)
        {
            Explanation = "Заявок от наставляемых пока нет.";
            return;
        }
        var topicIds = rows.SelectMany(r => r.ExtraTopicIds).Distinct().ToArray();
        var topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var free = new Dictionary<(long Run, long Mentor), int>();
        foreach (var run in rows.GroupBy(r => r.RunId))
        {
            foreach (var (mentor, places) in await Choices.FreePlacesAsync(db, run.Key, run.Select(r => r.MentorProfileId).ToList()))
            {
                free[(run.Key, mentor)] = places;
            }
        }
        var list = rows.Select(r => new RequestRow(r.Id, r.Program, PeopleTerms.FullName(r.LastName, r.FirstName, r.MiddleName), r.ClassName,
            r.KeyTopic ?? "", string.Join(", ", r.ExtraTopicIds.Where(topics.ContainsKey).Select(t => topics[t])), r.RequestText, r.Availability,
            r.Score, Choices.TopFactors(r.Breakdown), r.Status, free.GetValueOrDefault((r.RunId, r.MentorProfileId)))).ToList();
        Pending = list.Where(r => r.Status == ChoiceStatus.Chosen).ToList();
        Accepted = list.Where(r => r.Status == ChoiceStatus.Accepted).ToList();
        await db.AuditAsync(AuditAction.Read, nameof(MatchChoice), "", rows[0].RegionId, $"заявки наставляемых: {rows.Count}");
    }

    public sealed record RequestRow(long Id, string Program, string Mentee, string ClassName, string KeyTopic, string ExtraTopics,
        string RequestText, string Availability, int Score, IReadOnlyList<ScoreFactor> Why, ChoiceStatus Status, int FreePlaces);
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Matching;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// Approval of a run's proposal: the pairs (or, in group mode, one group per mentor) are created with their start
/// date, the participants' profiles become «в паре», the run records the order, and every participant who has a login
/// is notified (with an e-mail in the outbox when they have an address) — all added to the context and saved by the
/// caller in one transaction. Refused, with a Russian message listing who, when a mentee already has an active pair
/// of the form (DOMAIN.md §3) or a mentor would go over capacity.
/// </summary>
public static class RunApproval
{
    public sealed record Order(DateOnly StartDate, string Number, DateOnly Date);

    /// <summary>Adds the pairs, profile statuses and notifications to the context; returns a refusal, or null when all is set.</summary>
    public static async Task<string?> ApplyAsync(NastavnikDb db, MatchRun run, Order order, long? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (run.Status != MatchRunStatus.Draft) return $"Утвердить можно только проект; статус подбора — «{run.Status.Title()}»";
        var proposals = await db.MatchProposals.Where(p => p.RunId == run.Id && p.MentorProfileId != null)
            .Include(p => p.MenteeProfile).ThenInclude(m => m.Person)
            .Include(p => p.MentorProfile).ThenInclude(m => m!.Person)
            .OrderBy(p => p.MentorProfileId).ThenBy(p => p.Id)
            .ToListAsync(ct);
        if (proposals.Count == 0) return "В проекте нет ни одной пары: утверждать нечего";
        var gone = proposals.Where(p => !Listed(p.MenteeProfile.Person.Status) || !Listed(p.MentorProfile!.Person.Status)).ToList();
        if (gone.Count > 0)
        {
            return "Согласие отозвано или данные уничтожены: " + string.Join(", ", gone.Select(p => $"{p.MenteeProfile.Person.FullName} – {p.MentorProfile!.Person.FullName}"))
                + ". Удалите эти пары и повторите.";
        }

        var menteePeople = proposals.Select(p => p.MenteeProfile.PersonId).Distinct().ToArray();
        var paired = await db.GroupMembers.AsNoTracking()
            .Where(g => menteePeople.Contains(g.PersonId) && g.Role == MemberRole.Mentee && g.LeftOn == null
                && g.Group.Status != GroupStatus.Closed && g.Group.Form == run.Form)
            .Select(g => g.PersonId).Distinct().ToListAsync(ct);
        if (paired.Count > 0)
        {
            var names = proposals.Where(p => paired.Contains(p.MenteeProfile.PersonId)).Select(p => p.MenteeProfile.Person.FullName).Distinct();
            return $"Наставляемый может состоять только в одной действующей паре формы «{Forms.NameOf(run.Form)}». Уже в паре: {string.Join(", ", names)}";
        }

        var mentorIds = proposals.Select(p => p.MentorProfileId!.Value).Distinct().ToArray();
        var loads = (await db.GroupMembers.AsNoTracking()
            .Where(x => x.Role == MemberRole.Mentor && x.LeftOn == null && x.MentorProfileId != null && mentorIds.Contains(x.MentorProfileId.Value)
                && x.Group.Status != GroupStatus.Closed)
            .Select(x => new { MentorId = x.MentorProfileId!.Value, Count = x.Group.Members.Count(m => m.Role == MemberRole.Mentee && m.LeftOn == null) })
            .ToListAsync(ct))
            .GroupBy(x => x.MentorId).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var over = proposals.GroupBy(p => p.MentorProfile!)
            .Select(g => (Mentor: g.Key, Load: loads.GetValueOrDefault(g.Key.Id), Adding: g.Count()))
            .Where(x => x.Load + x.Adding > x.Mentor.Capacity)
            .ToList();
        if (over.Count > 0)
        {
            return "Превышена вместимость наставников: " + string.Join("; ", over.Select(x =>
                $"{x.Mentor.Person.FullName} (мест {x.Mentor.Capacity}, уже наставляемых {x.Load}, добавляется {x.Adding})"));
        }

        // A teacher takes on mentoring only with the written consent to extra duties, given by the order's date (DOMAIN.md §4 gates).
        var teachers = proposals.Select(p => p.MenteeProfile.Person).Concat(proposals.Select(p => p.MentorProfile!.Person))
            .Where(p => p.Kind == PersonKind.Teacher).DistinctBy(p => p.Id).ToList();
        if (teachers.Count > 0)
        {
            var ids = teachers.Select(t => t.Id).ToArray();
            var consents = (await db.Consents.AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.Purpose == ConsentPurpose.ExtraDuties)
                .Select(c => new { c.PersonId, c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn }).ToListAsync(ct))
                .ToLookup(c => c.PersonId, c => new ConsentFact(c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn));
            var missing = teachers.Where(t => !ConsentRules.ExtraDuties(t.Kind, consents[t.Id], order.Date).Allowed).Select(t => t.FullName).ToList();
            if (missing.Count > 0) return $"{ConsentRules.NoExtraDuties} на дату приказа: {string.Join(", ", missing)}";
        }

        var program = await db.Programs.AsNoTracking().Where(p => p.Id == run.ProgramId).Select(p => new { p.Name, p.CuratorUserId, p.PeriodEnd }).SingleAsync(ct);
        // A pair is planned to work until the programme's period ends (shown on the card and in the plan).
        DateOnly? plannedEnd = program.PeriodEnd >= order.StartDate ? program.PeriodEnd : null;
        var groups = run.IsGroup
            ? proposals.GroupBy(p => p.MentorProfileId!.Value).Select(g => g.ToList()).ToList()
            : proposals.Select(p => new List<MatchProposal> { p }).ToList();
        var deliveryMode = run.DeliveryMode.Length > 0 ? run.DeliveryMode : run.IsGroup ? "group" : "traditional";
        foreach (var members in groups)
        {
            var mentor = members[0].MentorProfile!;
            var group = new MentoringGroup
            {
                RegionId = run.RegionId, OrganizationId = run.OrganizationId, ProgramId = run.ProgramId, IsGroup = run.IsGroup, Form = run.Form,
                DeliveryMode = deliveryMode, CuratorUserId = program.CuratorUserId ?? userId, StartDate = order.StartDate,
                PlannedEnd = plannedEnd, Status = GroupStatus.Active, MatchRunId = run.Id, CreatedAt = now,
            };
            group.Members.Add(new GroupMember
            {
                PersonId = mentor.PersonId, Role = MemberRole.Mentor, MentorProfileId = mentor.Id, JoinedOn = order.StartDate,
            });
            foreach (var p in members)
            {
                group.Members.Add(new GroupMember
                {
                    PersonId = p.MenteeProfile.PersonId, Role = MemberRole.Mentee, MenteeProfileId = p.MenteeProfileId, JoinedOn = order.StartDate,
                });
                p.MenteeProfile.Status = ParticipationStatus.InPair;
            }
            mentor.Status = ParticipationStatus.InPair;
            db.MentoringGroups.Add(group);
        }

        run.Status = MatchRunStatus.Approved;
        run.ApprovedByUserId = userId;
        run.ApprovedAt = now;
        run.StartDate = order.StartDate;
        run.OrderNumber = order.Number;
        run.OrderDate = order.Date;
        await NotifyAsync(db, run, order, program.Name, proposals, now, ct);
        return null;
    }

    private static bool Listed(PersonStatus status) => status is not (PersonStatus.Blocked or PersonStatus.Destroyed);

    /// <summary>One notification per participant with a login: a mentee learns their mentor, a mentor their mentees.</summary>
    private static async Task NotifyAsync(NastavnikDb db, MatchRun run, Order order, string programName, List<MatchProposal> proposals,
        DateTimeOffset now, CancellationToken ct)
    {
        var people = proposals.Select(p => p.MenteeProfile.PersonId).Concat(proposals.Select(p => p.MentorProfile!.PersonId)).Distinct().ToArray();
        var users = await db.Users.AsNoTracking().Where(u => u.PersonId != null && people.Contains(u.PersonId.Value) && u.IsActive)
            .OrderBy(u => u.Id).Select(u => new { u.Id, PersonId = u.PersonId!.Value, u.Email, u.FullName }).ToListAsync(ct);
        var when = $"с {order.StartDate:dd.MM.yyyy} (приказ от {order.Date:dd.MM.yyyy} № {order.Number})";
        var kind = run.IsGroup ? "наставническую группу" : "наставническую пару";
        var notes = new List<Notifier.Note>();
        foreach (var user in users)
        {
            var asMentor = proposals.Where(p => p.MentorProfile!.PersonId == user.PersonId).Select(p => p.MenteeProfile.Person.FullName).ToList();
            var asMentee = proposals.Where(p => p.MenteeProfile.PersonId == user.PersonId).Select(p => p.MentorProfile!.Person.FullName).ToList();
            var text = new StringBuilder($"Вы включены в {kind} программы «{programName}» {when}.");
            if (asMentor.Count > 0) text.Append(asMentor.Count == 1 ? $" Ваш наставляемый: {asMentor[0]}." : $" Ваши наставляемые: {string.Join(", ", asMentor)}.");
            if (asMentee.Count > 0) text.Append($" Ваш наставник: {string.Join(", ", asMentee)}.");
            var message = text.ToString();
            if (message.Length > 2000) message = message[..1999] + "…";
            notes.Add(new Notifier.Note(user.Id, message, "/Pairs/Mine", $"matchrun:{run.Id}:approved", user.Email, user.FullName));
        }
        await Notifier.AddAsync(db, notes, now, mine => new Notifier.Letter("Наставник: закрепление наставнической пары (группы)",
            $"Здравствуйте, {mine[0].Name}!\n\n{mine[0].Text}\n\nПодробности — в системе «Наставник»."));
    }
}

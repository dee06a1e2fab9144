using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.People;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// Demo pairs of Романовская СОШ's demo programme, one at every stage: just formed; after the встреча-знакомство; with a
/// plan, regular meetings and feedback (the demo logins mentor and mentee, when linked); stalled for 40 days; paused for
/// the mentee's illness; closed early.
/// Dates are counted back from today. Idempotent: a programme that already has pairs not formed by a matching run is
/// left as it is. Runs after <see cref="PeopleDemo.LoadAsync"/>.
/// </summary>
public static class PairsDemo
{
    public static async Task LoadAsync(NastavnikDb db, TextWriter log, TimeProvider? clock = null)
    {
        var today = DateOnly.FromDateTime(MoscowTime.From((clock ?? TimeProvider.System).GetUtcNow()));
        var program = await db.Programs.Include(p => p.Organization)
            .Where(p => p.Organization.ShortName == PeopleDemo.LinkedSchool && p.Name == PeopleDemo.ProgramName)
            .OrderBy(p => p.Id).FirstOrDefaultAsync();
        if (program is null)
        {
            log.WriteLine($"Demo pairs skipped: {PeopleDemo.LinkedSchool} has no demo programme (load the demo people first).");
            return;
        }
        if (await db.MentoringGroups.AnyAsync(g => g.ProgramId == program.Id && g.MatchRunId == null))
        {
            log.WriteLine("Demo pairs already loaded.");
            return;
        }
        var curatorId = await db.Users.Where(u => u.UserName == "curator").Select(u => (long?)u.Id).FirstOrDefaultAsync();
        var busy = await db.GroupMembers.Where(m => m.Group.ProgramId == program.Id && m.Group.Status != GroupStatus.Closed)
            .Select(m => m.PersonId).ToListAsync();

        // The demo logins' pair: mentor Ковалёв and mentee Миронова, linked by PeopleDemo.
        var loginPeople = await db.Users.Where(u => (u.UserName == "mentor" || u.UserName == "mentee") && u.PersonId != null)
            .ToDictionaryAsync(u => u.UserName!, u => u.PersonId!.Value);
        (MentorProfile Mentor, MenteeProfile Mentee)? loginPair = null;
        if (loginPeople.TryGetValue("mentor", out var mentorPerson) && loginPeople.TryGetValue("mentee", out var menteePerson)
            && !busy.Contains(mentorPerson) && !busy.Contains(menteePerson))
        {
            var mentor = await db.MentorProfiles.Where(m => m.ProgramId == program.Id && m.PersonId == mentorPerson).OrderBy(m => m.Id).FirstOrDefaultAsync()
                ?? new MentorProfile
                {
                    PersonId = mentorPerson, ProgramId = program.Id, RegionId = program.RegionId, OrganizationId = program.OrganizationId,
                    Capacity = 3, Status = ParticipationStatus.Admitted, AllowedForms = ["teacher_learner"], Source = "teachers",
                };
            var mentee = await db.MenteeProfiles.Where(m => m.ProgramId == program.Id && m.PersonId == menteePerson).OrderBy(m => m.Id).FirstOrDefaultAsync()
                ?? new MenteeProfile
                {
                    PersonId = menteePerson, ProgramId = program.Id, RegionId = program.RegionId, OrganizationId = program.OrganizationId,
                    Source = RequestSource.Self, EntryDate = program.PeriodStart, Status = ParticipationStatus.Admitted,
                    RequestText = "Подготовка к олимпиаде по математике",
                };
            loginPair = (mentor, mentee);
            busy.AddRange([mentorPerson, menteePerson]);
        }

        var mentors = await db.MentorProfiles.Where(m => m.ProgramId == program.Id && m.Status == ParticipationStatus.Admitted
                && m.AllowedForms.Contains("pupil_pupil") && m.Person.Status == PersonStatus.Active && !busy.Contains(m.PersonId))
            .OrderBy(m => m.Id).Take(6).ToListAsync();
        var mentorPeople = mentors.Select(m => m.PersonId).ToArray();
        var mentees = await db.MenteeProfiles.Where(m => m.ProgramId == program.Id && m.Person.Kind == PersonKind.Pupil && m.Person.Status == PersonStatus.Active
                && m.Person.Grade != null && m.Person.Grade <= 7 && !busy.Contains(m.PersonId) && !mentorPeople.Contains(m.PersonId))
            .OrderBy(m => m.Id).Take(6).ToListAsync();
        var pairs = new List<(MentorProfile Mentor, MenteeProfile Mentee, string Form)>();
        for (var i = 0; i < Math.Min(mentors.Count, mentees.Count); i++) pairs.Add((mentors[i], mentees[i], "pupil_pupil"));
        if (loginPair is { } login) pairs.Insert(2, (login.Mentor, login.Mentee, "teacher_learner"));
        if (pairs.Count < 6)
        {
            log.WriteLine($"Demo pairs: only {pairs.Count} free mentor–mentee couples in {PeopleDemo.LinkedSchool}; loading those.");
        }

        var stages = new[] { Stage.JustFormed, Stage.Introduced, Stage.Working, Stage.Stalled, Stage.Paused, Stage.Closed };
        for (var i = 0; i < pairs.Count && i < stages.Length; i++)
        {
            Build(db, program, curatorId, pairs[i].Mentor, pairs[i].Mentee, pairs[i].Form, stages[i], today);
        }
        await db.SaveChangesAsync();
        log.WriteLine($"Demo pairs loaded: {Math.Min(pairs.Count, stages.Length)} in {PeopleDemo.LinkedSchool}.");
    }

    private enum Stage { JustFormed, Introduced, Working, Stalled, Paused, Closed }

    private static void Build(NastavnikDb db, MentoringProgram program, long? curatorId, MentorProfile mentor, MenteeProfile mentee, string form,
        Stage stage, DateOnly today)
    {
        var start = today.AddDays(stage switch { Stage.JustFormed => -3, Stage.Introduced => -20, Stage.Working => -75, Stage.Stalled => -80, Stage.Paused => -90, _ => -70 });
        var group = new MentoringGroup
        {
            RegionId = program.RegionId, OrganizationId = program.OrganizationId, ProgramId = program.Id, Form = form, DeliveryMode = "traditional",
            CuratorUserId = curatorId, StartDate = start, PlannedEnd = program.PeriodEnd >= start ? program.PeriodEnd : null, Status = GroupStatus.Active,
            Members =
            [
                new GroupMember { PersonId = mentor.PersonId, Role = MemberRole.Mentor, MentorProfile = mentor, JoinedOn = start },
                new GroupMember { PersonId = mentee.PersonId, Role = MemberRole.Mentee, MenteeProfile = mentee, JoinedOn = start },
            ],
        };
        if (stage == Stage.Paused)
        {
            group.Status = GroupStatus.Paused;
            group.PausedOn = today.AddDays(-14);
            group.ResumeOn = today.AddDays(14);
            group.PauseReason = "Наставляемый на длительном лечении; встречи возобновятся после выписки.";
        }
        if (stage == Stage.Closed)
        {
            group.Status = GroupStatus.Closed;
            group.ClosedOn = today.AddDays(-10);
            group.ClosureKind = ClosureKind.Early;
            group.ClosureReason = ClosureReason.Relocation;
            group.ClosureComment = "Семья наставляемого переехала в другой город.";
        }
        db.MentoringGroups.Add(group);
        var people = new[] { mentor.PersonId, mentee.PersonId };

        void Meeting(MeetingType type, int daysAgo, string topic, string result, MeetingOutcome outcome = MeetingOutcome.None) =>
            db.Meetings.Add(new Meeting
            {
                Group = group, RegionId = program.RegionId, OrganizationId = program.OrganizationId, Type = type, HeldOn = today.AddDays(-daysAgo),
                DurationMinutes = type == MeetingType.Regular ? 45 : 60, Format = MeetingFormat.InPerson, Place = "кабинет 21",
                Topic = topic, Result = result, Outcome = outcome, AttendeePersonIds = people,
            });

        switch (stage)
        {
            case Stage.Introduced:
                Meeting(MeetingType.Introduction, 15, "Знакомство, интересы и ожидания", "Договорились встречаться по вторникам");
                break;
            case Stage.Working:
                Meeting(MeetingType.Introduction, 70, "Знакомство, интересы и ожидания", "Договорились встречаться по вторникам");
                Meeting(MeetingType.Trial, 63, "Разбор олимпиадной задачи", "Работать вместе комфортно", MeetingOutcome.Confirmed);
                Meeting(MeetingType.Planning, 56, "Цели на полугодие", "Составлен план: две цели");
                Meeting(MeetingType.Regular, 42, "Комбинаторика", "Решено 5 задач");
                Meeting(MeetingType.Regular, 28, "Делимость", "Решено 6 задач");
                Meeting(MeetingType.Regular, 14, "Пробный тур", "Набрано 28 баллов из 40");
                Meeting(MeetingType.Regular, 5, "Разбор ошибок пробного тура", "Составлен список тем для повторения");
                db.PlanGoals.AddRange(
                    new PlanGoal
                    {
                        Group = group, Position = 1, Goal = "Подготовиться к муниципальному этапу олимпиады по математике",
                        Measure = "Решено 30 задач прошлых лет; участие в муниципальном этапе", DueOn = today.AddDays(20), Progress = 60,
                        Tasks =
                        [
                            new PlanTask { Position = 1, Text = "Разобрать задачи 2024 года", IsDone = true },
                            new PlanTask { Position = 2, Text = "Пройти пробный тур", IsDone = true },
                            new PlanTask { Position = 3, Text = "Повторить темы из списка ошибок", DueOn = today.AddDays(10) },
                        ],
                    },
                    new PlanGoal
                    {
                        Group = group, Position = 2, Goal = "Научиться планировать время на подготовку", Measure = "Недельный план ведётся 6 недель подряд",
                        DueOn = today.AddDays(40), Progress = 30,
                        Tasks = [new PlanTask { Position = 1, Text = "Завести недельный планер", IsDone = true }, new PlanTask { Position = 2, Text = "Еженедельно сверять план" }],
                    });
                db.Feedback.AddRange(
                    new Feedback
                    {
                        Group = group, PersonId = mentee.PersonId, RegionId = program.RegionId, OrganizationId = program.OrganizationId, Role = MemberRole.Mentee,
                        Usefulness = 9, Comfort = 9, Progress = 7, WentWell = "Пробный тур прошёл лучше, чем я ожидала", Obstacles = "Мало времени из-за секции",
                        SubmittedAt = MoscowTime.StartOfDay(today.AddDays(-4)).AddHours(12),
                    },
                    new Feedback
                    {
                        Group = group, PersonId = mentor.PersonId, RegionId = program.RegionId, OrganizationId = program.OrganizationId, Role = MemberRole.Mentor,
                        Usefulness = 8, Comfort = 10, Progress = 6, WentWell = "Наставляемая сама предлагает задачи", Obstacles = "",
                        SubmittedAt = MoscowTime.StartOfDay(today.AddDays(-4)).AddHours(15),
                    });
                break;
            case Stage.Stalled:
                Meeting(MeetingType.Introduction, 78, "Знакомство", "Обменялись контактами");
                Meeting(MeetingType.Trial, 70, "Проектная идея", "Пара подтверждена", MeetingOutcome.Confirmed);
                Meeting(MeetingType.Planning, 60, "План проекта", "Определены этапы проекта");
                Meeting(MeetingType.Regular, 40, "Сбор материалов", "Встречи перенесены из-за болезни");
                break;
            case Stage.Paused:
                Meeting(MeetingType.Introduction, 88, "Знакомство", "Рассказали о своих интересах");
                Meeting(MeetingType.Trial, 80, "Разбор задач", "Пара подтверждена", MeetingOutcome.Confirmed);
                Meeting(MeetingType.Planning, 70, "План на полугодие", "Составлен план подготовки");
                Meeting(MeetingType.Regular, 20, "Текстовые задачи", "Решили пять задач");
                break;
            case Stage.Closed:
                Meeting(MeetingType.Introduction, 65, "Знакомство", "Договорились о графике");
                Meeting(MeetingType.Trial, 58, "Пробное занятие", "Пара подтверждена", MeetingOutcome.Confirmed);
                Meeting(MeetingType.Final, 12, "Итоги перед переездом", "Подведены итоги, даны рекомендации");
                break;
        }
    }
}

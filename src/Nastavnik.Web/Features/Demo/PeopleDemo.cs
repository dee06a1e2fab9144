using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The demo bases: for every demo school a programme for 2026/2027 and a few hundred generated people (deterministic
/// per school) — pupils of grades 1–11 (1–9 in a basic school) with a parent each as legal representative, about one
/// teacher per ten pupils, processing consents for most (a few await them), mentee requests and mentor competencies,
/// trained mentors with capacity — enough to run matching on. The demo logins mentor, mentee and parent are linked to
/// people of МБОУ: Романовская СОШ. Idempotent: a school that already has the demo programme is left as it is.
/// Runs after <see cref="DemoData.EnsureAsync"/>, which makes the schools.
/// </summary>
public static class PeopleDemo
{
    public const string ProgramName = "Программа наставничества 2026/2027";
    public const string LinkedSchool = "МБОУ: Романовская СОШ";
    private static readonly string[] DemoRegions = ["Ростовская область", "Ставропольский край", "Московская область"];
    private static readonly DateOnly YearStart = new(2026, 9, 1);

    public static async Task LoadAsync(NastavnikDb db, TextWriter log)
    {
        var schools = await db.Organizations.Where(o => o.Type == OrganizationType.School && DemoRegions.Contains(o.Region.Name))
            .OrderBy(o => o.Id).ToListAsync();
        var topics = await db.Topics.Where(t => t.RegionId == null && t.OrganizationId == null && t.Family == ModelFamily.Learners && t.IsActive)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var teacherTopics = await db.Topics.Where(t => t.RegionId == null && t.OrganizationId == null && t.Family == ModelFamily.Teachers && t.IsActive)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var fixedUp = await FixFormsAsync(db);
        var total = 0;
        foreach (var school in schools)
        {
            if (await db.Programs.AnyAsync(p => p.OrganizationId == school.Id && p.Name == ProgramName)) continue;
            total += Generate(db, school, topics, teacherTopics);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var linked = await LinkLoginsAsync(db);
        log.WriteLine(total > 0
            ? $"Demo people loaded: {total} people in {schools.Count} schools; {linked} demo logins linked."
            : $"Demo people already loaded; {linked} demo logins linked.");
        if (fixedUp > 0) log.WriteLine($"Demo programmes moved to the seeded form codes: {fixedUp}.");
    }

    /// <summary>
    /// Earlier demo data named a form «teacher_pupil», which is not a seeded code: the programmes get «ученик – ученик»
    /// and «учитель – учитель», and the teachers' mentor profiles the latter. Idempotent.
    /// </summary>
    private static async Task<int> FixFormsAsync(NastavnikDb db)
    {
        var programs = await db.Programs.Where(p => p.Name == ProgramName && p.Forms.Contains("teacher_pupil")).ToListAsync();
        foreach (var program in programs) program.Forms = [.. Forms];
        var ids = programs.Select(p => p.Id).ToArray();
        var mentors = await db.MentorProfiles.Where(m => ids.Contains(m.ProgramId) && m.AllowedForms.Contains("teacher_pupil")).ToListAsync();
        foreach (var mentor in mentors) mentor.AllowedForms = ["teacher_teacher"];
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return programs.Count;
    }

    /// <summary>The demo programme's forms: pupils mentor younger pupils, experienced teachers mentor young ones.</summary>
    private static readonly string[] Forms = ["pupil_pupil", "teacher_teacher"];

    /// <summary>Adds one school's programme and people to the context (saved by the caller); returns the number of people.</summary>
    private static int Generate(NastavnikDb db, Organization school, List<long> topics, List<long> teacherTopics)
    {
        var rnd = new Random(StableSeed(school.ShortName));
        var program = new MentoringProgram
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Name = ProgramName, Family = ModelFamily.Learners,
            PeriodStart = YearStart, PeriodEnd = new DateOnly(2027, 8, 31), Forms = [.. Forms],
            DeliveryModes = ["traditional", "group"],
        };
        db.Programs.Add(program);
        var people = new List<Person>();
        var maxGrade = school.ShortName.Contains("ООШ") ? 9 : 11;
        var pupils = new List<Person>();
        for (var grade = 1; grade <= maxGrade; grade++)
        {
            var letters = rnd.Next(100) < 40 ? 2 : 1;
            for (var l = 0; l < letters; l++)
            {
                var className = $"{grade}{"АБВ"[l]}";
                var size = rnd.Next(8, 14);
                for (var k = 0; k < size; k++) pupils.Add(Pupil(rnd, school, grade, className));
            }
        }
        if (school.ShortName == LinkedSchool)
        {
            // The demo logins' people: Миронова Алина Игоревна (8А) and her mother; the teacher Ковалёв Дмитрий Сергеевич.
            var alina = pupils.First(p => p.Grade == 8);
            alina.LastName = "Миронова"; alina.FirstName = "Алина"; alina.MiddleName = "Игоревна"; alina.Sex = Sex.F;
            alina.Status = PersonStatus.Active;
        }
        foreach (var pupil in pupils)
        {
            var parent = ParentOf(rnd, school, pupil);
            people.Add(pupil);
            people.Add(parent);
            if (pupil.Status == PersonStatus.Active)
            {
                parent.Status = PersonStatus.Active;
                var given = YearStart.AddDays(rnd.Next(0, 20));
                parent.Consents.Add(SelfConsent(school, ConsentPurpose.Processing, given));
                pupil.Consents.Add(new Consent
                {
                    RegionId = school.RegionId, OrganizationId = school.Id, Purpose = ConsentPurpose.Processing,
                    Signer = ConsentSigner.Representative, Representative = parent, Authority = "parent", GivenOn = given,
                    FormVersion = "2026-1", DocumentNumber = $"ПД-{rnd.Next(1000, 9999)}",
                });
                // From 14 the pupil signs too.
                if (pupil.BirthDate is { } b && b.AddYears(14) <= given) pupil.Consents.Add(SelfConsent(school, ConsentPurpose.Processing, given));
            }
        }
        var teachers = new List<Person>();
        var teacherCount = Math.Max(8, pupils.Count / 10);
        for (var i = 0; i < teacherCount; i++) teachers.Add(Teacher(rnd, school));
        if (school.ShortName == LinkedSchool)
        {
            var t = teachers[0];
            t.LastName = "Ковалёв"; t.FirstName = "Дмитрий"; t.MiddleName = "Сергеевич"; t.Sex = Sex.M; t.Status = PersonStatus.Active;
            t.Position = "Учитель математики"; t.Subjects = "Математика"; t.ExperienceStart = new DateOnly(2008, 9, 1);
            t.Consents.Clear();
            t.Consents.Add(SelfConsent(school, ConsentPurpose.Processing, YearStart));
            t.Consents.Add(SelfConsent(school, ConsentPurpose.ExtraDuties, YearStart));
        }
        people.AddRange(teachers);
        db.People.AddRange(people);

        if (topics.Count > 0)
        {
            var isLinked = school.ShortName == LinkedSchool;
            var menteeCandidates = pupils.Where(p => p.Status == PersonStatus.Active && p.Grade >= 2).ToList();
            foreach (var pupil in menteeCandidates.Where(p => rnd.Next(100) < 35 || (isLinked && p.LastName == "Миронова" && p.FirstName == "Алина")).ToList())
            {
                var chosen = Pick(rnd, topics, rnd.Next(1, 4));
                // The subject a pupil asks help with (and, below, the ones a pupil mentor is strong in) feed the matcher's «предмет».
                if (rnd.Next(100) < 50) pupil.Subjects = PupilSubjects[rnd.Next(PupilSubjects.Length)];
                db.MenteeProfiles.Add(new MenteeProfile
                {
                    Person = pupil, Program = program, RegionId = school.RegionId, OrganizationId = school.Id,
                    KeyTopicId = chosen[0], ExtraTopicIds = chosen.Skip(1).ToArray(), Source = Sources[rnd.Next(Sources.Length)],
                    EntryDate = YearStart.AddDays(rnd.Next(5, 40)), Status = ParticipationStatus.Admitted,
                    RequestText = rnd.Next(100) < 30 ? "Хочу лучше понимать предмет и увереннее выступать" : "",
                    Availability = rnd.Next(100) < 75 ? MenteeAvailability[rnd.Next(MenteeAvailability.Length)] : "",
                });
            }
            // «Учитель – учитель»: a few young specialists of the school are mentees of experienced colleagues.
            var young = teachers.Skip(1).Where(t => t.Status == PersonStatus.Active).Take(3).ToList();
            foreach (var t in young)
            {
                t.BirthDate = new DateOnly(2000 + rnd.Next(0, 4), 1, 1).AddDays(rnd.Next(365));
                t.ExperienceStart = YearStart.AddYears(-rnd.Next(0, 3));
                var chosen = teacherTopics.Count > 0 ? Pick(rnd, teacherTopics, rnd.Next(1, 3)) : Pick(rnd, topics, 1);
                db.MenteeProfiles.Add(new MenteeProfile
                {
                    Person = t, Program = program, RegionId = school.RegionId, OrganizationId = school.Id,
                    KeyTopicId = chosen[0], ExtraTopicIds = chosen.Skip(1).ToArray(), Source = RequestSource.Administration,
                    EntryDate = YearStart.AddDays(rnd.Next(5, 20)), Status = ParticipationStatus.Admitted,
                    RequestText = "Молодой специалист: методика урока, работа с классом", Availability = "вт, чт после 15:00",
                });
            }
            // Романовская СОШ is where the demo logins work: its programme gets enough admitted pupil mentors that a
            // matching run gives a sensible proposal.
            var pupilMentorShare = isLinked ? 70 : 25;
            var mentorCandidates = teachers.Where(t => t.Status == PersonStatus.Active && !young.Contains(t) && (rnd.Next(100) < 65 || t == teachers[0]))
                .Concat(pupils.Where(p => p.Status == PersonStatus.Active && p.Grade >= 9 && rnd.Next(100) < pupilMentorShare)).ToList();
            foreach (var m in mentorCandidates)
            {
                var isTeacher = m.Kind == PersonKind.Teacher;
                var trained = isTeacher ? rnd.Next(100) < 75 || m == teachers[0] : rnd.Next(100) < (isLinked ? 90 : 60);
                if (!isTeacher)
                {
                    m.Subjects = string.Join(", ", Pick(rnd, [.. Enumerable.Range(0, PupilSubjects.Length).Select(i => (long)i)], rnd.Next(1, 3))
                    .Select(i => PupilSubjects[i]));
                }

                var competencies = isTeacher && teacherTopics.Count > 0
                    ? Pick(rnd, teacherTopics, rnd.Next(1, 4)).Concat(Pick(rnd, topics, rnd.Next(0, 2))).ToArray()
                    : Pick(rnd, topics, rnd.Next(1, 4)).ToArray();
                db.MentorProfiles.Add(new MentorProfile
                {
                    Person = m, Program = program, RegionId = school.RegionId, OrganizationId = school.Id,
                    CompetencyTopicIds = competencies,
                    Interests = Interests[rnd.Next(Interests.Length)], Availability = Availability[rnd.Next(Availability.Length)],
                    HoursPerMonth = isTeacher ? rnd.Next(4, 13) : rnd.Next(2, 7),
                    Capacity = isTeacher ? rnd.Next(2, 6) : rnd.Next(1, 4),
                    DesiredAgeMin = isTeacher ? 21 : 7, DesiredAgeMax = isTeacher ? 40 : m.Grade!.Value + 4,
                    AllowedForms = [isTeacher ? "teacher_teacher" : "pupil_pupil"],
                    Source = isTeacher ? "teachers" : "learners",
                    Status = trained ? ParticipationStatus.Admitted : ParticipationStatus.Candidate,
                    InterviewDate = YearStart.AddDays(rnd.Next(3, 15)),
                    ScreeningDone = trained
                        ? (isTeacher ? ["interview", "training", "consent", "extra_duties"] : ["interview", "training", "consent"])
                        : ["interview"],
                    TrainingCourse = trained ? "Школа наставника: основы наставнической деятельности" : "",
                    TrainingProvider = trained ? "Региональный центр непрерывного повышения профессионального мастерства" : "",
                    TrainingHours = trained ? (isTeacher ? 36m : 16m) : null,
                    TrainingCompletedOn = trained ? YearStart.AddDays(rnd.Next(10, 30)) : null,
                });
            }
        }
        return people.Count;
    }

    /// <summary>Links the logins mentor, mentee and parent to their people in Романовская СОШ (unless already linked).</summary>
    private static async Task<int> LinkLoginsAsync(NastavnikDb db)
    {
        var school = await db.Organizations.Where(o => o.ShortName == LinkedSchool).Select(o => (long?)o.Id).FirstOrDefaultAsync();
        if (school is null) return 0;
        var alina = await db.People.Where(p => p.OrganizationId == school && p.Kind == PersonKind.Pupil && p.LastName == "Миронова" && p.FirstName == "Алина")
            .OrderBy(p => p.Id).FirstOrDefaultAsync();
        var mother = alina is null ? null : await db.LegalRepresentatives.Where(r => r.ChildId == alina.Id).Select(r => r.Representative).FirstOrDefaultAsync();
        var mentor = await db.People.Where(p => p.OrganizationId == school && p.Kind == PersonKind.Teacher && p.LastName == "Ковалёв" && p.FirstName == "Дмитрий")
            .OrderBy(p => p.Id).FirstOrDefaultAsync();
        var links = new Dictionary<string, Person?> { ["mentee"] = alina, ["parent"] = mother, ["mentor"] = mentor };
        var count = 0;
        foreach (var (login, person) in links)
        {
            if (person is null) continue;
            var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == login);
            if (user is null) continue;
            if (user.PersonId is null) user.PersonId = person.Id;
            if (user.PersonId == person.Id) count++;
        }
        await db.SaveChangesAsync();
        return count;
    }

    private static Person Pupil(Random rnd, Organization school, int grade, string className)
    {
        var sex = rnd.Next(2) == 0 ? Sex.M : Sex.F;
        var father = Fathers[rnd.Next(Fathers.Length)];
        var surname = Surnames[rnd.Next(Surnames.Length)];
        // Grade 1 in September 2026: born from 01.09.2018 to 31.08.2019.
        var born = new DateOnly(2018 - (grade - 1), 9, 1).AddDays(rnd.Next(365));
        var categories = new List<string>();
        if (rnd.Next(100) < 4) categories.Add("gifted");
        if (rnd.Next(100) < 3) categories.Add("ovz");
        if (rnd.Next(100) < 5) categories.Add("low_income");
        return new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Pupil, Sex = sex,
            LastName = sex == Sex.M ? surname : Feminine(surname),
            FirstName = sex == Sex.M ? Boys[rnd.Next(Boys.Length)] : Girls[rnd.Next(Girls.Length)],
            MiddleName = sex == Sex.M ? father.Son : father.Daughter,
            BirthDate = born, ClassName = className, Grade = grade, SpecialCategories = categories,
            Status = rnd.Next(100) < 90 ? PersonStatus.Active : PersonStatus.AwaitingConsent,
        };
    }

    private static Person ParentOf(Random rnd, Organization school, Person pupil)
    {
        var mother = rnd.Next(100) < 75;
        var surnameM = pupil.Sex == Sex.M ? pupil.LastName : Masculine(pupil.LastName);
        var fatherName = Fathers.FirstOrDefault(f => f.Son == pupil.MiddleName || f.Daughter == pupil.MiddleName) ?? Fathers[0];
        var grandfather = Fathers[rnd.Next(Fathers.Length)];
        var born = pupil.BirthDate!.Value.AddYears(-rnd.Next(23, 40)).AddDays(-rnd.Next(365));
        var parent = new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Parent,
            Sex = mother ? Sex.F : Sex.M,
            LastName = mother ? Feminine(surnameM) : surnameM,
            FirstName = mother ? Women[rnd.Next(Women.Length)] : fatherName.Name,
            MiddleName = mother ? grandfather.Daughter : grandfather.Son,
            BirthDate = born, Phone = $"+7 9{rnd.Next(10, 99)} {rnd.Next(100, 999)}-{rnd.Next(10, 99)}-{rnd.Next(10, 99)}",
            Status = PersonStatus.AwaitingConsent,
        };
        if (pupil.LastName == "Миронова" && pupil.FirstName == "Алина")
        {
            parent.LastName = "Миронова"; parent.FirstName = "Елена"; parent.MiddleName = "Викторовна"; parent.Sex = Sex.F; mother = true;
        }
        pupil.Representatives.Add(new LegalRepresentative { Representative = parent, Relationship = mother ? Relationship.Mother : Relationship.Father });
        return parent;
    }

    private static Person Teacher(Random rnd, Organization school)
    {
        var sex = rnd.Next(100) < 80 ? Sex.F : Sex.M;
        var father = Fathers[rnd.Next(Fathers.Length)];
        var surname = Surnames[rnd.Next(Surnames.Length)];
        var (position, subjects) = Positions[rnd.Next(Positions.Length)];
        var born = new DateOnly(1962 + rnd.Next(0, 42), 1, 1).AddDays(rnd.Next(365));
        var earliestStart = born.AddYears(22);
        var span = Math.Max(1, YearStart.DayNumber - earliestStart.DayNumber);
        var teacher = new Person
        {
            RegionId = school.RegionId, OrganizationId = school.Id, Kind = PersonKind.Teacher, Sex = sex,
            LastName = sex == Sex.M ? surname : Feminine(surname),
            FirstName = sex == Sex.M ? Fathers[rnd.Next(Fathers.Length)].Name : Women[rnd.Next(Women.Length)],
            MiddleName = sex == Sex.M ? father.Son : father.Daughter,
            BirthDate = born, Position = position, Subjects = subjects,
            ExperienceStart = earliestStart.AddDays(rnd.Next(span)),
            Email = "", Status = rnd.Next(100) < 92 ? PersonStatus.Active : PersonStatus.AwaitingConsent,
        };
        if (teacher.Status == PersonStatus.Active)
        {
            var given = YearStart.AddDays(rnd.Next(0, 10));
            teacher.Consents.Add(SelfConsent(school, ConsentPurpose.Processing, given));
            teacher.Consents.Add(SelfConsent(school, ConsentPurpose.ExtraDuties, given));
        }
        return teacher;
    }

    private static Consent SelfConsent(Organization school, ConsentPurpose purpose, DateOnly given) => new()
    {
        RegionId = school.RegionId, OrganizationId = school.Id, Purpose = purpose, Signer = ConsentSigner.Self,
        GivenOn = given, FormVersion = "2026-1",
    };

    private static List<long> Pick(Random rnd, List<long> from, int count) =>
        from.OrderBy(_ => rnd.Next()).Take(Math.Min(count, from.Count)).ToList();

    /// <summary>A seed that does not change between runs (string.GetHashCode does).</summary>
    private static int StableSeed(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }

    /// <summary>The feminine form of a surname: Иванов → Иванова, Никитин → Никитина, Покровский → Покровская; Коваленко stays.</summary>
    public static string Feminine(string surname) =>
        surname.EndsWith("ий") && (surname.EndsWith("ский") || surname.EndsWith("цкий")) ? surname[..^2] + "ая"
        : surname.EndsWith("ов") || surname.EndsWith("ев") || surname.EndsWith("ёв") || surname.EndsWith("ин") || surname.EndsWith("ын") ? surname + "а"
        : surname;

    private static string Masculine(string feminine) =>
        Surnames.FirstOrDefault(s => Feminine(s) == feminine) ?? feminine;

    private sealed record Father(string Name, string Son, string Daughter);

    private static readonly Father[] Fathers =
    [
        new("Александр", "Александрович", "Александровна"), new("Алексей", "Алексеевич", "Алексеевна"),
        new("Андрей", "Андреевич", "Андреевна"), new("Антон", "Антонович", "Антоновна"), new("Артём", "Артёмович", "Артёмовна"),
        new("Владимир", "Владимирович", "Владимировна"), new("Дмитрий", "Дмитриевич", "Дмитриевна"),
        new("Евгений", "Евгеньевич", "Евгеньевна"), new("Иван", "Иванович", "Ивановна"), new("Игорь", "Игоревич", "Игоревна"),
        new("Илья", "Ильич", "Ильинична"), new("Кирилл", "Кириллович", "Кирилловна"), new("Максим", "Максимович", "Максимовна"),
        new("Михаил", "Михайлович", "Михайловна"), new("Николай", "Николаевич", "Николаевна"), new("Олег", "Олегович", "Олеговна"),
        new("Павел", "Павлович", "Павловна"), new("Роман", "Романович", "Романовна"), new("Сергей", "Сергеевич", "Сергеевна"),
        new("Юрий", "Юрьевич", "Юрьевна"), new("Виктор", "Викторович", "Викторовна"), new("Константин", "Константинович", "Константиновна"),
        new("Никита", "Никитич", "Никитична"), new("Денис", "Денисович", "Денисовна"), new("Василий", "Васильевич", "Васильевна"),
    ];

    private static readonly string[] Boys =
    [
        "Александр", "Максим", "Артём", "Михаил", "Даниил", "Иван", "Кирилл", "Егор", "Матвей", "Тимофей", "Никита", "Дмитрий",
        "Илья", "Арсений", "Марк", "Лев", "Фёдор", "Степан", "Глеб", "Роман",
    ];

    private static readonly string[] Girls =
    [
        "Анна", "Мария", "Софья", "Алиса", "Виктория", "Полина", "Дарья", "Варвара", "Ксения", "Елизавета", "Вероника",
        "Александра", "Екатерина", "Арина", "Ульяна", "Милана", "Таисия", "Валерия", "Кира", "Василиса",
    ];

    private static readonly string[] Women =
    [
        "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Анна", "Марина", "Екатерина", "Людмила", "Оксана",
        "Галина", "Надежда", "Виктория", "Евгения", "Анастасия", "Мария",
    ];

    private static readonly string[] Surnames =
    [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов",
        "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев",
        "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
        "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
        "Поляков", "Сорокин", "Виноградов", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
        "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков",
        "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев",
        "Данилов", "Савельев", "Фомин", "Чернов", "Щербаков", "Калинин", "Покровский", "Никольский", "Козловский", "Шевченко",
        "Коваленко", "Бондаренко", "Ткаченко", "Лысенко", "Мельник", "Шевчук", "Литвиненко", "Савченко",
    ];

    private static readonly (string Position, string Subjects)[] Positions =
    [
        ("Учитель математики", "Математика"), ("Учитель русского языка и литературы", "Русский язык, литература"),
        ("Учитель начальных классов", "Начальные классы"), ("Учитель английского языка", "Английский язык"),
        ("Учитель истории и обществознания", "История, обществознание"), ("Учитель физики", "Физика"),
        ("Учитель химии и биологии", "Химия, биология"), ("Учитель информатики", "Информатика"), ("Учитель географии", "География"),
        ("Учитель физической культуры", "Физическая культура"), ("Учитель музыки", "Музыка"), ("Учитель технологии", "Технология"),
        ("Педагог-психолог", ""), ("Социальный педагог", ""), ("Педагог дополнительного образования", "Робототехника"),
    ];

    private static readonly RequestSource[] Sources =
    [
        RequestSource.Self, RequestSource.Self, RequestSource.ClassTeacher, RequestSource.ClassTeacher, RequestSource.Psychologist,
        RequestSource.SocialTeacher, RequestSource.Parents, RequestSource.Diagnostics,
    ];

    private static readonly string[] Interests =
    [
        "шахматы, чтение", "туризм, краеведение", "робототехника, программирование", "театр, музыка", "спорт, футбол",
        "волонтёрство", "рисование, дизайн", "исследовательские проекты", "история родного края", "финансовая грамотность",
    ];

    private static readonly string[] PupilSubjects =
    [
        "Математика", "Русский язык", "Физика", "Информатика", "Английский язык", "Биология", "История", "Химия",
    ];

    private static readonly string[] MenteeAvailability =
    [
        "пн, ср после 14:00", "вт, чт после 15:00", "пт после уроков", "ср 15:00–17:00", "пн–пт после 14:30", "сб до 13:00",
    ];

    private static readonly string[] Availability =
    [
        "пн, ср после 14:00", "вт, чт после 15:00", "пт после уроков", "сб до 13:00", "ср 15:00–17:00", "вт, пт 14:30–16:00",
    ];
}

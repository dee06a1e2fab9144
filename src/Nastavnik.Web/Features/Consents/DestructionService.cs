using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// Destroys the personal data of people whose consent was withdrawn (DOMAIN.md §9.6): once a person has been blocked for
/// <see cref="Settings.DestroyAfterDays"/> days their personal fields are erased, consent scans and card history
/// deleted, the status set to «данные уничтожены» and an «акт об уничтожении персональных данных» written — one
/// transaction per person. The person row and profiles stay (profiles «выбыл»), so depersonalised counts stay correct.
/// Several web nodes may run this: a PostgreSQL advisory lock lets one of them work at a time.
/// </summary>
public sealed class DestructionService(IServiceScopeFactory scopes, IOptions<DestructionService.Settings> settings, TimeProvider clock,
    ILogger<DestructionService> log) : BackgroundService
{
    /// <summary>Bound from <c>Nastavnik:Consents</c>.</summary>
    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;
        public double IntervalMinutes { get; set; } = 60;
        /// <summary>Days a withdrawn person stays blocked before destruction (152-ФЗ: within 30). 0 = at the next run.</summary>
        public int DestroyAfterDays { get; set; } = 30;
    }

    /// <summary>What the act lists as destroyed.</summary>
    public const string DestroyedFields = "фамилия, имя, отчество; дата рождения; пол; телефон; e-mail; класс; должность; предметы; "
        + "дата начала педагогического стажа; место учёбы; организация-партнёр; особые категории; сканы и номера документов согласий; "
        + "тексты запросов, результатов и анкет; история изменений карточки";

    public const string RepresentativeFields = "фамилия, имя, отчество; телефон; e-mail законного представителя; история изменений карточки";

    public const string Erased = "Удалено";

    /// <summary>Erases a person's personal fields and marks them destroyed; the row stays for counts.</summary>
    private static void Erase(Person person)
    {
        person.LastName = Erased;
        person.FirstName = Erased;
        person.MiddleName = "";
        person.BirthDate = null;
        person.Sex = null;
        person.Phone = "";
        person.Email = "";
        person.ClassName = "";
        person.Position = "";
        person.Subjects = "";
        person.ExperienceStart = null;
        person.College = "";
        person.PartnerId = null;
        person.SpecialCategories = [];
        person.Status = PersonStatus.Destroyed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        if (!s.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, s.IntervalMinutes)), clock);
        do
        {
            try
            {
                var count = await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                if (count > 0) log.LogInformation("Personal data destroyed for {Count} people after withdrawn consents", count);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Personal data destruction failed; the next run is in {Minutes} min", s.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run as of <paramref name="now"/>: how many people were destroyed (0 when another node holds the lock).</summary>
    public Task<int> RunOnceAsync(DateTimeOffset now) => RunOnceAsync(now, CancellationToken.None);

    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = now.AddDays(-Math.Max(0, settings.Value.DestroyAfterDays));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        // A session-level lock held for the whole run; released explicitly (or when the connection closes).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await db.Database.TryLockAsync(AdvisoryLocks.Destruction, ct)) return 0;
            try
            {
                var ids = await db.People.Where(p => p.Status == PersonStatus.Blocked && p.BlockedAt != null && p.BlockedAt <= due)
                    .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
                foreach (var id in ids) await DestroyAsync(db, id, now, ct);
                return ids.Count;
            }
            finally
            {
                await db.Database.UnlockAsync(AdvisoryLocks.Destruction, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task DestroyAsync(NastavnikDb db, long id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.People.Include(p => p.Consents).SingleAsync(p => p.Id == id, ct);
        if (person.Status != PersonStatus.Blocked) return;
        var withdrawn = person.Consents.Where(c => c.Purpose == ConsentPurpose.Processing && c.WithdrawnOn != null)
            .Max(c => c.WithdrawnOn) ?? MoscowTime.DateOf(person.BlockedAt!.Value);

        Erase(person);
        foreach (var consent in person.Consents)
        {
            consent.ScanContent = null;
            consent.ScanFileName = "";
            consent.DocumentNumber = "";
            consent.DistributionScope = "";
        }
        await db.MenteeProfiles.Where(m => m.PersonId == id).ForEachAsync(m =>
        {
            m.Status = ParticipationStatus.Left;
            m.RequestText = "";
            m.Results = "";
            m.CaseLink = "";
        }, ct);
        await db.MentorProfiles.Where(m => m.PersonId == id).ForEachAsync(m =>
        {
            m.Status = ParticipationStatus.Left;
            m.Achievements = "";
            m.Interests = "";
            m.Availability = "";
            m.InterviewNotes = "";
            m.Results = "";
            m.CaseLink = "";
        }, ct);
        var basis = $"Отзыв согласия от {withdrawn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
        db.DestructionActs.Add(new DestructionAct
        {
            PersonId = id, RegionId = person.RegionId, OrganizationId = person.OrganizationId, DestroyedAt = now,
            Fields = DestroyedFields, Basis = basis, UserId = null,
        });

        // A representative held only for this child (no other child, no participation or consents of their own) goes too.
        var representatives = await db.LegalRepresentatives.Where(r => r.ChildId == id)
            .Where(r => !db.LegalRepresentatives.Any(o => o.RepresentativeId == r.RepresentativeId && o.ChildId != id))
            .Where(r => !db.Consents.Any(c => c.PersonId == r.RepresentativeId))
            .Where(r => !db.MenteeProfiles.Any(m => m.PersonId == r.RepresentativeId) && !db.MentorProfiles.Any(m => m.PersonId == r.RepresentativeId))
            .Select(r => r.Representative).Where(r => r.Status != PersonStatus.Destroyed).ToListAsync(ct);
        foreach (var representative in representatives)
        {
            Erase(representative);
            db.DestructionActs.Add(new DestructionAct
            {
                PersonId = representative.Id, RegionId = representative.RegionId, OrganizationId = representative.OrganizationId,
                DestroyedAt = now, Fields = RepresentativeFields, Basis = $"{basis} (законный представитель записи № {id})", UserId = null,
            });
        }
        await db.SaveChangesAsync(ct);

        var erasedIds = representatives.Select(r => r.Id).Append(id).ToArray();
        await db.PersonChanges.Where(c => erasedIds.Contains(c.PersonId)).ExecuteDeleteAsync(ct);
        // Free-text answers may hold anything personal; choices and scales stay for the depersonalised figures.
        await db.ResponseAnswers
            .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.PersonId == id))
            .Where(a => db.InstrumentItems.Any(i => i.Id == a.ItemId && i.Kind == InstrumentItemKind.Text))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Value, ""), ct);
        await tx.CommitAsync(ct);
    }
}

public static class ConsentServices
{
    /// <summary>The destruction of withdrawn people's data (<c>Nastavnik:Consents</c>), a singleton hosted service.</summary>
    public static IServiceCollection AddConsentServices(this IServiceCollection s)
    {
        s.AddOptions<DestructionService.Settings>().BindConfiguration("Nastavnik:Consents");
        s.AddSingleton<DestructionService>();
        s.AddHostedService(sp => sp.GetRequiredService<DestructionService>());
        return s;
    }
}

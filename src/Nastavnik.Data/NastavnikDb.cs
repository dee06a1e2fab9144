using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Domain.People;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Data.Entities.People;
using Nastavnik.Data.Entities.Roadmaps;

namespace Nastavnik.Data;

public sealed class NastavnikDb(DbContextOptions<NastavnikDb> options, AuditActor? actor = null)
    : IdentityUserContext<User, long>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerMunicipality> PartnerMunicipalities => Set<PartnerMunicipality>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<RoadmapSection> RoadmapSections => Set<RoadmapSection>();
    public DbSet<RoadmapItem> RoadmapItems => Set<RoadmapItem>();
    public DbSet<RoadmapOccurrence> RoadmapOccurrences => Set<RoadmapOccurrence>();
    public DbSet<RoadmapEvidence> RoadmapEvidence => Set<RoadmapEvidence>();
    public DbSet<RoadmapStatusChange> RoadmapStatusChanges => Set<RoadmapStatusChange>();
    public DbSet<RoadmapItemComment> RoadmapItemComments => Set<RoadmapItemComment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<EmailMessage> EmailOutbox => Set<EmailMessage>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<LegalRepresentative> LegalRepresentatives => Set<LegalRepresentative>();
    public DbSet<PersonChange> PersonChanges => Set<PersonChange>();
    public DbSet<MentoringProgram> Programs => Set<MentoringProgram>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<MenteeProfile> MenteeProfiles => Set<MenteeProfile>();
    public DbSet<MentorProfile> MentorProfiles => Set<MentorProfile>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<DestructionAct> DestructionActs => Set<DestructionAct>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentItem> InstrumentItems => Set<InstrumentItem>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<ResponseAnswer> ResponseAnswers => Set<ResponseAnswer>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<MatchProposal> MatchProposals => Set<MatchProposal>();
    public DbSet<MatchChoice> MatchChoices => Set<MatchChoice>();
    public DbSet<MentoringGroup> MentoringGroups => Set<MentoringGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<ContactLog> ContactLogs => Set<ContactLog>();
    public DbSet<ProblemReport> ProblemReports => Set<ProblemReport>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<TrainingParticipant> TrainingParticipants => Set<TrainingParticipant>();
    public DbSet<Recognition> Recognitions => Set<Recognition>();
    public DbSet<AccessCode> AccessCodes => Set<AccessCode>();
    public DbSet<FinalEvent> FinalEvents => Set<FinalEvent>();
    public DbSet<PairWatch> PairWatch => Set<PairWatch>();
    public DbSet<WatchTotal> WatchTotals => Set<WatchTotal>();

    /// <summary>
    /// Accounts that may sign in and act: switched on, and not the login of a participant whose data may no longer be
    /// processed (consent withdrawn — blocked — or destroyed, 152-ФЗ). The one rule behind password and code sign-in and
    /// the check of every request's cookie.
    /// </summary>
    public IQueryable<User> UsableUsers => Users.Where(u => u.IsActive
        && (u.PersonId == null || People.Where(Scoping.IsProcessable).Any(p => p.Id == u.PersonId)));

    /// <summary>Who is acting: the signed-in user on the web, the OS user in the CLI. Filled into every audit entry.</summary>
    public AuditActor Actor { get; } = actor ?? AuditActor.System;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(NastavnikDb).Assembly);
        UseSnakeCaseNames(b);
    }

    // EFCore.NamingConventions does not restore here, so the one naming rule is applied by hand:
    // plural snake_case tables (Identity's AspNetUsers → users) and snake_case columns, keys and indexes.
    private static void UseSnakeCaseNames(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            var table = entity.ClrType.Name switch
            {
                nameof(User) => "users",
                "IdentityUserClaim`1" => "user_claims",
                "IdentityUserLogin`1" => "user_logins",
                "IdentityUserToken`1" => "user_tokens",
                nameof(Municipality) => "municipalities",
                nameof(PartnerMunicipality) => "partner_municipalities",
                nameof(AuditEntry) => "audit_entries",
                nameof(RoadmapEvidence) => "roadmap_evidence",
                nameof(EmailMessage) => "email_outbox",
                nameof(Person) => "people",
                nameof(MentoringProgram) => "programs",
                nameof(Feedback) => "feedback",
                nameof(PairWatch) => "pair_watch",
                _ => SnakeCase.From(entity.ClrType.Name) + "s",
            };
            entity.SetTableName(table);
            var id = StoreObjectIdentifier.Table(table, null);
            foreach (var property in entity.GetProperties())
            {
                // Npgsql maps a uint row version to the system column xmin; leave its name alone.
                if (property.GetColumnName(id) == "xmin") continue;
                property.SetColumnName(SnakeCase.From(property.Name));
            }
            foreach (var key in entity.GetKeys()) key.SetName(SnakeCase.From(key.GetName() ?? ""));
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName(SnakeCase.From(fk.GetConstraintName() ?? ""));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(SnakeCase.From(index.GetDatabaseName() ?? ""));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: every change is audited in the same transaction.");

    /// <summary>
    /// Saves and writes one audit entry per created, changed or deleted row, in the same transaction: the one
    /// mechanism that makes "every change is audited" hold without each page remembering to do it.
    /// Only the names of changed fields are logged, never their values, so the log holds no personal data.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey)
            .Select(e => new PendingChange(e, e.State, ChangedFields(e), e.State == EntityState.Deleted ? RegionOf(e) : null))
            .ToList();
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            foreach (var change in changes)
            {
                // Keys and foreign keys of new rows are known only now (a new school's region_id comes from its
                // new region's identity), so the region is read after the save; a deleted row's before it.
                AuditEntries.Add(Actor.Entry(change.Action, change.Entry.Metadata.ClrType.Name, KeyOf(change.Entry),
                    change.State == EntityState.Deleted ? change.RegionId : RegionOf(change.Entry), change.Fields));
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Writes audit entries for reads and exports of personal data; saved at once.</summary>
    public async Task AuditAsync(AuditAction action, string entityType, string entityId, long? regionId, string details = "",
        CancellationToken ct = default)
    {
        AuditEntries.Add(Actor.Entry(action, entityType, entityId, regionId, details));
        await base.SaveChangesAsync(true, ct);
    }

    /// <summary>
    /// One entry per view of a page that lists people (or pairs of people): how many rows it showed and their ids,
    /// never their names. The ids go to entity_id, so the audit page's id filter finds every view of a record.
    /// </summary>
    public Task AuditListAsync(string entityType, IReadOnlyCollection<long> ids, long? regionId, string what, CancellationToken ct = default) =>
        AuditAsync(AuditAction.Read, entityType, string.Join(",", ids), regionId, $"{what}: {ids.Count}", ct);

    /// <summary>
    /// Writes a sign-in event for a known account: during the sign-in request the user is not yet the request's
    /// principal, so who it was is stated here, filed under the account's home region for its administrators.
    /// </summary>
    public async Task AuditSignInAsync(AuditAction action, User user, CancellationToken ct = default)
    {
        var region = await RoleAssignments.Where(a => a.UserId == user.Id && a.RegionId != null)
            .OrderBy(a => a.Id).Select(a => a.RegionId).FirstOrDefaultAsync(ct);
        var entry = Actor.Entry(action, nameof(User), user.Id.ToString(), region, "");
        entry.UserId = user.Id;
        entry.UserName = "";
        AuditEntries.Add(entry);
        await base.SaveChangesAsync(true, ct);
    }

    private sealed record PendingChange(EntityEntry Entry, EntityState State, string Fields, long? RegionId)
    {
        public AuditAction Action => State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Deleted => AuditAction.Delete,
            _ => AuditAction.Update,
        };
    }

    private static string ChangedFields(EntityEntry e) => e.State == EntityState.Modified
        ? string.Join(", ", e.Properties.Where(p => p.IsModified && p.Metadata.GetColumnName() != "xmin").Select(p => p.Metadata.Name))
        : "";

    private static long? RegionOf(EntityEntry e) =>
        e.Metadata.FindProperty("RegionId") is { } p ? (long?)e.Property(p.Name).CurrentValue : null;

    private static string KeyOf(EntityEntry e) =>
        string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));
}

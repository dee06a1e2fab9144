using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;

namespace Nastavnik.Domain.Access;

/// <summary>The state of a one-time sign-in code as the curator sees it.</summary>
public enum CodeState { Active, Used, Revoked, Expired }

/// <summary>
/// One-time codes for pupils without e-mail: when a code may still be used, what the curator is told about it, and
/// when a new code may be issued or an old one revoked.
/// </summary>
public static class AccessCodeRules
{
    public const string AlreadyUsed = "Код уже использован: отозвать можно только неиспользованный код. Чтобы сменить пароль, выдайте новый код.";
    public const string AlreadyRevoked = "Код уже отозван";
    public const string AlreadyExpired = "Срок действия кода уже истёк: отзывать нечего";
    public const string NoConsent = "Нет действующего согласия на обработку персональных данных: код не выдан";
    public const string Blocked = "Обработка данных участника заблокирована (согласие отозвано): код не выдан";
    public const string Destroyed = "Данные участника уничтожены: код не выдан";
    public const string AccountDisabled = "Учётная запись отключена администратором: код не выдан";
    public const string StaffAccount = "У учётной записи есть служебные роли: её пароль восстанавливает администратор, код не выдан";

    /// <summary>
    /// The roles of the self-service accounts a curator may give codes to. An account that also holds a staff role (a
    /// teacher who mentors and is the curator) is not: a code would let the curator take over a colleague's rights.
    /// </summary>
    public static readonly IReadOnlySet<Role> ParticipantRoles = new HashSet<Role> { Role.Mentor, Role.Mentee, Role.LegalRepresentative };

    /// <summary>A used code stays «использован» even if it later expires; an unused one is revoked or expired or still valid.</summary>
    public static CodeState StateOf(DateTimeOffset expiresAt, DateTimeOffset? usedAt, DateTimeOffset? revokedAt, DateTimeOffset now) =>
        usedAt is not null ? CodeState.Used
        : revokedAt is not null ? CodeState.Revoked
        : expiresAt <= now ? CodeState.Expired
        : CodeState.Active;

    /// <summary>«действует до 05.12.2026», «использован 21.11.2026», «отозван», «истёк» (dates in Moscow time).</summary>
    public static string Describe(CodeState state, DateTimeOffset expiresAt, DateTimeOffset? usedAt) => state switch
    {
        CodeState.Active => $"действует до {MoscowTime.From(expiresAt):dd.MM.yyyy}",
        CodeState.Used => $"использован {MoscowTime.From(usedAt!.Value):dd.MM.yyyy}",
        CodeState.Revoked => "отозван",
        _ => "истёк",
    };

    /// <summary>Why a code cannot be revoked, or null when it can (only a code that could still be used).</summary>
    public static string? RevokeRefusal(CodeState state) => state switch
    {
        CodeState.Used => AlreadyUsed,
        CodeState.Revoked => AlreadyRevoked,
        CodeState.Expired => AlreadyExpired,
        _ => null,
    };

    /// <summary>
    /// Why no new code may be issued, or null when it may: a participant's account (no staff role), the person's data may
    /// be processed (a valid consent, not blocked by a withdrawal, not destroyed) and the account is not disabled.
    /// </summary>
    public static string? IssueRefusal(PersonStatus person, bool accountActive, IEnumerable<Role> accountRoles) => person switch
    {
        _ when !accountRoles.All(ParticipantRoles.Contains) => StaffAccount,
        PersonStatus.Blocked => Blocked,
        PersonStatus.Destroyed => Destroyed,
        PersonStatus.AwaitingConsent => NoConsent,
        _ => accountActive ? null : AccountDisabled,
    };
}

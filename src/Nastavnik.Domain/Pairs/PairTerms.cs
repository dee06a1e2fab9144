namespace Nastavnik.Domain.Pairs;

public enum GroupStatus { Active, Paused, Closed }

public enum MemberRole { Mentor, Mentee }

public static class PairTerms
{
    public static string Title(this GroupStatus status) => status switch
    {
        GroupStatus.Active => "Действует",
        GroupStatus.Paused => "Приостановлена",
        GroupStatus.Closed => "Завершена",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this MemberRole role) => role switch
    {
        MemberRole.Mentor => "Наставник",
        MemberRole.Mentee => "Наставляемый",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

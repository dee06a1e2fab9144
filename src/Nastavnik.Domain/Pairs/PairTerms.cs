namespace Nastavnik.Domain.Pairs;

public enum GroupStatus { Active, Paused, Closed }

public enum MemberRole { Mentor, Mentee }

/// <summary>The meeting sequence of DOMAIN.md §4, in order.</summary>
public enum MeetingType { Introduction, Trial, Planning, Regular, Final }

public enum MeetingFormat { InPerson, Online }

/// <summary>The outcome of the «пробная рабочая встреча».</summary>
public enum MeetingOutcome { None, Confirmed, Reform }

public enum ContactChannel { Meeting, Call, Message }

public enum ContactWith { Mentor, Mentee, Representative }

public enum ContactNature { Planned, Problem, Support, Closure }

public enum ClosureKind { None, Planned, Early }

public enum ClosureReason { None, GoalReached, Relocation, MenteeRefused, MentorRefused, Conflict, Illness, Other, ConsentWithdrawn }

public enum RecognitionKind { Gratitude, Certificate, Order }

public static class PairTerms
{
    public static string Title(this GroupStatus status) => status switch
    {
        GroupStatus.Active => "Действует",
        GroupStatus.Paused => "Приостановлена",
        GroupStatus.Closed => "Завершена",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this MeetingType type) => type switch
    {
        MeetingType.Introduction => "Встреча-знакомство",
        MeetingType.Trial => "Пробная рабочая встреча",
        MeetingType.Planning => "Встреча-планирование",
        MeetingType.Regular => "Регулярная встреча",
        MeetingType.Final => "Итоговая встреча",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Title(this MeetingFormat format) => format switch
    {
        MeetingFormat.InPerson => "Очно",
        MeetingFormat.Online => "Онлайн",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Title(this MeetingOutcome outcome) => outcome switch
    {
        MeetingOutcome.None => "",
        MeetingOutcome.Confirmed => "Пара подтверждена",
        MeetingOutcome.Reform => "Требуется переформирование",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Title(this ContactChannel channel) => channel switch
    {
        ContactChannel.Meeting => "Встреча",
        ContactChannel.Call => "Звонок",
        ContactChannel.Message => "Сообщение",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static string Title(this ContactWith with) => with switch
    {
        ContactWith.Mentor => "Наставник",
        ContactWith.Mentee => "Наставляемый",
        ContactWith.Representative => "Законный представитель",
        _ => throw new ArgumentOutOfRangeException(nameof(with)),
    };

    public static string Title(this ContactNature nature) => nature switch
    {
        ContactNature.Planned => "Плановый",
        ContactNature.Problem => "Проблема",
        ContactNature.Support => "Поддержка",
        ContactNature.Closure => "Завершение",
        _ => throw new ArgumentOutOfRangeException(nameof(nature)),
    };

    public static string Title(this ClosureKind kind) => kind switch
    {
        ClosureKind.None => "",
        ClosureKind.Planned => "Плановое завершение",
        ClosureKind.Early => "Досрочное завершение",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Title(this ClosureReason reason) => reason switch
    {
        ClosureReason.None => "",
        ClosureReason.GoalReached => "Достигнута цель",
        ClosureReason.Relocation => "Переезд",
        ClosureReason.MenteeRefused => "Отказ наставляемого",
        ClosureReason.MentorRefused => "Отказ наставника",
        ClosureReason.Conflict => "Конфликт",
        ClosureReason.Illness => "Болезнь",
        ClosureReason.Other => "Иное",
        ClosureReason.ConsentWithdrawn => "Отзыв согласия",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static string Title(this RecognitionKind kind) => kind switch
    {
        RecognitionKind.Gratitude => "Благодарность",
        RecognitionKind.Certificate => "Грамота",
        RecognitionKind.Order => "Приказ о поощрении",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Title(this MemberRole role) => role switch
    {
        MemberRole.Mentor => "Наставник",
        MemberRole.Mentee => "Наставляемый",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

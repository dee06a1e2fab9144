namespace Nastavnik.Domain.Matching;

/// <summary>optimal: the whole-pool optimiser; choice: mentees pick from a shortlist and mentors accept or decline.</summary>
public enum MatchMode { Optimal, Choice }

/// <summary>queued → running → draft (the proposal awaits the curator) → approved or discarded; failed on an error.</summary>
public enum MatchRunStatus { Queued, Running, Draft, Failed, Approved, Discarded }

/// <summary>A shortlist offer in mentee-choice mode: offered → chosen → accepted / declined; withdrawn when another was taken.</summary>
public enum ChoiceStatus { Offered, Chosen, Accepted, Declined, Withdrawn }

public static class MatchTerms
{
    public static string Title(this MatchMode mode) => mode switch
    {
        MatchMode.Optimal => "Оптимальный подбор",
        MatchMode.Choice => "Выбор наставляемым",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static string Title(this MatchRunStatus status) => status switch
    {
        MatchRunStatus.Queued => "В очереди",
        MatchRunStatus.Running => "Выполняется",
        MatchRunStatus.Draft => "Проект (на проверке куратора)",
        MatchRunStatus.Failed => "Ошибка",
        MatchRunStatus.Approved => "Утверждён",
        MatchRunStatus.Discarded => "Отменён",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Title(this ChoiceStatus status) => status switch
    {
        ChoiceStatus.Offered => "Предложен",
        ChoiceStatus.Chosen => "Выбран, ждёт ответа наставника",
        ChoiceStatus.Accepted => "Наставник согласился",
        ChoiceStatus.Declined => "Наставник отказался",
        ChoiceStatus.Withdrawn => "Снят",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

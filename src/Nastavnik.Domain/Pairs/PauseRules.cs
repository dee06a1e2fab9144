namespace Nastavnik.Domain.Pairs;

/// <summary>
/// Pausing a pair («Приостановлена»): only an active pair, with a reason; the planned date to resume is optional but not
/// in the past. Resuming takes a paused pair back to «Действует». A closed pair is neither paused nor resumed.
/// </summary>
public static class PauseRules
{
    public const int MaxReason = 1000;
    public const string ClosedMessage = "Пара (группа) завершена: её нельзя приостановить или возобновить.";

    public static IReadOnlyList<RuleError> CheckPause(GroupStatus status, string reason, DateOnly? resumeOn, DateOnly today)
    {
        if (status == GroupStatus.Closed) return [new RuleError("", ClosedMessage)];
        if (status == GroupStatus.Paused) return [new RuleError("", "Пара уже приостановлена.")];
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("Reason", "Укажите причину приостановки."));
        else if (reason.Trim().Length > MaxReason) errors.Add(new("Reason", $"Причина приостановки — не длиннее {MaxReason} символов."));
        if (resumeOn is { } on && on < today)
        {
            errors.Add(new("ResumeOn", $"Дата возобновления не может быть раньше сегодняшнего дня ({today:dd.MM.yyyy})."));
        }
        return errors;
    }

    public static IReadOnlyList<RuleError> CheckResume(GroupStatus status) => status switch
    {
        GroupStatus.Closed => [new RuleError("", ClosedMessage)],
        GroupStatus.Active => [new RuleError("", "Пара не приостановлена: возобновлять нечего.")],
        _ => [],
    };
}

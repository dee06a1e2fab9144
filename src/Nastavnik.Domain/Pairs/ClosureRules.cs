namespace Nastavnik.Domain.Pairs;

/// <summary>What the curator asks for when closing a pair or group.</summary>
public sealed record ClosureRequest(ClosureKind Kind, ClosureReason Reason, string Comment, string Reflection, string Results, DateOnly? ClosedOn);

/// <summary>What is known about the pair at the moment of closing.</summary>
public sealed record ClosureFacts(GroupStatus Status, DateOnly StartDate, bool HasFinalMeeting, DateOnly Today);

/// <summary>A broken rule: the form field it belongs to ("" for the whole form) and the Russian message.</summary>
public sealed record ClosureError(string Field, string Message);

/// <summary>
/// The closure rules (DOMAIN.md §4 «Завершение»): a planned closure needs the «итоговая встреча» recorded and the
/// reflection; an early one needs a reason from the list, with a comment for «иное»; the date is neither in the future
/// nor before the start; a closed pair is not closed again.
/// </summary>
public static class ClosureRules
{
    /// <summary>The reasons an early closure may give, in the order the form lists them.</summary>
    public static readonly IReadOnlyList<ClosureReason> EarlyReasons =
        [ClosureReason.Relocation, ClosureReason.MenteeRefused, ClosureReason.MentorRefused, ClosureReason.Conflict, ClosureReason.Illness, ClosureReason.Other];

    public const string AlreadyClosed = "Пара уже завершена";

    public static IReadOnlyList<ClosureError> Check(ClosureRequest request, ClosureFacts facts)
    {
        var errors = new List<ClosureError>();
        if (facts.Status == GroupStatus.Closed)
        {
            errors.Add(new("", AlreadyClosed));
            return errors;
        }
        if (request.ClosedOn is not { } on) errors.Add(new(nameof(request.ClosedOn), "Укажите дату завершения"));
        else if (on > facts.Today) errors.Add(new(nameof(request.ClosedOn), "Дата завершения не может быть в будущем"));
        else if (on < facts.StartDate) errors.Add(new(nameof(request.ClosedOn), $"Дата завершения раньше начала работы пары ({facts.StartDate:dd.MM.yyyy})"));
        switch (request.Kind)
        {
            case ClosureKind.Planned:
                if (!facts.HasFinalMeeting) errors.Add(new(nameof(request.Kind), "Плановое завершение возможно после итоговой встречи: запишите её в журнал встреч"));
                if (string.IsNullOrWhiteSpace(request.Reflection)) errors.Add(new(nameof(request.Reflection), "Заполните рефлексию итоговой встречи"));
                if (string.IsNullOrWhiteSpace(request.Results)) errors.Add(new(nameof(request.Results), "Заполните результаты программы"));
                break;
            case ClosureKind.Early:
                if (!EarlyReasons.Contains(request.Reason)) errors.Add(new(nameof(request.Reason), "Укажите причину досрочного завершения из списка"));
                else if (request.Reason == ClosureReason.Other && string.IsNullOrWhiteSpace(request.Comment))
                    errors.Add(new(nameof(request.Comment), "Для причины «Иное» опишите её в комментарии"));
                break;
            default:
                errors.Add(new(nameof(request.Kind), "Выберите вид завершения: плановое или досрочное"));
                break;
        }
        return errors;
    }

    /// <summary>The reason stored: a planned closure reached its goal; an early one keeps the reason given.</summary>
    public static ClosureReason StoredReason(ClosureRequest request) =>
        request.Kind == ClosureKind.Planned ? ClosureReason.GoalReached : request.Reason;
}

using System.Globalization;

namespace Nastavnik.Domain.People;

/// <summary>An item of a questionnaire as the answer rules see it.</summary>
public sealed record QuestionItem(long Id, InstrumentItemKind Kind, string Text, IReadOnlyList<string> Options, string Fills, bool IsRequired);

/// <summary>Why an answer to one item was refused (Russian, names the question).</summary>
public sealed record AnswerError(long ItemId, string Message);

/// <summary>What a response changes in the respondent's profile; null means «the questionnaire does not touch it».</summary>
public sealed record ProfileUpdate(
    IReadOnlyList<long>? RequestTopicIds,
    IReadOnlyList<long>? CompetencyTopicIds,
    string? Availability,
    string? Interests,
    IReadOnlyList<string> UnknownTopics);

/// <summary>
/// The rules of answering a questionnaire (DOMAIN.md §6): validation of an answer set against the items and the
/// mapping of answers that fill profile fields (requests, competencies, availability, interests).
/// </summary>
public static class QuestionnaireAnswers
{
    /// <summary>Options of a multiple-choice answer are stored one per line.</summary>
    public const char MultipleSeparator = '\n';
    public const string Yes = "да";
    public const string No = "нет";
    public const int MaxTextLength = 4000;
    /// <summary>A mentee has one key request plus up to three more (DOMAIN.md §5).</summary>
    public const int MaxRequests = 4;

    /// <summary>
    /// Checks the raw answers (per item id: the values posted — several for a multiple choice) and returns the values to
    /// store per item (unanswered items are left out) and the errors, in item order.
    /// </summary>
    public static (Dictionary<long, string> Values, List<AnswerError> Errors) Validate(
        IReadOnlyList<QuestionItem> items, IReadOnlyDictionary<long, IReadOnlyList<string>> raw)
    {
        var values = new Dictionary<long, string>();
        var errors = new List<AnswerError>();
        foreach (var item in items)
        {
            var given = raw.TryGetValue(item.Id, out var v)
                ? v.Select(s => (s ?? "").Trim()).Where(s => s.Length > 0).ToList()
                : [];
            if (given.Count == 0)
            {
                if (item.IsRequired) errors.Add(new(item.Id, $"Ответьте на вопрос «{item.Text}»."));
                continue;
            }
            var (value, error) = Check(item, given);
            if (error is not null) errors.Add(new(item.Id, error));
            else values[item.Id] = value!;
        }
        return (values, errors);
    }

    private static (string? Value, string? Error) Check(QuestionItem item, List<string> given)
    {
        var q = $"«{item.Text}»";
        if (item.Kind != InstrumentItemKind.Multiple && given.Count > 1)
            return (null, $"На вопрос {q} можно дать только один ответ.");
        var one = given[0];
        switch (item.Kind)
        {
            case InstrumentItemKind.Scale:
                return int.TryParse(one, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10
                    ? (n.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"Ответ на вопрос {q} — целое число от 1 до 10.");
            case InstrumentItemKind.YesNo:
                var yn = one.ToLowerInvariant();
                return yn is Yes or No ? (yn, null) : (null, $"На вопрос {q} ответьте «да» или «нет».");
            case InstrumentItemKind.Single:
                return item.Options.Contains(one) ? (one, null) : (null, $"Выберите ответ на вопрос {q} из предложенных вариантов.");
            case InstrumentItemKind.Multiple:
                var chosen = given.Distinct().ToList();
                if (chosen.Any(c => !item.Options.Contains(c)))
                    return (null, $"Выберите ответы на вопрос {q} только из предложенных вариантов.");
                if (item.Fills == "requests" && chosen.Count > MaxRequests)
                    return (null, $"На вопрос {q} можно выбрать не более {MaxRequests} тем: ключевой запрос и ещё три.");
                // Stored in the order of the options, so the first chosen is the key request.
                return (string.Join(MultipleSeparator, item.Options.Where(chosen.Contains)), null);
            case InstrumentItemKind.Number:
                return decimal.TryParse(one.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= 1_000_000
                    ? (d.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"Ответ на вопрос {q} — неотрицательное число.");
            case InstrumentItemKind.Text:
                return one.Length <= MaxTextLength
                    ? (one, null)
                    : (null, $"Ответ на вопрос {q} длиннее {MaxTextLength} символов.");
            default:
                throw new ArgumentOutOfRangeException(nameof(item));
        }
    }

    /// <summary>The options chosen in a stored multiple-choice value.</summary>
    public static IReadOnlyList<string> Split(string value) =>
        value.Split(MultipleSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// What the validated <paramref name="values"/> fill in a profile: topic names become topic ids through
    /// <paramref name="topicIdByName"/> (names it does not know are reported, not guessed), texts are taken as written.
    /// </summary>
    public static ProfileUpdate ToProfile(
        IReadOnlyList<QuestionItem> items, IReadOnlyDictionary<long, string> values, IReadOnlyDictionary<string, long> topicIdByName)
    {
        List<long>? requests = null, competencies = null;
        string? availability = null, interests = null;
        var unknown = new List<string>();
        foreach (var item in items.Where(i => i.Fills != ""))
        {
            if (!values.TryGetValue(item.Id, out var value)) continue;
            switch (item.Fills)
            {
                case "requests":
                    requests = Topics(value, topicIdByName, unknown);
                    break;
                case "competencies":
                    competencies = Topics(value, topicIdByName, unknown);
                    break;
                case "availability":
                    availability = value;
                    break;
                case "interests":
                    interests = value;
                    break;
            }
        }
        return new ProfileUpdate(requests, competencies, availability, interests, unknown);
    }

    private static List<long> Topics(string value, IReadOnlyDictionary<string, long> topicIdByName, List<string> unknown)
    {
        var ids = new List<long>();
        foreach (var name in Split(value))
        {
            if (topicIdByName.TryGetValue(name, out var id)) { if (!ids.Contains(id)) ids.Add(id); }
            else
            {
                unknown.Add(name);
            }
        }
        return ids;
    }

    public static string Title(this InstrumentMoment moment) => moment switch
    {
        InstrumentMoment.Entry => "Вход",
        InstrumentMoment.AfterMeeting => "После встречи",
        InstrumentMoment.Interim => "Промежуточный",
        InstrumentMoment.Exit => "Выход",
        _ => throw new ArgumentOutOfRangeException(nameof(moment)),
    };

    public static string Title(this InstrumentRespondent respondent) => respondent switch
    {
        InstrumentRespondent.Mentee => "Наставляемый",
        InstrumentRespondent.Mentor => "Наставник",
        InstrumentRespondent.Curator => "Куратор",
        InstrumentRespondent.Parent => "Родитель (законный представитель)",
        _ => throw new ArgumentOutOfRangeException(nameof(respondent)),
    };
}

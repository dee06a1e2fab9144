using Nastavnik.Data.Entities.People;

namespace Nastavnik.Web.Features.Questionnaires;

/// <summary>The items of an instrument with what was posted (to show again after a refusal) and the errors per item.</summary>
public sealed record AnswersView(Instrument Instrument, IReadOnlyDictionary<long, IReadOnlyList<string>> Values, IReadOnlyDictionary<long, string> Errors)
{
    public bool Has(long itemId, string value) => Values.TryGetValue(itemId, out var v) && v.Contains(value);

    public string First(long itemId) => Values.TryGetValue(itemId, out var v) && v.Count > 0 ? v[0] : "";
}

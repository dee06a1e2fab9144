using System.Text.Json;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A score breakdown as stored in proposals and choices: [{"code", "title", "points", "detail"}, …].</summary>
public static class Breakdown
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<ScoreFactor> factors) => JsonSerializer.Serialize(factors.ToList(), Json);

    public static IReadOnlyList<ScoreFactor> Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<ScoreFactor>>(string.IsNullOrWhiteSpace(json) ? "[]" : json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

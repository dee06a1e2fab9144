using System.Text.Json;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A run's factor weights as stored in <c>match_runs.weights</c>: {"topics": 40, "subject": 15, …}.</summary>
public static class RunWeights
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write(MatchWeights weights) => JsonSerializer.Serialize(weights, Json);

    /// <summary>The stored weights; missing or unreadable ones fall back to the default preset.</summary>
    public static MatchWeights Read(string json)
    {
        var d = WeightPresets.Default.Weights;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            int Get(string name, int fallback) =>
                doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : fallback;
            return new MatchWeights(Get("topics", d.Topics), Get("subject", d.Subject), Get("availability", d.Availability), Get("age", d.Age),
                Get("same_school", d.SameSchool), Get("preference", d.Preference));
        }
        catch (JsonException)
        {
            return d;
        }
    }
}

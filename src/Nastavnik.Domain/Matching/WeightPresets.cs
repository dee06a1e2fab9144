namespace Nastavnik.Domain.Matching;

/// <summary>A named set of score weights the curator can start from.</summary>
public sealed record WeightPreset(string Code, string Name, MatchWeights Weights);

/// <summary>The seeded weight presets; «Сбалансированный» is the default.</summary>
public static class WeightPresets
{
    // Topics lead in every preset: DOMAIN.md §5 ranks request/competency overlap first.
    public static readonly WeightPreset Default = new("balanced", "Сбалансированный", new MatchWeights(40, 15, 15, 10, 10, 10));

    public static readonly IReadOnlyList<WeightPreset> All =
    [
        Default,
        new("topics_first", "Прежде всего запросы", new MatchWeights(65, 15, 8, 4, 4, 4)),
        new("convenience", "Удобство встреч", new MatchWeights(25, 10, 35, 5, 20, 5)),
        new("mentee_wishes", "Пожелания наставляемого", new MatchWeights(30, 10, 10, 10, 5, 35)),
    ];

    /// <summary>The preset with this code, or <see cref="Default"/> when there is none.</summary>
    public static WeightPreset Find(string? code) => All.FirstOrDefault(p => p.Code == code) ?? Default;
}

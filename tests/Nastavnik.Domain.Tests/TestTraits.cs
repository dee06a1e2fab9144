namespace Nastavnik.Domain.Tests;

/// <summary>
/// Traits of the slow randomised tests (fuzzing the parsers, cross-checking the solvers on generated instances). The
/// normal run executes them; a developer iterating on something else may skip them with
/// <c>dotnet test --filter "Category!=Fuzz"</c>.
/// </summary>
public static class TestTraits
{
    public const string Category = "Category";
    public const string Fuzz = "Fuzz";
}

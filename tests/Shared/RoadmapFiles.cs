namespace Nastavnik.Tests;

/// <summary>
/// The roadmap documents the tests read, found in one way for both test projects (this file is linked into each).
/// <see cref="Demo"/>: the project's own demo roadmaps (src/Nastavnik.Web/Features/Demo/Roadmaps, copied beside the
/// tests), always there. <see cref="Seed"/>: the five real seed roadmaps in ../shared/seeds beside the clone; a test
/// that reads one is reported as skipped when the folder is missing (.ci/run insists on it, so CI always runs them).
/// </summary>
public static class RoadmapFiles
{
    public const string SeedsMissing = "../shared/seeds not found";

    private static readonly Lazy<string?> SeedsDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    });

    /// <summary>The path of a real seed file (e.g. «000_832a53ffb5b59720.txt»); skips the calling test when ../shared/seeds is not there.</summary>
    public static string Seed(string file)
    {
        Skip.If(SeedsDirectory.Value is null, SeedsMissing);
        return Path.Combine(SeedsDirectory.Value!, file);
    }

    /// <summary>The path of one of the project's demo roadmaps (e.g. «azov.txt»).</summary>
    public static string Demo(string file) => Path.Combine(AppContext.BaseDirectory, "DemoRoadmaps", file);
}

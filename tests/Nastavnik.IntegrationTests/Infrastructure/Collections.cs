namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>
/// The integration test collections. xunit runs collections in parallel and the classes of one collection one after
/// another; each collection gets its own <see cref="AppFixture"/> (its own database and site on the shared cluster).
/// Areas are grouped so that the collections take about the same time on 2 cores.
/// </summary>
public static class Collections
{
    public const string Pairs = "Pairs";
    public const string Roadmaps = "Roadmaps";
    public const string Bases = "Bases";
    public const string Platform = "Platform";
}

[CollectionDefinition(Collections.Pairs)]
public sealed class PairsCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(Collections.Roadmaps)]
public sealed class RoadmapsCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(Collections.Bases)]
public sealed class BasesCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(Collections.Platform)]
public sealed class PlatformCollection : ICollectionFixture<AppFixture>;

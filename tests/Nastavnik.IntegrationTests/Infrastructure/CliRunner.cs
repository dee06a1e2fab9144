namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>
/// Runs `nastavnik` or the bench console (bench/Nastavnik.Bench) in-process and captures what it prints. Console and
/// the environment are process-wide, so runs take turns; given the fixture, the verb works on the test database
/// (ConnectionStrings__Nastavnik as the application's role and ConnectionStrings__NastavnikOwner for migrations, as
/// a user would set them).
/// </summary>
public static class CliRunner
{
    private const string ConnectionVariable = "ConnectionStrings__Nastavnik";
    private const string OwnerVariable = "ConnectionStrings__NastavnikOwner";
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public sealed record Output(int Code, string Out, string Error);

    /// <summary>`nastavnik ARGS` for verbs that need no database.</summary>
    public static Task<Output> RunAsync(params string[] args) => CaptureAsync(global::Nastavnik.Cli.Program.Main, args, null, null);

    /// <summary>`nastavnik ARGS` against the test database.</summary>
    public static Task<Output> RunAsync(AppFixture app, params string[] args) => CaptureAsync(global::Nastavnik.Cli.Program.Main, args, app.ConnectionString, app.OwnerConnectionString);

    /// <summary>`nastavnik-bench ARGS` for benches that need no database.</summary>
    public static Task<Output> BenchAsync(params string[] args) => CaptureAsync(global::Nastavnik.Bench.Program.Main, args, null, null);

    /// <summary>`nastavnik-bench ARGS` against the test database.</summary>
    public static Task<Output> BenchAsync(AppFixture app, params string[] args) => CaptureAsync(global::Nastavnik.Bench.Program.Main, args, app.ConnectionString, app.OwnerConnectionString);

    private static async Task<Output> CaptureAsync(Func<string[], Task<int>> main, string[] args, string? connectionString, string? ownerConnectionString)
    {
        await Turn.WaitAsync();
        var (savedOut, savedError, savedCs) = (Console.Out, Console.Error, Environment.GetEnvironmentVariable(ConnectionVariable));
        var savedOwner = Environment.GetEnvironmentVariable(OwnerVariable);
        var (output, error) = (new StringWriter(), new StringWriter());
        try
        {
            if (connectionString is not null) Environment.SetEnvironmentVariable(ConnectionVariable, connectionString);
            if (ownerConnectionString is not null) Environment.SetEnvironmentVariable(OwnerVariable, ownerConnectionString);
            Console.SetOut(output);
            Console.SetError(error);
            var code = await main(args);
            return new Output(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.SetEnvironmentVariable(ConnectionVariable, savedCs);
            Environment.SetEnvironmentVariable(OwnerVariable, savedOwner);
            Turn.Release();
        }
    }
}

namespace Nastavnik.Cli;

/// <summary>
/// A user error: printed as «Ошибка: …» on stderr without a stack trace. A wrong command line (<see cref="Usage"/>)
/// is followed by the verb's usage and exits with 2; other errors exit with <paramref name="exitCode"/>.
/// </summary>
public sealed class CliException(string message, int exitCode = 1, bool showUsage = false) : Exception(message)
{
    public int ExitCode => exitCode;
    public bool ShowUsage => showUsage;

    /// <summary>The command line itself is wrong: unknown or repeated option, missing or malformed value.</summary>
    public static CliException Usage(string message) => new(message, 2, showUsage: true);
}

namespace Nastavnik.Cli;

/// <summary>
/// One verb of a console: its words (`match solve`), its usage — the first line the arguments, the rest what it does —
/// what runs it, and whether the list of verbs shows it (an alias or an internal verb does not). <see cref="RunAsync"/>
/// is the dispatch shared by `nastavnik` and the bench console: `--help` on any verb prints its usage, and every error
/// goes to stderr as «Ошибка: …».
/// </summary>
public sealed record CliVerb(string Name, string Usage, Func<string[], Task<int>> Run, bool Listed = true)
{
    private string[] Words => Name.Split(' ');

    public static async Task<int> RunAsync(string program, string about, IReadOnlyList<CliVerb> verbs, string[] args)
    {
        if (args is [] or ["help" or "--help" or "-h"])
        {
            Console.Out.Write(Help(program, about, verbs));
            return 0;
        }
        var verb = verbs.Where(v => v.Words.Length <= args.Length && v.Words.SequenceEqual(args[..v.Words.Length])).MaxBy(v => v.Words.Length);
        if (verb is null)
        {
            // A group's first word (`roadmap`) alone, with --help or with an unknown second word: the group's verbs.
            var group = verbs.Where(v => v.Listed && v.Words.Length > 1 && v.Words[0] == args[0]).ToList();
            if (group.Count > 0 && args is [_, "--help" or "-h"])
            {
                foreach (var v in group) Console.Out.Write(v.Describe(program + " ", "    "));
                return 0;
            }
            Console.Error.WriteLine(group.Count > 0 && args.Length == 1
                ? $"Ошибка: укажите команду: {string.Join(" | ", group.Select(v => v.Name))}"
                : $"Ошибка: неизвестная команда «{string.Join(' ', args.Take(group.Count > 0 ? 2 : 1))}»");
            Console.Error.Write(group.Count > 0 ? string.Concat(group.Select(v => v.Describe(program + " ", "    "))) : Help(program, about, verbs));
            return 2;
        }

        var rest = args[verb.Words.Length..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            Console.Out.Write(verb.Describe(program + " ", "    "));
            return 0;
        }
        try
        {
            return await verb.Run(rest);
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"Ошибка: {e.Message}");
            if (e.ShowUsage) Console.Error.Write(verb.Describe(program + " ", "    "));
            return e.ExitCode;
        }
    }

    private static string Help(string program, string about, IReadOnlyList<CliVerb> verbs) =>
        about.TrimEnd() + "\n\nКоманды:\n"
        + string.Concat(verbs.Where(v => v.Listed).Select(v => v.Describe("  ", "      ")))
        + $"\nПодробнее о команде: {program} КОМАНДА --help\n";

    /// <summary>`name arguments` after the prefix on the first line, what the verb does on the next ones.</summary>
    private string Describe(string prefix, string bodyIndent)
    {
        var lines = Usage.Split('\n');
        return $"{prefix}{Name} {lines[0].Trim()}".TrimEnd() + "\n" + string.Concat(lines.Skip(1).Select(l => bodyIndent + l.TrimEnd() + "\n"));
    }
}

using System.Globalization;

namespace Nastavnik.Cli;

/// <summary>
/// The one argument parser of `nastavnik` and of the bench console: a verb names the options that take a value, its
/// flags and how many positional arguments it takes; anything else is a <see cref="CliException.Usage"/> error.
/// Numbers and dates are read in the invariant culture (a decimal point, ISO dates) so scripts behave the same everywhere.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];
    private readonly List<string> _positional = [];
    private readonly List<string> _configuration = [];

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>`--Section:Key=value` settings for the configuration, where the verb accepts them (serve, migrate, demo).</summary>
    public IReadOnlyList<string> Configuration => _configuration;

    public static CliArgs Parse(string[] args, string[]? options = null, string[]? flags = null, int positional = 0, bool configuration = false)
    {
        var parsed = new CliArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (flags is not null && flags.Contains(arg))
            {
                if (!parsed._flags.Add(arg)) throw CliException.Usage($"параметр {arg} задан дважды");
            }
            else if (options is not null && options.Contains(arg))
            {
                if (i + 1 >= args.Length) throw CliException.Usage($"не задано значение для {arg}");
                if (!parsed._values.TryAdd(arg, args[++i])) throw CliException.Usage($"параметр {arg} задан дважды");
            }
            else if (configuration && arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                parsed._configuration.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw CliException.Usage($"неизвестный параметр «{arg}»");
            }
            else if (parsed._positional.Count < positional)
            {
                parsed._positional.Add(arg);
            }
            else
            {
                throw CliException.Usage($"лишний аргумент «{arg}»");
            }
        }
        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min, int max)
    {
        if (Value(name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw CliException.Usage($"{name} ожидает целое число от {min} до {max}, а задано «{text}»");
    }

    public double Double(string name, double fallback, double min, double max)
    {
        if (Value(name) is not { } text) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"{name} ожидает число от {min} до {max} (десятичная точка), а задано «{text}»"));
    }

    public ulong ULong(string name, ulong fallback)
    {
        if (Value(name) is not { } text) return fallback;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        throw CliException.Usage($"{name} ожидает целое неотрицательное число, а задано «{text}»");
    }

    public DateOnly Date(string name, DateOnly fallback)
    {
        if (Value(name) is not { } text) return fallback;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        throw CliException.Usage($"{name} ожидает дату ГГГГ-ММ-ДД, а задано «{text}»");
    }

    /// <summary>One of the allowed words (`--format csv|xlsx`); the first is the default.</summary>
    public string Choice(string name, params string[] allowed)
    {
        if (Value(name) is not { } text) return allowed[0];
        if (allowed.Contains(text)) return text;
        throw CliException.Usage($"{name} ожидает {string.Join(" или ", allowed)}, а задано «{text}»");
    }
}

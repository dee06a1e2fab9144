using System.Security.Cryptography;

namespace Nastavnik.Web.Features.Account;

/// <summary>One-time sign-in codes for pupils: 8 characters without look-alikes (no 0/O, 1/I/L), valid 14 days.</summary>
public static class CodeGenerator
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>What the pupil typed, as compared: spaces and dashes dropped, upper case.</summary>
    public static string Normalize(string typed) => new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}

namespace Nastavnik.Domain.Territories;

/// <summary>Russian taxpayer number (ИНН) check: 10 digits for a legal entity, 12 for a person, with check digits.</summary>
public static class Inn
{
    private static readonly int[] Weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    public static bool IsValidLegalEntity(string inn) =>
        inn.Length == 10 && inn.All(char.IsAsciiDigit) && CheckDigit(inn, Weights10) == inn[9] - '0';

    public static bool IsValid(string inn) =>
        IsValidLegalEntity(inn)
        || (inn.Length == 12 && inn.All(char.IsAsciiDigit)
            && CheckDigit(inn, Weights11) == inn[10] - '0'
            && CheckDigit(inn, Weights12) == inn[11] - '0');

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] * (digits[i] - '0');
        return sum % 11 % 10;
    }
}

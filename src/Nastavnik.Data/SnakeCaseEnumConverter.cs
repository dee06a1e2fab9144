using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nastavnik.Data;

/// <summary>Stores an enum as its snake_case name (OrganizationType.Spo → 'spo'), matching the SQL check constraints.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => SnakeCase.From(v.ToString()),
    s => Enum.Parse<TEnum>(s.Replace("_", ""), true))
    where TEnum : struct, Enum;

public static class SnakeCase
{
    public static string From(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])) && char.IsUpper(name[i - 1])))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

using System.ComponentModel.DataAnnotations;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Territories;

/// <summary>An optional ИНН: blank passes; otherwise the digits and check digits must be right.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InnAttribute : ValidationAttribute
{
    /// <summary>Organizations are legal entities (10 digits); partners may also be individual entrepreneurs (12).</summary>
    public bool LegalEntityOnly { get; init; }

    public override bool IsValid(object? value)
    {
        var inn = (value as string)?.Trim() ?? "";
        if (inn.Length == 0) return true;
        return LegalEntityOnly ? Inn.IsValidLegalEntity(inn) : Inn.IsValid(inn);
    }
}

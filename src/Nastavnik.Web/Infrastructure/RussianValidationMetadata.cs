using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Nastavnik.Web.Infrastructure;

/// <summary>
/// Gives every [Required] without its own message — including the implicit one MVC adds for non-nullable value
/// types (a dropdown bound to an enum or id) — a Russian message naming the field, on the server and in data-val-*.
/// </summary>
public sealed class RussianValidationMetadata : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (required.ErrorMessage is null && required.ErrorMessageResourceName is null)
            {
                required.ErrorMessage = "Заполните поле «{0}»";
            }
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// Hours as people type them: «16,5» (Russian decimal comma) as well as «16.5». The default binder follows the
/// server's culture and answers an English message for the other separator.
/// </summary>
public sealed class HoursBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var text = context.ValueProvider.GetValue(context.ModelName).FirstValue?.Trim();
        context.ModelState.SetModelValue(context.ModelName, context.ValueProvider.GetValue(context.ModelName));
        if (string.IsNullOrEmpty(text))
        {
            context.Result = ModelBindingResult.Success(null);
        }
        else if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                     CultureInfo.InvariantCulture, out var hours))
        {
            context.Result = ModelBindingResult.Success(hours);
        }
        else
        {
            context.ModelState.TryAddModelError(context.ModelName, "Объём обучения — число часов, например 16 или 16,5");
            context.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}

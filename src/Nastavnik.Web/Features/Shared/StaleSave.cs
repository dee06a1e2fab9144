using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// Optimistic concurrency of forms: the row version a form was shown with (xmin, or Identity's concurrency stamp) no
/// longer matching at save time means someone else saved first, and the form comes back with one message instead of
/// overwriting their change.
/// </summary>
public static class StaleSave
{
    public const string Message = "Запись изменена другим пользователем. Обновите страницу и повторите.";

    /// <summary>
    /// Saves the changes; false, with <see cref="Message"/> among the form's errors, when someone else saved first, or
    /// with the error <paramref name="unique"/> gives for the constraint when a unique constraint refused the save.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this NastavnikDb db, ModelStateDictionary modelState,
        Func<string, (string Field, string Message)>? unique = null, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError("", Message);
            return false;
        }
        catch (DbUpdateException e) when (unique is not null && DbErrors.UniqueConstraint(e) is { } constraint)
        {
            var (field, message) = unique(constraint);
            modelState.AddModelError(field, message);
            return false;
        }
    }
}

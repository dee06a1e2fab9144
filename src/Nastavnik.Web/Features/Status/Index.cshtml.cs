using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nastavnik.Web.Features.Status;

/// <summary>The page behind every error status (re-executed by UseStatusCodePages / UseExceptionHandler).</summary>
[AllowAnonymous]
public class IndexModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code)
    {
        // Opened directly (not re-executed), the page still answers with the status it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        }
        (Title, Text) = Response.StatusCode switch
        {
            403 => ("Доступ запрещён", "У вашей роли нет доступа к этой странице или записи."),
            404 => ("Страница не найдена", "Запись не существует или находится вне вашей области доступа."),
            413 => ("Файл слишком большой", "Размер загружаемого файла превышает допустимый."),
            400 => ("Неверный запрос", "Форма устарела или заполнена неверно. Обновите страницу и повторите."),
            _ => ("Ошибка", "Произошла ошибка. Повторите попытку позже; если ошибка повторяется, сообщите администратору."),
        };
    }
}

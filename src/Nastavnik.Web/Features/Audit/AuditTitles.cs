using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Audit;

public static class AuditTitles
{
    public static string Title(this AuditAction action) => action switch
    {
        AuditAction.Create => "Создание",
        AuditAction.Update => "Изменение",
        AuditAction.Delete => "Удаление",
        AuditAction.Read => "Просмотр карточки",
        AuditAction.Export => "Экспорт",
        AuditAction.Import => "Импорт",
        AuditAction.SignIn => "Вход",
        AuditAction.SignInFailed => "Неудачный вход",
        AuditAction.SignOut => "Выход",
        AuditAction.Lockout => "Блокировка",
        _ => action.ToString(),
    };
}

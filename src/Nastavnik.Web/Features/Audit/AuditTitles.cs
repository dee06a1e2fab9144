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

    /// <summary>The Russian name of an audited record type (the log stores the entity class name).</summary>
    public static string EntityTitle(string entityType) => entityType switch
    {
        nameof(Region) => "Регион",
        nameof(Municipality) => "Муниципалитет",
        nameof(Organization) => "Организация",
        nameof(Partner) => "Партнёр",
        nameof(PartnerMunicipality) => "Партнёр — муниципалитет",
        nameof(User) => "Пользователь",
        nameof(RoleAssignment) => "Назначение роли",
        nameof(AuditEntry) => "Журнал аудита",
        nameof(Upload) => "Загруженный файл",
        "IdentityUserClaim`1" or "IdentityUserLogin`1" or "IdentityUserToken`1" => "Учётные данные пользователя",
        _ => entityType,
    };
}

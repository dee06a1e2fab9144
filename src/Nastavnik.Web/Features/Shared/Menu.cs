using Nastavnik.Domain.Access;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Shared;

/// <summary>
/// The main menu. Each item points at a page model and is shown only when that page's own [Access] rule admits
/// the user, so the menu and the pages cannot disagree.
/// </summary>
public static class Menu
{
    /// <param name="For">When set, only these roles see the item even if the page admits everyone (self-service pages).</param>
    public sealed record Item(string Title, string Page, Type Model, Role[]? For = null);

    private static readonly Item[] Items =
    [
        new("Главная", "/Index", typeof(IndexModel)),
        new("Дорожные карты", "/Roadmaps/Index", typeof(Roadmaps.IndexModel)),
        new("Контроль исполнения", "/Roadmaps/Control", typeof(Roadmaps.ControlModel)),
        new("Наставляемые", "/People/Mentees/Index", typeof(People.Mentees.IndexModel)),
        new("Наставники", "/People/Mentors/Index", typeof(People.Mentors.IndexModel)),
        new("Программы", "/People/Programs/Index", typeof(People.Programs.IndexModel)),
        new("Подбор пар", "/Matching/Index", typeof(Matching.IndexModel)),
        new("Выбор наставника", "/Matching/Choice/Mine", typeof(Matching.Choice.MineModel)),
        new("Заявки наставляемых", "/Matching/Choice/Requests", typeof(Matching.Choice.RequestsModel)),
        new("Пары и группы", "/Pairs/Index", typeof(Pairs.IndexModel)),
        new("Пары под наблюдением", "/Pairs/Watch/Index", typeof(Pairs.Watch.IndexModel)),
        new("Мои пары", "/Pairs/Mine", typeof(Pairs.MineModel)),
        new("Итоговые мероприятия", "/Pairs/Closure/FinalEvent", typeof(Pairs.Closure.FinalEventModel)),
        new("Сообщения о проблемах", "/Pairs/Problems", typeof(Pairs.ProblemsModel)),
        new("Коды входа для участников", "/Account/CodeSlips", typeof(Account.CodeSlipsModel)),
        new("Выдача и отзыв кодов", "/Account/Codes", typeof(Account.CodesModel)),
        new("Обучение наставников", "/Training/Index", typeof(Training.IndexModel)),
        new("Темы запросов", "/People/Topics/Index", typeof(People.Topics.IndexModel)),
        new("Акты уничтожения", "/Consents/Acts", typeof(Consents.ActsModel)),
        new("Анкеты", "/Questionnaires/Index", typeof(Questionnaires.IndexModel)),
        new("Мои анкеты", "/Questionnaires/My", typeof(Questionnaires.MyModel), [Role.Mentor, Role.Mentee, Role.LegalRepresentative]),
        new("Мои согласия", "/Consents/Mine", typeof(Consents.MineModel), [Role.Mentor, Role.Mentee, Role.LegalRepresentative]),
        new("Конструктор анкет", "/Questionnaires/Instruments/Index", typeof(Questionnaires.Instruments.IndexModel)),
        new("Регионы", "/Territories/Regions/Index", typeof(Territories.Regions.IndexModel)),
        new("Муниципалитеты", "/Territories/Municipalities/Index", typeof(Territories.Municipalities.IndexModel)),
        new("Организации", "/Territories/Organizations/Index", typeof(Territories.Organizations.IndexModel)),
        new("Партнёры", "/Territories/Partners/Index", typeof(Territories.Partners.IndexModel)),
        new("Пользователи", "/Users/Index", typeof(Users.IndexModel)),
        new("Журнал аудита", "/Audit/Index", typeof(Audit.IndexModel)),
        new("Уведомления", "/Roadmaps/Notifications", typeof(Roadmaps.NotificationsModel)),
    ];

    public static IEnumerable<Item> For(Scope scope) =>
        Items.Where(i => PageAccess.Allows(i.Model, scope) && (i.For is null || scope.HasAny(i.For)));
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using static Nastavnik.Web.Features.Shared.DocxWriter;

namespace Nastavnik.Web.Features.Consents;

/// <summary>
/// The printable consent (.docx, A4 portrait, Times New Roman 12) under ст. 9 (processing) or ст. 10.1 (distribution)
/// 152-ФЗ, prefilled with the subject, the legal representative and the organization as operator: purposes, the data
/// list, the actions, the term and how to withdraw. Blanks («____») are left for what the system does not hold.
/// </summary>
public static class ConsentDocument
{
    /// <summary>The text version printed on the form and proposed when a consent is recorded.</summary>
    public const string FormVersion = "2026-1";
    private const string Blank = "________________________________";

    public sealed record Operator(string Name, string Inn, string Address);

    public sealed record Data(string FullName, DateOnly? BirthDate, string ClassName, string? RepresentativeName,
        Relationship? Relationship, string RepresentativeDocument, Operator Organization, ConsentPurpose Purpose, DateOnly Today);

    /// <summary>Seeded purposes of processing (DOMAIN.md §9.3).</summary>
    public static readonly IReadOnlyList<string> Purposes =
    [
        "участие в программе наставничества (ведение баз наставляемых и наставников, подбор пар, сопровождение)",
        "анкетирование и мониторинг реализации программы наставничества",
        "передача сведений организации-партнёру, участвующей в программе наставничества",
    ];

    public static readonly IReadOnlyList<string> DataList =
    [
        "фамилия, имя, отчество", "дата рождения", "пол", "класс (группа), образовательная организация",
        "контактный телефон, адрес электронной почты", "запросы и результаты участия в программе наставничества, ответы анкет",
        "сведения о категории участника, необходимые для мер поддержки (в виде кодов, без медицинских сведений)",
    ];

    public const string Actions = "сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, "
        + "использование, передача (предоставление, доступ) в пределах указанных целей, обезличивание, блокирование, удаление, уничтожение";

    public static byte[] Write(Data d)
    {
        var minor = d.RepresentativeName is not null;
        var distribution = d.Purpose == ConsentPurpose.Distribution;
        var content = new List<OpenXmlElement>();
        content.Add(Paragraph(JustificationValues.Center, true, distribution
            ? "СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ, РАЗРЕШЁННЫХ СУБЪЕКТОМ ПЕРСОНАЛЬНЫХ ДАННЫХ ДЛЯ РАСПРОСТРАНЕНИЯ"
            : d.Purpose == ConsentPurpose.ExtraDuties
                ? "СОГЛАСИЕ НА ВОЗЛОЖЕНИЕ ДОПОЛНИТЕЛЬНЫХ ОБЯЗАННОСТЕЙ НАСТАВНИКА"
                : d.Purpose == ConsentPurpose.SpecialCategories
                    ? "СОГЛАСИЕ НА ОБРАБОТКУ СПЕЦИАЛЬНЫХ КАТЕГОРИЙ ПЕРСОНАЛЬНЫХ ДАННЫХ (СТ. 10 152-ФЗ)"
                    : "СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ"));
        content.Add(Paragraph(JustificationValues.Center, false, $"(форма {FormVersion})"));
        content.Add(Paragraph(JustificationValues.Left, false, ""));

        var subject = $"{d.FullName}{(d.BirthDate is { } b ? $", {b:dd.MM.yyyy} года рождения" : "")}{(d.ClassName.Length > 0 ? $", обучающийся(аяся) {d.ClassName} класса" : "")}";
        if (minor)
        {
            content.Add(Paragraph(JustificationValues.Both, false,
                $"Я, {d.RepresentativeName}, паспорт серия ______ № ________ выдан {Blank}, являясь законным представителем "
                + $"({RelationshipText(d.Relationship)}{(d.RepresentativeDocument.Length > 0 ? $", документ, подтверждающий полномочия: {d.RepresentativeDocument}" : "")}) "
                + $"несовершеннолетнего(ей) {subject} (далее — субъект персональных данных),"));
        }
        else
        {
            content.Add(Paragraph(JustificationValues.Both, false,
                $"Я, {subject}, паспорт серия ______ № ________ выдан {Blank}, зарегистрированный(ая) по адресу: {Blank},"));
        }
        var op = $"{d.Organization.Name}{(d.Organization.Inn.Length > 0 ? $" (ИНН {d.Organization.Inn})" : "")}"
            + $"{(d.Organization.Address.Length > 0 ? $", адрес: {d.Organization.Address}" : "")}";

        if (d.Purpose == ConsentPurpose.ExtraDuties)
        {
            content.Add(Paragraph(JustificationValues.Both, false,
                $"даю согласие работодателю — {op} — на возложение на меня дополнительных обязанностей наставника в рамках "
                + "программы наставничества организации: участие в подборе пары, проведение встреч с наставляемым, ведение "
                + "плана и отчётности по программе. Дополнительные обязанности выполняются в соответствии с положением о "
                + "наставничестве организации и приказом о закреплении наставнической пары."));
        }
        else
        {
            content.Add(Paragraph(JustificationValues.Both, false,
                $"в соответствии со {(distribution ? "статьями 9 и 10.1" : "статьёй 9")} Федерального закона от 27.07.2006 № 152-ФЗ "
                + $"«О персональных данных» {(minor ? "даю согласие на обработку персональных данных субъекта" : "свободно, своей волей и в своём интересе даю согласие на обработку моих персональных данных")} "
                + $"оператору — {op} (далее — оператор) — на следующих условиях."));
            content.Add(Paragraph(JustificationValues.Both, true, "1. Цели обработки:"));
            foreach (var purpose in Purposes) content.Add(Paragraph(JustificationValues.Both, false, $"— {purpose};"));
            content.Add(Paragraph(JustificationValues.Both, true, "2. Перечень персональных данных:"));
            content.Add(Paragraph(JustificationValues.Both, false, string.Join("; ", DataList) + "."));
            if (distribution)
            {
                content.Add(Paragraph(JustificationValues.Both, true, "3. Персональные данные, разрешённые для распространения, и где:"));
                content.Add(Paragraph(JustificationValues.Both, false,
                    "☐ фамилия, имя, отчество  ☐ фотографии  ☐ видеозаписи  ☐ описание наставнического случая (кейса)  ☐ отзыв; "
                    + "место размещения: ☐ официальный сайт оператора  ☐ сайты организаций-партнёров  ☐ средства массовой информации. "
                    + "Условия и запреты на обработку неограниченным кругом лиц: " + Blank + "."));
            }
            else
            {
                content.Add(Paragraph(JustificationValues.Both, true, "3. Действия с персональными данными:"));
                content.Add(Paragraph(JustificationValues.Both, false, Actions
                    + ", с использованием средств автоматизации и без них. Персональные данные обрабатываются и хранятся на территории Российской Федерации."));
            }
            content.Add(Paragraph(JustificationValues.Both, true, "4. Срок действия и порядок отзыва:"));
            content.Add(Paragraph(JustificationValues.Both, false,
                "Согласие действует с даты подписания до окончания участия в программе наставничества либо до его отзыва. "
                + "Согласие может быть отозвано в любой момент письменным заявлением, поданным оператору лично или направленным "
                + "по почте. После получения отзыва оператор немедленно прекращает обработку (блокирует данные) и в срок, не "
                + "превышающий тридцати дней, уничтожает персональные данные, о чём составляется акт об уничтожении персональных "
                + "данных; обезличенные сведения в ранее сданной отчётности сохраняются."));
            if (minor)
            {
                content.Add(Paragraph(JustificationValues.Both, false,
                    "Обучающийся, достигший 14 лет, подписывает настоящее согласие наряду с законным представителем."));
            }
        }
        content.Add(Paragraph(JustificationValues.Left, false, ""));
        content.Add(Paragraph(JustificationValues.Left, false, $"Дата: «____» ____________ {d.Today.Year} г."));
        content.Add(Paragraph(JustificationValues.Left, false,
            $"{(minor ? "Законный представитель" : "Подпись")}: ______________ / {(minor ? d.RepresentativeName : d.FullName)} /"));
        if (minor) content.Add(Paragraph(JustificationValues.Left, false, $"Обучающийся (с 14 лет): ______________ / {d.FullName} /"));

        return DocxWriter.Write("Согласие — " + d.FullName, DocxWriter.Page.Portrait, fontHalfPoints: 24, content, spacingAfter: 60);
    }

    private static string RelationshipText(Relationship? r) => r switch
    {
        Relationship.Mother => "мать",
        Relationship.Father => "отец",
        Relationship.Guardian => "опекун",
        Relationship.Custodian => "попечитель",
        _ => "законный представитель",
    };
}

using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nastavnik.Web.Features.People;

/// <summary>The person fields; <paramref name="SpecialCategoriesNote"/> says why special categories are not offered (to the curator).</summary>
public sealed record PersonFieldsModel(PersonForm Form, List<SelectListItem> Partners, bool ShowSpecialCategories, bool SpecialCategoriesNote = false)
{
    public const string NoConsentNote = "Особые категории можно указать после согласия на обработку специальных категорий "
        + "персональных данных (ст. 10 152-ФЗ) — его вносят на странице согласий";
}

using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nastavnik.Web.Features.People;

public sealed record PersonFieldsModel(PersonForm Form, List<SelectListItem> Partners, bool ShowSpecialCategories);

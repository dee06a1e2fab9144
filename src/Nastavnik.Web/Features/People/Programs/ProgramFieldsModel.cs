using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nastavnik.Web.Features.People.Programs;

public sealed record ProgramFieldsModel(ProgramForm Form, List<SelectListItem> Organizations);

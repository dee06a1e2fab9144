using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nastavnik.Web.Features.People;

public sealed record BaseFilterModel(BaseFilter Filter, List<SelectListItem> Topics, List<SelectListItem> Programs, string TopicLabel, bool Mentors = false);

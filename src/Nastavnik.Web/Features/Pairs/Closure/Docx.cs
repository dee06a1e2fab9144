using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>
/// The old home of the .docx helpers, now <see cref="DocxWriter"/>. Account/CodeSlips still names this content type;
/// delete the class once it says <c>DocxWriter.ContentType</c>.
/// </summary>
public static class Docx
{
    public const string ContentType = DocxWriter.ContentType;
}

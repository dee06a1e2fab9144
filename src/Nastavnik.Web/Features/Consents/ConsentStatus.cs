using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Consents;

/// <summary>Applies <see cref="ConsentRules"/> to a loaded person: what the consents allow and the status they give.</summary>
public static class ConsentStatus
{
    public static IEnumerable<ConsentFact> Facts(IEnumerable<Consent> consents) =>
        consents.Select(c => new ConsentFact(c.Purpose, c.Signer, c.GivenOn, c.WithdrawnOn));

    /// <summary>Recomputes <see cref="Person.Status"/> from <see cref="Person.Consents"/> (which must be loaded).</summary>
    public static void Recompute(Person person, DateOnly today)
    {
        var allowed = ConsentRules.Processing(person.BirthDate, person.Kind, Facts(person.Consents), today).Allowed;
        person.Status = ConsentRules.StatusFor(person.Status, allowed);
    }

    /// <summary>'parent', 'guardian' or 'custodian' — the authority a representative signs with.</summary>
    public static string Authority(Relationship relationship) => relationship switch
    {
        Relationship.Guardian => "guardian",
        Relationship.Custodian => "custodian",
        _ => "parent",
    };

    public static string AuthorityTitle(string authority) => authority switch
    {
        "parent" => "родитель",
        "guardian" => "опекун",
        "custodian" => "попечитель",
        _ => "",
    };

    /// <summary>The scan formats accepted, checked by extension and by the file's first bytes.</summary>
    public const string ScanExtensions = ".pdf,.jpg,.jpeg,.png";

    public static string? ScanContentType(string fileName, ReadOnlySpan<byte> content)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".pdf" when content.StartsWith("%PDF"u8) => "application/pdf",
            ".jpg" or ".jpeg" when content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) => "image/jpeg",
            ".png" when content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) => "image/png",
            _ => null,
        };
    }
}

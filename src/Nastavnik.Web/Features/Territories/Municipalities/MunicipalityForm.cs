using System.ComponentModel.DataAnnotations;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Web.Features.Territories.Municipalities;

public sealed class MunicipalityForm
{
    /// <summary>Checked against the offered regions by the page, not by an annotation: only Create lets it change.</summary>
    public long? RegionId { get; set; }

    [Required(ErrorMessage = "Укажите наименование муниципалитета")]
    [StringLength(200, ErrorMessage = "Наименование муниципалитета — не длиннее 200 символов")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Выберите вид муниципального образования")]
    [EnumDataType(typeof(MunicipalityKind), ErrorMessage = "Выберите вид муниципального образования из списка")]
    public MunicipalityKind? Kind { get; set; }

    [StringLength(300, ErrorMessage = "Орган управления образованием — не длиннее 300 символов")]
    public string? AuthorityName { get; set; }

    public void ApplyTo(Municipality municipality)
    {
        municipality.Name = Name.Trim();
        municipality.Kind = Kind!.Value;
        municipality.AuthorityName = AuthorityName?.Trim() ?? "";
    }

    public const string DuplicateName = "Муниципалитет с таким наименованием уже есть в регионе";
}

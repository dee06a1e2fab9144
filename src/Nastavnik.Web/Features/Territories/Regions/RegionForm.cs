using System.ComponentModel.DataAnnotations;
using Nastavnik.Data.Entities;

namespace Nastavnik.Web.Features.Territories.Regions;

public sealed class RegionForm
{
    [Required(ErrorMessage = "Укажите название региона")]
    [StringLength(200, ErrorMessage = "Название региона — не длиннее 200 символов")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Укажите код субъекта")]
    [RegularExpression("^[0-9]{2}$", ErrorMessage = "Код субъекта — две цифры, например 61")]
    public string Code { get; set; } = "";

    public void ApplyTo(Region region)
    {
        region.Name = Name.Trim();
        region.Code = Code.Trim();
    }

    /// <summary>The field and Russian message for a broken unique constraint of regions.</summary>
    public static (string Field, string Message) UniqueError(string constraint) => constraint == "regions_code_unique"
        ? ("Form.Code", "Регион с таким кодом субъекта уже есть")
        : ("Form.Name", "Регион с таким названием уже есть");
}

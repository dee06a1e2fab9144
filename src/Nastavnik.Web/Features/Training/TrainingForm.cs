using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

namespace Nastavnik.Web.Features.Training;

public sealed class TrainingForm
{
    [Required(ErrorMessage = "Укажите название обучения")]
    [StringLength(300, ErrorMessage = "Название обучения — не длиннее 300 символов")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Укажите объём обучения в часах")]
    [Range(0.5, 500, ErrorMessage = "Объём обучения — от 0,5 до 500 часов")]
    [ModelBinder<HoursBinder>]
    public decimal? Hours { get; set; }

    [Required(ErrorMessage = "Укажите дату начала обучения")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Укажите дату окончания обучения")]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "Укажите, кто проводит обучение")]
    [StringLength(300, ErrorMessage = "Организатор обучения — не длиннее 300 символов")]
    public string Trainer { get; set; } = "";

    /// <summary>The row version (xmin) the form was opened with.</summary>
    public uint Version { get; set; }

    /// <summary>The rule across fields: a training ends on or after its start.</summary>
    public void Check(ModelStateDictionary state)
    {
        if (StartsOn is { } s && EndsOn is { } e && e < s)
        {
            state.AddModelError("Form.EndsOn", "Дата окончания обучения — не раньше даты начала");
        }
    }

    public static TrainingForm From(TrainingEvent t) => new()
    {
        Title = t.Title, Hours = t.Hours, StartsOn = t.StartsOn, EndsOn = t.EndsOn, Trainer = t.Trainer, Version = t.RowVersion,
    };

    public void ApplyTo(TrainingEvent t)
    {
        t.Title = Title.Trim();
        t.Hours = Hours!.Value;
        t.StartsOn = StartsOn!.Value;
        t.EndsOn = EndsOn!.Value;
        t.Trainer = Trainer.Trim();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.People;

namespace Nastavnik.Web.Features.Questionnaires.Instruments;

/// <summary>The instrument's fields and its items, with a few blank rows to add items without JavaScript.</summary>
public sealed class InstrumentForm
{
    public const int BlankRows = 3;

    [Required(ErrorMessage = "Укажите наименование анкеты.")]
    [StringLength(300, ErrorMessage = "Наименование анкеты — не длиннее 300 символов.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Укажите, кто заполняет анкету.")]
    public InstrumentRespondent? Respondent { get; set; }

    [Required(ErrorMessage = "Укажите момент анкетирования.")]
    public InstrumentMoment? Moment { get; set; }

    [Required(ErrorMessage = "Укажите модель наставничества.")]
    public ModelFamily? Family { get; set; }

    [StringLength(50, ErrorMessage = "Форма наставничества — не длиннее 50 символов.")]
    public string? Form { get; set; }

    public bool IsActive { get; set; } = true;

    public List<ItemRow> Items { get; set; } = [];

    public sealed class ItemRow
    {
        public long? Id { get; set; }
        public int? Position { get; set; }
        public InstrumentItemKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? Options { get; set; }
        public string? Fills { get; set; }
        public bool IsRequired { get; set; }
        public bool Delete { get; set; }

        public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Options);

        public List<string> OptionList() =>
            (Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
    }

    public static readonly IReadOnlyDictionary<string, string> FillsTitles = new Dictionary<string, string>
    {
        [""] = "— не заполняет профиль —",
        ["requests"] = "Запросы наставляемого (темы)",
        ["competencies"] = "Компетенции наставника (темы)",
        ["availability"] = "Удобное время встреч",
        ["interests"] = "Интересы",
    };

    public static InstrumentForm From(Instrument i)
    {
        var form = new InstrumentForm
        {
            Name = i.Name, Respondent = i.Respondent, Moment = i.Moment, Family = i.Family, Form = i.Form, IsActive = i.IsActive,
            Items = i.Items.OrderBy(x => x.Position).Select(x => new ItemRow
            {
                Id = x.Id, Position = x.Position, Kind = x.Kind, Text = x.Text, Options = string.Join("\n", x.Options),
                Fills = x.Fills, IsRequired = x.IsRequired,
            }).ToList(),
        };
        form.AddBlankRows();
        return form;
    }

    public void AddBlankRows()
    {
        var next = Items.Select(x => x.Position ?? 0).DefaultIfEmpty(0).Max();
        for (var n = 0; n < BlankRows; n++) Items.Add(new ItemRow { Position = ++next });
    }

    /// <summary>The rows that stay: neither blank nor marked for deletion.</summary>
    public IEnumerable<(int Index, ItemRow Row)> Kept() =>
        Items.Select((row, index) => (index, row)).Where(x => !x.row.IsBlank && !x.row.Delete);

    public void Validate(ModelStateDictionary state)
    {
        // Blank rows carry nothing to check; their binding errors (an empty kind) do not count.
        foreach (var (index, row) in Items.Select((row, index) => (index, row)).Where(x => x.row.IsBlank || x.row.Delete))
        {
            foreach (var key in state.Keys.Where(k => k.StartsWith($"Form.Items[{index}].", StringComparison.Ordinal)).ToList()) state.Remove(key);
        }
        if (!string.IsNullOrEmpty(Form) && Family is { } family && !Forms.IsKnown(Form, family))
            state.AddModelError("Form.Form", "Выбранная форма наставничества не относится к выбранной модели.");
        foreach (var (index, row) in Kept())
        {
            var prefix = $"Form.Items[{index}].";
            var number = row.Position?.ToString() ?? (index + 1).ToString();
            if (row.Position is null or < 1 or > 1000) state.AddModelError(prefix + "Position", $"Вопрос {number}: укажите номер от 1 до 1000.");
            if (row.Kind is null) state.AddModelError(prefix + "Kind", $"Вопрос {number}: укажите тип ответа.");
            var text = row.Text?.Trim() ?? "";
            if (text.Length == 0) state.AddModelError(prefix + "Text", $"Вопрос {number}: введите текст вопроса.");
            else if (text.Length > 1000) state.AddModelError(prefix + "Text", $"Вопрос {number}: текст вопроса — не длиннее 1000 символов.");
            var options = row.OptionList();
            if (row.Kind is InstrumentItemKind.Single or InstrumentItemKind.Multiple)
            {
                if (options.Count < 2) state.AddModelError(prefix + "Options", $"Вопрос {number}: для выбора из вариантов укажите не меньше двух вариантов ответа, по одному в строке.");
            }
            else if (row.Kind is not null && options.Count > 0)
            {
                state.AddModelError(prefix + "Options", $"Вопрос {number}: варианты ответа указываются только для выбора одного или нескольких вариантов.");
            }
            if (!FillsTitles.ContainsKey(row.Fills ?? "")) state.AddModelError(prefix + "Fills", $"Вопрос {number}: выберите поле профиля из списка.");
        }
        if (!Kept().Any()) state.AddModelError("Form.Items", "Добавьте в анкету хотя бы один вопрос.");
    }

    public void ApplyTo(Instrument i)
    {
        i.Name = Name!.Trim();
        i.Respondent = Respondent!.Value;
        i.Moment = Moment!.Value;
        i.Family = Family!.Value;
        i.Form = Form?.Trim() ?? "";
        i.IsActive = IsActive;
    }

    /// <summary>The kept rows in the order of their numbers, renumbered 1, 2, 3…</summary>
    public List<(ItemRow Row, int Position)> Ordered() =>
        Kept().OrderBy(x => x.Row.Position).ThenBy(x => x.Index).Select((x, n) => (x.Row, n + 1)).ToList();

    public static void Fill(InstrumentItem item, ItemRow row, int position)
    {
        item.Position = position;
        item.Kind = row.Kind!.Value;
        item.Text = row.Text!.Trim();
        item.Options = row.Kind is InstrumentItemKind.Single or InstrumentItemKind.Multiple ? row.OptionList() : [];
        item.Fills = row.Fills ?? "";
        item.IsRequired = row.IsRequired;
    }

    public static string Title(InstrumentItemKind kind) => kind switch
    {
        InstrumentItemKind.Scale => "Шкала от 1 до 10",
        InstrumentItemKind.YesNo => "Да / нет",
        InstrumentItemKind.Single => "Один вариант из списка",
        InstrumentItemKind.Multiple => "Несколько вариантов из списка",
        InstrumentItemKind.Number => "Число",
        InstrumentItemKind.Text => "Текст",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Title(ModelFamily f) => f == ModelFamily.Learners ? "Обучающиеся" : "Педагогические работники";
}

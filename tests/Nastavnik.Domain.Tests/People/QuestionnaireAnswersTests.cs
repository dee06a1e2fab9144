using Nastavnik.Domain.People;

namespace Nastavnik.Domain.Tests.People;

public class QuestionnaireAnswersTests
{
    private static readonly string[] TopicNames = ["Подготовка к ОГЭ/ЕГЭ", "Проектная деятельность", "Мотивация к учёбе", "Финансовая грамотность", "Предпринимательство"];

    private static readonly QuestionItem[] Items =
    [
        new(1, InstrumentItemKind.Multiple, "Темы запроса", TopicNames, "requests", true),
        new(2, InstrumentItemKind.Scale, "Польза", [], "", true),
        new(3, InstrumentItemKind.YesNo, "Продолжить?", [], "", false),
        new(4, InstrumentItemKind.Single, "Формат", ["Очно", "Дистанционно"], "", false),
        new(5, InstrumentItemKind.Number, "Часов в месяц", [], "", false),
        new(6, InstrumentItemKind.Text, "Когда удобно", [], "availability", false),
        new(7, InstrumentItemKind.Text, "Интересы", [], "interests", false),
    ];

    private static Dictionary<long, IReadOnlyList<string>> Raw(params (long Id, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Id, a => (IReadOnlyList<string>)a.Values);

    [Fact]
    public void Validate_AllValid_ReturnsNormalizedValues()
    {
        var (values, errors) = QuestionnaireAnswers.Validate(Items, Raw(
            (1, ["Мотивация к учёбе", "Подготовка к ОГЭ/ЕГЭ"]), (2, [" 7 "]), (3, ["Да"]), (4, ["Очно"]), (5, ["4,5"]), (6, ["вт, чт после 15:00"])));
        Assert.Empty(errors);
        Assert.Equal("Подготовка к ОГЭ/ЕГЭ\nМотивация к учёбе", values[1]);
        Assert.Equal("7", values[2]);
        Assert.Equal("да", values[3]);
        Assert.Equal("Очно", values[4]);
        Assert.Equal("4.5", values[5]);
        Assert.Equal("вт, чт после 15:00", values[6]);
        Assert.False(values.ContainsKey(7));
    }

    [Fact]
    public void Validate_RequiredMissing_ErrorNamesQuestion()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((2, ["5"])));
        var error = Assert.Single(errors);
        Assert.Equal(1, error.ItemId);
        Assert.Equal("Ответьте на вопрос «Темы запроса».", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("пять")]
    [InlineData("7.5")]
    public void Validate_ScaleOutOfRange_Refused(string value)
    {
        var (values, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство"]), (2, [value])));
        Assert.Equal("Ответ на вопрос «Польза» — целое число от 1 до 10.", Assert.Single(errors).Message);
        Assert.False(values.ContainsKey(2));
    }

    [Fact]
    public void Validate_SingleNotInOptions_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство"]), (2, ["3"]), (4, ["По телефону"])));
        Assert.Equal("Выберите ответ на вопрос «Формат» из предложенных вариантов.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_MultipleOutsideOptions_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство", "Вязание"]), (2, ["3"])));
        Assert.Contains("только из предложенных вариантов", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_MoreThanFourRequests_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, TopicNames), (2, ["3"])));
        Assert.Contains("не более 4 тем", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_YesNoAndNumberInvalid_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство"]), (2, ["3"]), (3, ["может быть"]), (5, ["-2"])));
        Assert.Equal(["На вопрос «Продолжить?» ответьте «да» или «нет».", "Ответ на вопрос «Часов в месяц» — неотрицательное число."],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Validate_TwoValuesForSingle_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство"]), (2, ["3", "4"])));
        Assert.Equal("На вопрос «Польза» можно дать только один ответ.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Validate_TextTooLong_Refused()
    {
        var (_, errors) = QuestionnaireAnswers.Validate(Items, Raw((1, ["Предпринимательство"]), (2, ["3"]), (7, [new string('а', 4001)])));
        Assert.Contains("длиннее 4000 символов", Assert.Single(errors).Message);
    }

    [Fact]
    public void ToProfile_FillsTopicsAvailabilityInterests()
    {
        var lookup = new Dictionary<string, long> { ["Подготовка к ОГЭ/ЕГЭ"] = 10, ["Мотивация к учёбе"] = 30 };
        var values = new Dictionary<long, string>
        {
            [1] = "Подготовка к ОГЭ/ЕГЭ\nМотивация к учёбе\nПредпринимательство", [2] = "7", [6] = "по субботам", [7] = "шахматы",
        };
        var update = QuestionnaireAnswers.ToProfile(Items, values, lookup);
        Assert.Equal([10L, 30L], update.RequestTopicIds);
        Assert.Null(update.CompetencyTopicIds);
        Assert.Equal("по субботам", update.Availability);
        Assert.Equal("шахматы", update.Interests);
        Assert.Equal(["Предпринимательство"], update.UnknownTopics);
    }

    [Fact]
    public void ToProfile_NoFillingAnswers_ChangesNothing()
    {
        var update = QuestionnaireAnswers.ToProfile(Items, new Dictionary<long, string> { [2] = "5" }, new Dictionary<string, long>());
        Assert.Null(update.RequestTopicIds);
        Assert.Null(update.Availability);
        Assert.Null(update.Interests);
        Assert.Empty(update.UnknownTopics);
    }
}

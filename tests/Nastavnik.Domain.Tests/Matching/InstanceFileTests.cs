using System.Text;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Domain.Tests.Matching;

public class InstanceFileTests
{
    [Fact]
    public void Read_WrittenInstance_RoundTrips()
    {
        var instance = InstanceGenerator.Generate(3000, municipalities: 30, candidates: 12, seed: 5);

        var read = Parse(Text(instance));

        AssertSame(instance, read);
    }

    [Fact]
    public void Write_SmallInstance_IsTheDocumentedFormat()
    {
        var instance = MatchInstance.FromEdges([2, 0], 2, [(0, 1, 7), (1, 0, 1000)]);

        Assert.Equal("mentors 2\nmentees 2\nm 1 2\nm 2 0\ne 1 2 7\ne 2 1 1000\n", Text(instance));
    }

    [Fact]
    public void Read_CommentsBlankLinesTabsCrLfAndBom_Accepted()
    {
        var text = "\uFEFFc a comment\r\n\r\nmentees 2\r\nmentors\t1\r\nc another\r\nm 1 1\r\n  e 2 1 5  \r\ne 1 1 9";

        var instance = Parse(text);

        Assert.Equal(2, instance.MenteeCount);
        Assert.Equal([1], instance.Capacity);
        Assert.Equal([0, 1, 2], instance.EdgeStart);
        Assert.Equal([0, 0], instance.EdgeMentor);
        Assert.Equal([9, 5], instance.EdgeScore);
    }

    [Fact]
    public void Read_EdgesInAnyOrder_SameAsSorted()
    {
        var instance = InstanceGenerator.Generate(500, municipalities: 5, candidates: 6, seed: 9);
        var lines = Text(instance).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var edges = lines.Where(l => l.StartsWith("e ")).ToArray();
        new Random(3).Shuffle(edges);
        // Mentor records after some edges too: records may come in any order after the headers.
        var shuffled = string.Join('\n', lines.Take(2).Concat(edges.Take(100)).Concat(lines.Where(l => l.StartsWith("m "))).Concat(edges.Skip(100)));

        var read = Parse(shuffled);

        // Within a mentee the file's order is kept; the pairs are the same.
        Assert.Equal(instance.Capacity, read.Capacity);
        Assert.Equal(instance.EdgeStart, read.EdgeStart);
        for (var i = 0; i < instance.MenteeCount; i++)
        {
            Assert.Equal(Pairs(instance, i), Pairs(read, i).Order());
        }
    }

    private static IEnumerable<(int, int)> Pairs(MatchInstance instance, int mentee) =>
        Enumerable.Range(instance.EdgeStart[mentee], instance.EdgeStart[mentee + 1] - instance.EdgeStart[mentee])
            .Select(e => (instance.EdgeMentor[e], instance.EdgeScore[e]));

    [Fact]
    public void Read_NoMenteesNoEdges_EmptyInstance()
    {
        var instance = Parse("mentors 1\nmentees 0\nm 1 3\n");

        Assert.Equal(0, instance.MenteeCount);
        Assert.Equal(0, instance.EdgeCount);
    }

    [Theory]
    [InlineData("mentors 1\nmentees 1\nm 1 1\nx 1 1 1\n", 4, "неизвестная запись «x»")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\nedge 1 1 1\n", 4, "неизвестная запись «edge»")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1\n", 4, "полей 2 из 3")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 5 6\n", 4, "лишнее поле «6»")]
    [InlineData("mentors 1\nmentees 1\nm 1\n", 3, "полей 1 из 2")]
    [InlineData("mentors 1\nmentees 1 2\n", 2, "лишнее поле «2»")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 5.5\n", 4, "«5.5» — не целое число")]
    [InlineData("mentors 1\nmentees 1\nm 1 один\n", 3, "«один» — не целое число")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 99999999999\n", 4, "число 99999999999 слишком велико")]
    [InlineData("mentors abc\n", 1, "«abc» — не целое число")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 2 1 5\n", 4, "номер наставляемого 2 вне диапазона 1..1")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 0 1 5\n", 4, "номер наставляемого 0 вне диапазона 1..1")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 3 5\n", 4, "номер наставника 3 вне диапазона 1..1")]
    [InlineData("mentors 1\nmentees 1\nm 2 1\n", 3, "номер наставника 2 вне диапазона 1..1")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 0\n", 4, "балл 0 вне диапазона 1..1000")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 1001\n", 4, "балл 1001 вне диапазона 1..1000")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\ne 1 1 -5\n", 4, "балл -5 вне диапазона 1..1000")]
    [InlineData("mentors 1\nmentees 1\nm 1 1\nc\nm 1 2\n", 5, "наставник 1 уже описан в строке 3")]
    [InlineData("mentors 2\nmentees 2\nm 1 1\nm 2 1\ne 1 1 5\ne 1 2 5\ne 1 1 6\n", 7, "пара «наставляемый 1 — наставник 1» уже задана")]
    [InlineData("mentors 2\nmentees 2\nm 1 1\nm 2 1\ne 2 1 5\ne 1 2 5\ne 2 2 5\ne 1 2 6\ne 2 1 7\n", 8, "пара «наставляемый 1 — наставник 2» уже задана")]
    [InlineData("mentees 1\nm 1 1\n", 2, "запись «m» до заголовка «mentors")]
    [InlineData("mentors 1\ne 1 1 5\n", 2, "запись «e» до заголовка «mentees")]
    [InlineData("c only a comment\n", 1, "нет заголовка «mentors")]
    [InlineData("", 1, "нет заголовка «mentors")]
    [InlineData("mentors 1\n", 1, "нет заголовка «mentees")]
    [InlineData("mentors 1\nmentees 1\nmentors 2\n", 3, "заголовок «mentors» повторяется")]
    [InlineData("mentors -1\n", 1, "число наставников не может быть отрицательным")]
    [InlineData("mentors 1\nmentees 2000000000\n", 2, "число наставляемых 2000000000 больше допустимого 100000000")]
    [InlineData("mentors 1\nmentees 1\nm 1 -1\n", 3, "ёмкость наставника 1 не может быть отрицательной (-1)")]
    [InlineData("mentors 2\nmentees 1\nm 1 1\ne 1 1 5\n", 4, "нет записи «m 2 <ёмкость>» для наставника 2")]
    public void Read_Malformed_ThrowsWithLineNumber(string text, int line, string fragment)
    {
        var error = Assert.Throws<InstanceFormatException>(() => Parse(text));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"строка {line}: ", error.Message);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void Read_LineLongerThanBuffer_ReportsIt()
    {
        var text = "mentors 1\nmentees 1\nm 1 1\nc " + new string('x', 3 << 20) + "\ne 1 1 5 " + new string('7', 20) + "\n";

        var error = Assert.Throws<InstanceFormatException>(() => Parse(text));

        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void WritePairs_MatchedOnly_AscendingOneBased()
    {
        var writer = new StringWriter();

        InstanceFile.WritePairs([2, -1, 0], writer);

        Assert.Equal("p 1 3\np 3 1\n", writer.ToString());
    }

    internal static string Text(MatchInstance instance)
    {
        var writer = new StringWriter();
        InstanceFile.Write(instance, writer);
        return writer.ToString();
    }

    internal static MatchInstance Parse(string text) => InstanceFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    internal static void AssertSame(MatchInstance expected, MatchInstance actual)
    {
        Assert.Equal(expected.Capacity, actual.Capacity);
        Assert.Equal(expected.EdgeStart, actual.EdgeStart);
        Assert.Equal(expected.EdgeMentor, actual.EdgeMentor);
        Assert.Equal(expected.EdgeScore, actual.EdgeScore);
    }
}

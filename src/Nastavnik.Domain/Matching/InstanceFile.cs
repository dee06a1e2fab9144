using System.Text;

namespace Nastavnik.Domain.Matching;

/// <summary>
/// The matcher's text format (UTF-8, one record per line, ids from 1, scores 1..1000):
/// <code>
/// c any comment
/// mentors 3
/// mentees 2
/// m 1 2          mentor 1 takes up to 2 mentees
/// e 1 3 870      mentee 1 may get mentor 3 for 870 points
/// </code>
/// Records may come in any order after the two headers; a mentor without an «m» record is an error.
/// The reader parses bytes by hand (no string per line), so 20 million edge lines load in seconds.
/// </summary>
public static class InstanceFile
{
    public const int MaxScore = 1000;

    /// <summary>Mentors or mentees per file: far above a region, low enough that a typo does not allocate gigabytes.</summary>
    public const int MaxCount = 100_000_000;

    public static MatchInstance Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream);
    }

    public static MatchInstance Read(Stream stream) => new Reader().Run(stream);

    public static void Write(MatchInstance instance, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        Write(instance, writer);
    }

    public static void Write(MatchInstance instance, TextWriter writer)
    {
        var _line = new LineWriter(writer);
        _line.Text("mentors ").Number(instance.MentorCount).End();
        _line.Text("mentees ").Number(instance.MenteeCount).End();
        for (var j = 0; j < instance.MentorCount; j++) _line.Text("m ").Number(j + 1).Text(" ").Number(instance.Capacity[j]).End();
        for (var i = 0; i < instance.MenteeCount; i++)
        {
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                _line.Text("e ").Number(i + 1).Text(" ").Number(instance.EdgeMentor[e] + 1).Text(" ").Number(instance.EdgeScore[e]).End();
            }
        }
        _line.Flush();
    }

    /// <summary>The solution as `p <mentee_id> <mentor_id>` lines (1-based), ascending mentee, matched mentees only.</summary>
    public static void WritePairs(int[] mentorOf, TextWriter writer)
    {
        var _line = new LineWriter(writer);
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (mentorOf[i] >= 0) _line.Text("p ").Number(i + 1).Text(" ").Number(mentorOf[i] + 1).End();
        }
        _line.Flush();
    }

    /// <summary>Formats lines into one char buffer and hands it to the writer in large blocks.</summary>
    internal sealed class LineWriter(TextWriter writer)
    {
        private readonly char[] _buffer = new char[1 << 16];
        private int _used;

        public LineWriter Text(string s)
        {
            Room(s.Length);
            s.CopyTo(_buffer.AsSpan(_used));
            _used += s.Length;
            return this;
        }

        public LineWriter Number(long n)
        {
            Room(20);
            n.TryFormat(_buffer.AsSpan(_used), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            _used += written;
            return this;
        }

        public void End()
        {
            Room(1);
            _buffer[_used++] = '\n';
        }

        public void Flush()
        {
            writer.Write(_buffer, 0, _used);
            _used = 0;
            writer.Flush();
        }

        private void Room(int n)
        {
            if (_used + n <= _buffer.Length) return;
            writer.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    private sealed class Reader
    {
        private int _line;
        private int _mentorCount = -1;
        private int _menteeCount = -1;
        private int[] _capacity = [];
        private int[] _mentorLine = [];   // where each mentor's «m» record was, 0 = not yet
        private int[] _seenBy = [];       // per mentor, the last mentee (1-based) with an edge to it: duplicates in sorted input
        private int[] _perMentee = [];
        private int[] _edgeMentor = new int[1024], _edgeScore = new int[1024];
        private int[]? _edgeMentee, _edgeLine; // kept only once the edges stop coming sorted by mentee
        private int _unsortedFrom = -1;   // the first edge out of mentee order
        private int _edges;
        private int _lastMentee;
        private readonly long[] _fields = new long[4];

        public MatchInstance Run(Stream stream)
        {
            var _buffer = new byte[1 << 20];
            var filled = 0;
            var first = true;
            while (true)
            {
                if (filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
                var read = stream.Read(_buffer, filled, _buffer.Length - filled);
                var end = filled + read;
                var start = 0;
                if (first && end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) start = 3;
                first = false;
                while (true)
                {
                    var newline = _buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                    if (newline < 0) break;
                    Line(_buffer.AsSpan(start, newline));
                    start += newline + 1;
                }
                if (read == 0)
                {
                    if (start < end) Line(_buffer.AsSpan(start, end - start));
                    break;
                }
                filled = end - start;
                _buffer.AsSpan(start, filled).CopyTo(_buffer);
            }
            return Finish();
        }

        private void Line(ReadOnlySpan<byte> text)
        {
            _line++;
            if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
            var at = 0;
            var keyword = Token(text, ref at);
            if (keyword.IsEmpty || keyword[0] == 'c') return;
            if (keyword.Length == 1 && keyword[0] == 'e')
            {
                Numbers(text, at, 3, "e <наставляемый> <наставник> <балл>");
                Edge();
            }
            else if (keyword.Length == 1 && keyword[0] == 'm')
            {
                Numbers(text, at, 2, "m <наставник> <ёмкость>");
                Mentor();
            }
            else if (keyword.SequenceEqual("mentors"u8))
            {
                Numbers(text, at, 1, "mentors <число наставников>");
                if (_mentorCount >= 0) throw Error("заголовок «mentors» повторяется");
                if (_fields[0] < 0) throw Error($"число наставников не может быть отрицательным ({_fields[0]})");
                if (_fields[0] > MaxCount) throw Error($"число наставников {_fields[0]} больше допустимого {MaxCount}");
                _mentorCount = (int)_fields[0];
                _capacity = new int[_mentorCount];
                _mentorLine = new int[_mentorCount];
                _seenBy = new int[_mentorCount];
            }
            else if (keyword.SequenceEqual("mentees"u8))
            {
                Numbers(text, at, 1, "mentees <число наставляемых>");
                if (_menteeCount >= 0) throw Error("заголовок «mentees» повторяется");
                if (_fields[0] < 0) throw Error($"число наставляемых не может быть отрицательным ({_fields[0]})");
                if (_fields[0] > MaxCount) throw Error($"число наставляемых {_fields[0]} больше допустимого {MaxCount}");
                _menteeCount = (int)_fields[0];
                _perMentee = new int[_menteeCount];
            }
            else
            {
                throw Error($"неизвестная запись «{Shown(keyword)}»: ожидается mentors, mentees, m, e или комментарий c");
            }
        }

        private void Mentor()
        {
            Headers("m");
            var id = Id(_fields[0], _mentorCount, "наставника");
            if (_mentorLine[id] > 0) throw Error($"наставник {id + 1} уже описан в строке {_mentorLine[id]}");
            if (_fields[1] < 0) throw Error($"ёмкость наставника {id + 1} не может быть отрицательной ({_fields[1]})");
            _mentorLine[id] = _line;
            _capacity[id] = (int)_fields[1];
        }

        private void Edge()
        {
            Headers("e");
            var mentee = Id(_fields[0], _menteeCount, "наставляемого");
            var mentor = Id(_fields[1], _mentorCount, "наставника");
            var score = _fields[2];
            if (score is < 1 or > MaxScore) throw Error($"балл {score} вне диапазона 1..{MaxScore}");
            if (_edges == _edgeMentor.Length)
            {
                var size = _edges * 2;
                Array.Resize(ref _edgeMentor, size);
                Array.Resize(ref _edgeScore, size);
                if (_edgeMentee is not null) Array.Resize(ref _edgeMentee, size);
                if (_edgeLine is not null) Array.Resize(ref _edgeLine, size);
            }
            if (_unsortedFrom < 0 && mentee + 1 < _lastMentee)
            {
                // The sorted prefix kept only counts per mentee; its mentees follow from them.
                _unsortedFrom = _edges;
                _edgeLine = new int[_edgeMentor.Length];
                _edgeMentee = new int[_edgeMentor.Length];
                var at = 0;
                for (var i = 0; i < _menteeCount; i++)
                {
                    for (var k = 0; k < _perMentee[i]; k++) _edgeMentee[at++] = i;
                }
            }
            if (_unsortedFrom < 0)
            {
                // Sorted so far: a mentee's edges are contiguous, so one stamp per mentor finds a repeated pair now.
                if (_seenBy[mentor] == mentee + 1) throw Error($"пара «наставляемый {mentee + 1} — наставник {mentor + 1}» уже задана");
                _seenBy[mentor] = mentee + 1;
                _lastMentee = mentee + 1;
            }
            else
            {
                _edgeLine![_edges] = _line;
                _edgeMentee![_edges] = mentee;
            }
            _perMentee[mentee]++;
            _edgeMentor[_edges] = mentor;
            _edgeScore[_edges] = (int)score;
            _edges++;
        }

        private MatchInstance Finish()
        {
            if (_mentorCount < 0) throw new InstanceFormatException(Math.Max(_line, 1), "нет заголовка «mentors <число наставников>»");
            if (_menteeCount < 0) throw new InstanceFormatException(Math.Max(_line, 1), "нет заголовка «mentees <число наставляемых>»");
            for (var j = 0; j < _mentorCount; j++)
            {
                if (_mentorLine[j] == 0) throw new InstanceFormatException(_line, $"конец файла: нет записи «m {j + 1} <ёмкость>» для наставника {j + 1}");
            }
            var start = new int[_menteeCount + 1];
            for (var i = 0; i < _menteeCount; i++) start[i + 1] = start[i] + _perMentee[i];
            _perMentee = [];
            if (_unsortedFrom < 0)
            {
                Array.Resize(ref _edgeMentor, _edges);
                Array.Resize(ref _edgeScore, _edges);
                return new MatchInstance(_capacity, start, _edgeMentor, _edgeScore);
            }

            // Out of order: a stable counting sort by mentee, then the repeated pairs. Edges before unsortedFrom were
            // sorted and checked, so the second copy of a pair always lies after it and has its line number.
            var fill = (int[])start.Clone();
            var mentors = new int[_edges];
            var scores = new int[_edges];
            var order = new int[_edges];
            for (var e = 0; e < _edges; e++)
            {
                var at = fill[_edgeMentee![e]]++;
                mentors[at] = _edgeMentor[e];
                scores[at] = _edgeScore[e];
                order[at] = e;
            }
            Array.Clear(_seenBy);
            var duplicate = int.MaxValue;
            var pair = "";
            for (var i = 0; i < _menteeCount; i++)
            {
                for (var at = start[i]; at < start[i + 1]; at++)
                {
                    if (_seenBy[mentors[at]] == i + 1)
                    {
                        var where = _edgeLine![order[at]];
                        if (where < duplicate) (duplicate, pair) = (where, $"пара «наставляемый {i + 1} — наставник {mentors[at] + 1}» уже задана");
                    }
                    _seenBy[mentors[at]] = i + 1;
                }
            }
            if (duplicate != int.MaxValue) throw new InstanceFormatException(duplicate, pair);
            return new MatchInstance(_capacity, start, mentors, scores);
        }

        private void Headers(string record)
        {
            if (_mentorCount < 0) throw Error($"запись «{record}» до заголовка «mentors <число наставников>»");
            if (_menteeCount < 0) throw Error($"запись «{record}» до заголовка «mentees <число наставляемых>»");
        }

        private int Id(long value, int count, string whose)
        {
            if (value < 1 || value > count) throw Error($"номер {whose} {value} вне диапазона 1..{count}");
            return (int)value - 1;
        }

        /// <summary>Exactly <paramref name="count"/> integers after the keyword, into <see cref="fields"/>.</summary>
        private void Numbers(ReadOnlySpan<byte> text, int at, int count, string shape)
        {
            var found = 0;
            while (true)
            {
                var token = Token(text, ref at);
                if (token.IsEmpty) break;
                if (found == count)
                {
                    throw Error($"лишнее поле «{Shown(token)}»: ожидается «{shape}»");
                }
                _fields[found++] = Integer(token);
            }
            if (found < count) throw Error($"ожидается «{shape}»: полей {found} из {count}");
        }

        private long Integer(ReadOnlySpan<byte> token)
        {
            var negative = token[0] == '-';
            var digits = negative ? token[1..] : token;
            if (digits.IsEmpty) throw NotInteger(token);
            long value = 0;
            foreach (var b in digits)
            {
                var d = b - '0';
                if ((uint)d > 9) throw NotInteger(token);
                value = Math.Min(value * 10 + d, 1L << 40);
            }
            if (value > int.MaxValue) throw Error($"число {Shown(token)} слишком велико");
            return negative ? -value : value;
        }

        private InstanceFormatException NotInteger(ReadOnlySpan<byte> token) => Error($"«{Shown(token)}» — не целое число");

        private static ReadOnlySpan<byte> Token(ReadOnlySpan<byte> text, ref int at)
        {
            while (at < text.Length && (text[at] == ' ' || text[at] == '\t')) at++;
            var from = at;
            while (at < text.Length && text[at] != ' ' && text[at] != '\t') at++;
            return text[from..at];
        }

        private static string Shown(ReadOnlySpan<byte> token)
        {
            var s = Encoding.UTF8.GetString(token);
            return s.Length > 40 ? s[..40] + "…" : s;
        }

        private InstanceFormatException Error(string message) => new(_line, message);
    }
}

/// <summary>Malformed instance file: <see cref="Line"/> is the 1-based line, the message (Russian) starts with it.</summary>
public sealed class InstanceFormatException(int line, string message) : Exception($"строка {line}: {message}")
{
    public int Line { get; } = line;
}

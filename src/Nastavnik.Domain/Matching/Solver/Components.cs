namespace Nastavnik.Domain.Matching.Solver;

/// <summary>
/// The connected components of the candidate graph over the mentees that still need a mentor: mentees of component c
/// are <see cref="Mentees"/>[<see cref="Start"/>[c] .. <see cref="Start"/>[c + 1]) in ascending index order, and
/// components are numbered by their smallest mentee, so the split does not depend on anything but the input.
/// </summary>
internal sealed class Components
{
    public required int[] Start { get; init; }
    public required int[] Mentees { get; init; }
    public required long[] EdgeCount { get; init; }
    public int Count => Start.Length - 1;
    public int Largest { get; private init; }

    public static Components Build(int n, int m, int[] edgeStart, int[] edgeMentor, bool[] active)
    {
        // Union-find over mentees 0..n-1 and mentors n..n+m-1, by size with path halving.
        var parent = new int[n + m];
        var size = new int[n + m];
        for (var x = 0; x < parent.Length; x++) { parent[x] = x; size[x] = 1; }
        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }
        for (var i = 0; i < n; i++)
        {
            if (!active[i]) continue;
            for (var e = edgeStart[i]; e < edgeStart[i + 1]; e++)
            {
                int a = Find(i), b = Find(n + edgeMentor[e]);
                if (a == b) continue;
                if (size[a] < size[b]) (a, b) = (b, a);
                parent[b] = a;
                size[a] += size[b];
            }
        }
        // Number components by their first mentee; reuse size[] as root → component id.
        Array.Fill(size, -1);
        var compOf = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (!active[i]) { compOf[i] = -1; continue; }
            var r = Find(i);
            if (size[r] < 0) size[r] = count++;
            compOf[i] = size[r];
        }
        var start = new int[count + 1];
        var edges = new long[count];
        for (var i = 0; i < n; i++)
        {
            if (compOf[i] < 0) continue;
            start[compOf[i] + 1]++;
            edges[compOf[i]] += edgeStart[i + 1] - edgeStart[i];
        }
        for (var c = 0; c < count; c++) start[c + 1] += start[c];
        var fill = new int[count];
        Array.Copy(start, fill, count);
        var mentees = new int[start[count]];
        for (var i = 0; i < n; i++)
        {
            if (compOf[i] >= 0) mentees[fill[compOf[i]]++] = i;
        }
        var largest = 0;
        for (var c = 0; c < count; c++) largest = Math.Max(largest, start[c + 1] - start[c]);
        return new Components { Start = start, Mentees = mentees, EdgeCount = edges, Largest = largest };
    }
}

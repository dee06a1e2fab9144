namespace Nastavnik.Domain.Matching;

/// <summary>
/// The instance as a standard DIMACS min-cost-flow problem, so that any reference solver can check our optimum:
/// its minimum cost is −(the largest total score).
/// </summary>
public static class Dimacs
{
    /// <summary>
    /// Nodes (1-based, as DIMACS wants) for N mentees and M mentors: 1 the source (supply N); 2..N+1 the mentees;
    /// N+2..N+M+1 the mentors; N+M+2 the sink (supply −N). Arcs, all with lower bound 0, in this order:
    /// source → mentee (cap 1, cost 0) for each mentee; mentee → sink (cap 1, cost 0), the «unmatched» arc, so every
    /// unit can reach the sink; mentee → mentor (cap 1, cost −score) for each candidate pair; mentor → sink
    /// (cap = capacity, cost 0) for each mentor. Node count N+M+2, arc count 2N+E+M.
    /// </summary>
    public static void Write(MatchInstance instance, TextWriter writer)
    {
        var n = instance.MenteeCount;
        var m = instance.MentorCount;
        var source = 1;
        var sink = n + m + 2;
        var line = new InstanceFile.LineWriter(writer);
        line.Text("c Nastavnik matching instance as min-cost flow; optimum cost = -(largest total score)").End();
        line.Text("c nodes: 1 source, 2..").Number(n + 1).Text(" mentees, ").Number(n + 2).Text("..").Number(n + m + 1)
            .Text(" mentors, ").Number(sink).Text(" sink").End();
        line.Text("p min ").Number(n + m + 2).Text(" ").Number(2L * n + instance.EdgeCount + m).End();
        line.Text("n ").Number(source).Text(" ").Number(n).End();
        line.Text("n ").Number(sink).Text(" ").Number(-n).End();
        for (var i = 0; i < n; i++) line.Text("a ").Number(source).Text(" ").Number(i + 2).Text(" 0 1 0").End();
        for (var i = 0; i < n; i++) line.Text("a ").Number(i + 2).Text(" ").Number(sink).Text(" 0 1 0").End();
        for (var i = 0; i < n; i++)
        {
            for (var e = instance.EdgeStart[i]; e < instance.EdgeStart[i + 1]; e++)
            {
                line.Text("a ").Number(i + 2).Text(" ").Number(n + 2 + instance.EdgeMentor[e]).Text(" 0 1 ").Number(-instance.EdgeScore[e]).End();
            }
        }
        for (var j = 0; j < m; j++) line.Text("a ").Number(n + 2 + j).Text(" ").Number(sink).Text(" 0 ").Number(instance.Capacity[j]).Text(" 0").End();
        line.Flush();
    }
}

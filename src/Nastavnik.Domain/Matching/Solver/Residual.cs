namespace Nastavnik.Domain.Matching.Solver;

/// <summary>
/// The residual flow network of the whole instance in flat arrays: mentee i holds edge <see cref="EdgeOf"/>[i]
/// (or -1), mentor j has <see cref="Free"/>[j] slots left and its mentees in a linked list. Components are disjoint,
/// so threads solving different components never touch the same slot.
/// </summary>
internal sealed class Residual
{
    public readonly int N;
    public readonly int[] EdgeStart, EdgeMentor, Score;
    public readonly int[] Free;
    public readonly int[] EdgeOf;
    public readonly int[] Head, Next, Prev;

    public Residual(int[] edgeStart, int[] edgeMentor, int[] score, int[] free)
    {
        N = edgeStart.Length - 1;
        EdgeStart = edgeStart;
        EdgeMentor = edgeMentor;
        Score = score;
        Free = free;
        EdgeOf = new int[N];
        Array.Fill(EdgeOf, -1);
        Head = new int[free.Length];
        Array.Fill(Head, -1);
        Next = new int[N];
        Prev = new int[N];
    }

    public int MentorOf(int i) => EdgeOf[i] < 0 ? -1 : EdgeMentor[EdgeOf[i]];

    public void Attach(int i, int e)
    {
        var j = EdgeMentor[e];
        EdgeOf[i] = e;
        Prev[i] = -1;
        Next[i] = Head[j];
        if (Head[j] >= 0) Prev[Head[j]] = i;
        Head[j] = i;
    }

    public void Detach(int i)
    {
        var e = EdgeOf[i];
        if (e < 0) return;
        if (Prev[i] >= 0) Next[Prev[i]] = Next[i]; else Head[EdgeMentor[e]] = Next[i];
        if (Next[i] >= 0) Prev[Next[i]] = Prev[i];
        EdgeOf[i] = -1;
    }
}

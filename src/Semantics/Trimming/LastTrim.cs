using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Trimming;

/// <summary>
/// The file-scope nodes of one trim in order, with what the trim read of each:
/// its kind, its syntax kind and its width. The next trim of the source walks
/// its nodes beside these (<see cref="TrimCache"/>): a node that is the very
/// object found here (a reference compare, in order, or within a short
/// look-ahead after an insertion or deletion) takes these, and its position is
/// the running sum of widths, so the ~20,000 unchanged nodes of a config flip
/// are not read at all (reading each one's width and identity hash misses the
/// cache once or twice per node: ~2 ms per trim). Two sets are kept and swapped,
/// so no trim allocates them.
/// </summary>
internal sealed class LastTrim
{
    public GreenNode?[] Greens = new GreenNode?[256];
    public TrimmedKind?[] Kinds = new TrimmedKind?[256];
    public SyntaxKind[] SyntaxKinds = new SyntaxKind[256];
    public int[] Widths = new int[256];
    public int Count;

    public void Resize(int count)
    {
        Count = count;
        if (count <= Greens.Length) return;
        var size = Math.Max(count, Greens.Length * 2);
        Greens = new GreenNode?[size];
        Kinds = new TrimmedKind?[size];
        SyntaxKinds = new SyntaxKind[size];
        Widths = new int[size];
    }

    /// <summary>Where <paramref name="green"/> is from <paramref name="from"/> on, looking a few nodes ahead; -1 when not there.</summary>
    public int IndexOf(GreenNode green, int from, int lookAhead)
    {
        var end = Math.Min(Count, from + lookAhead);
        for (var k = from; k < end; k++)
        {
            if (ReferenceEquals(Greens[k], green)) return k;
        }
        return -1;
    }
}

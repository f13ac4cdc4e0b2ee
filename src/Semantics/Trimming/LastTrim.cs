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
/// <para>
/// A set also says, per item, where the same item was in the trim walked
/// beside (<see cref="LastItem"/>) and from which item on the nodes are those
/// of that trim one after another (<see cref="RunStart"/>): a run of items
/// bound together last time (a binding block) is met again, the same nodes
/// equally spaced, when its first item is the same item and its last item's
/// run starts at or before its first, two reads instead of a compare per item.
/// </para>
/// </summary>
internal sealed class LastTrim
{
    private static int s_serials;

    public GreenNode?[] Greens = new GreenNode?[256];
    public TrimmedKind?[] Kinds = new TrimmedKind?[256];
    public SyntaxKind[] SyntaxKinds = new SyntaxKind[256];
    public int[] Widths = new int[256];
    public int Count;

    /// <summary>Per node: its item's index (-1: dropped).</summary>
    public int[] ItemIndex = new int[256];

    /// <summary>Per node: where the same node is in the trim walked beside (-1: not found).</summary>
    public int[] Found = new int[256];

    /// <summary>Per item: the index of the same item in the trim walked beside, -1 when its node was not found there.</summary>
    public int[] LastItem = new int[256];

    /// <summary>Per item: the first item of the stretch of nodes, up to this item's, that follow one another as in the trim walked beside.</summary>
    public int[] RunStart = new int[256];

    /// <summary>This trim, numbered over every trim of the process (0: none yet), so a set refilled for another trim is told apart.</summary>
    public int Serial;

    /// <summary>The trim walked beside (0: none).</summary>
    public int BesideSerial;

    public void Resize(int count)
    {
        Count = count;
        Serial = Interlocked.Increment(ref s_serials);
        if (count <= Greens.Length) return;
        var size = Math.Max(count, Greens.Length * 2);
        Greens = new GreenNode?[size];
        Kinds = new TrimmedKind?[size];
        SyntaxKinds = new SyntaxKind[size];
        Widths = new int[size];
        ItemIndex = new int[size];
        Found = new int[size];
    }

    /// <summary>Room for the items' arrays.</summary>
    public void ResizeItems(int count)
    {
        if (count <= LastItem.Length) return;
        var size = Math.Max(count, LastItem.Length * 2);
        LastItem = new int[size];
        RunStart = new int[size];
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

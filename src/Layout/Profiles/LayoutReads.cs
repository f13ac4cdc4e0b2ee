using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// What encoding one piece of a profile looked up in the layout set beyond the
/// piece itself: each typedef it peeled (what the name resolved to) and each
/// base type or enum whose size it asked. A cached encoding stands for the
/// piece again only while every read still answers the same
/// (<see cref="StillHold"/>): a member <c>u32 x</c> is written as what
/// <c>u32</c> names today, not when the record was last written.
/// </summary>
internal sealed class LayoutReads
{
    internal enum Kind : byte { Typedef, BaseTypeSize, EnumSize }

    internal readonly record struct Read(Kind Kind, string Name, TypedefLayout? Typedef, long? Size);

    private readonly List<Read> _reads = [];

    public static readonly LayoutReads None = new();

    public void Typedef(string name, TypedefLayout? found) => _reads.Add(new Read(Kind.Typedef, name, found, null));

    public void BaseTypeSize(string name, long? size) => _reads.Add(new Read(Kind.BaseTypeSize, name, null, size));

    public void EnumSize(string name, long? size) => _reads.Add(new Read(Kind.EnumSize, name, null, size));

    /// <summary>
    /// The reads as they stand, each once: a record whose members name one typedef ten times asked the same
    /// question ten times, and the answers are compared on every later build (<see cref="StillHold(Answers)"/>
    /// is a conjunction, so a repeat adds nothing to it).
    /// </summary>
    public LayoutReads Copy()
    {
        if (_reads.Count == 0) return None;
        var copy = new LayoutReads();
        var seen = new HashSet<Read>(_reads.Count);
        foreach (var read in _reads)
        {
            if (seen.Add(read)) copy._reads.Add(read);
        }
        return copy;
    }

    public void Clear() => _reads.Clear();

    /// <summary>
    /// The names read, summed up: one bit per name (<see cref="MaskOf"/>). A read of a name whose bit is not in
    /// the mask was not made; the converse need not hold (two names may share a bit).
    /// </summary>
    public ulong Mask()
    {
        var mask = 0UL;
        foreach (var read in _reads) mask |= MaskOf(read.Name);
        return mask;
    }

    /// <summary>A name's bit in <see cref="Mask"/>: a bit chosen by its hash (ordinal, stable within the process).</summary>
    public static ulong MaskOf(string name) => 1UL << (name.GetHashCode() & 63);

    /// <summary>Whether <paramref name="layouts"/> answers every read as it was answered when recorded.</summary>
    public bool StillHold(LayoutSet layouts) => StillHold(new Answers(layouts));

    /// <summary><see cref="StillHold(LayoutSet)"/> with the answers of one layout set shared between many checks.</summary>
    public bool StillHold(Answers answers)
    {
        foreach (var read in _reads)
        {
            if (!answers.Holds(read)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether reads hold in one layout set, remembered: pieces encoded in one
    /// build recorded the same typedef objects, so most checks are answered by
    /// one lookup by reference instead of a tree lookup and a deep comparison.
    /// </summary>
    internal sealed class Answers(LayoutSet layouts)
    {
        private readonly Dictionary<TypedefLayout, bool> _typedefs = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(Kind, string, long?), bool> _others = [];

        public bool Holds(Read read)
        {
            if (read is { Kind: Kind.Typedef, Typedef: { } recorded })
            {
                if (!_typedefs.TryGetValue(recorded, out var same))
                {
                    _typedefs[recorded] = same = Equals(layouts.Typedefs.GetValueOrDefault(read.Name), recorded);
                }
                return same;
            }
            var key = (read.Kind, read.Name, read.Size);
            if (!_others.TryGetValue(key, out var holds)) _others[key] = holds = Compute(read);
            return holds;
        }

        private bool Compute(Read read) => read.Kind switch
        {
            Kind.Typedef => !layouts.Typedefs.ContainsKey(read.Name),
            Kind.BaseTypeSize => (layouts.BaseTypes.TryGetValue(read.Name, out var b) ? b.Size : (long?)null) == read.Size,
            _ => (layouts.Enums.TryGetValue(read.Name, out var e) ? e.Size : (long?)null) == read.Size,
        };
    }
}

using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// What gcc's symbol table knows of each file-scope object and function
/// definition (see Binder.DebugUses.cs): one array of structs in the order
/// first defined (redeclarations merge, as gcc's duplicate_decls merges them),
/// and the position of each name number's entry in it. A kernel unit defines
/// ~6,400 (most of them static inline functions) and a first visit replays
/// nearly all: an object per definition per bind was an allocation each, and
/// an array of structs by name number a cache miss per write; entries in
/// order are written and read front to back. Kept with the other arrays by
/// name (<see cref="NameArrays"/>); clearing resets only what the last bind defined.
/// </summary>
internal sealed class DefinedSlots(int capacity)
{
    // Position + 1 of each name number's entry (0: none).
    private int[] _positions = new int[capacity];
    private Definition[] _entries = new Definition[256];

    /// <summary>How many names are defined.</summary>
    public int Count { get; private set; }

    /// <summary>The entry at a position (0 to <see cref="Count"/>, in the order first defined).</summary>
    public ref Definition At(int position) => ref _entries[position];

    /// <summary>Whether <paramref name="id"/> has a definition.</summary>
    public bool IsDefined(int id) => (uint)id < (uint)_positions.Length && _positions[id] != 0;

    /// <summary>The entry of a name number, made (at the end) when it has none.</summary>
    public ref Definition Define(int id)
    {
        if (id >= _positions.Length) Array.Resize(ref _positions, Math.Max(id + 1, _positions.Length * 2));
        ref var position = ref _positions[id];
        if (position == 0)
        {
            if (Count == _entries.Length) Array.Resize(ref _entries, Count * 2);
            _entries[Count] = new Definition { Id = id };
            position = ++Count;
        }
        return ref _entries[position - 1];
    }

    /// <summary>The entry of a defined name number.</summary>
    public ref Definition Of(int id) => ref _entries[_positions[id] - 1];

    public void Clear()
    {
        for (var k = 0; k < Count; k++) _positions[_entries[k].Id] = 0;
        Array.Clear(_entries, 0, Count);
        Count = 0;
    }

    /// <summary>One definition.</summary>
    internal struct Definition
    {
        public int Id;

        /// <summary>Output even when nothing refers to it (cgraphunit.cc symtab_node::needed_p: a public definition, or <c>used</c>).</summary>
        public bool NeededAlone;

        /// <summary>Where the function's body is (with <see cref="Body"/>).</summary>
        public int BodyPosition;

        /// <summary>A function's body, a token run (null: none).</summary>
        public GreenNode? Body;

        /// <summary>Objects and functions its initializer or declarator names outside sizeof, alignof and typeof (and its body's, once read); null: none yet.</summary>
        public HashSet<string>? References;
    }
}

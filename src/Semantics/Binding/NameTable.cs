using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Numbers for the file-scope ordinary names a binder meets, so that the
/// state keyed by them (the file scope's symbols, where they were declared,
/// the function signatures waiting to be bound) is an array. Binding reuse
/// keeps one table across binds (<see cref="BindingReuse"/>): a record names
/// what it read and wrote by number, and replaying it costs array accesses,
/// not hashing a name per read and per effect (a kernel unit replays 40,000
/// reads and 80,000 effects per config flip). Numbers are never reused.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private string[] _names = new string[64];

    public int Count => _ids.Count;

    /// <summary>
    /// Every name by its number (entries at and past <see cref="Count"/> unset).
    /// Only appended to, and grown into a new array: an array handed out stays
    /// right for the numbers given before, so a bind's result may keep it
    /// (<see cref="SymbolLocations"/>) while later binds number more names.
    /// </summary>
    public string[] Names => _names;

    /// <summary>The number of a name that has one.</summary>
    public bool TryId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>The number of a name, given one when it has none.</summary>
    public int Id(string name)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, name, out var found);
        if (!found)
        {
            id = _ids.Count - 1;
            if (id >= _names.Length) Array.Resize(ref _names, _names.Length * 2);
            _names[id] = name;
        }
        return id;
    }
}

/// <summary>A value per name number (default: none), grown as numbers are met.</summary>
internal sealed class NameSlots<T>(int capacity)
{
    private T?[] _values = new T?[capacity];

    /// <summary>Every value back to none, room kept (binding reuse hands the same slots to each bind: see <see cref="NameArrays"/>).</summary>
    public void Clear() => Array.Clear(_values);

    public T? this[int id] => (uint)id < (uint)_values.Length ? _values[id] : default;

    public void Set(int id, T? value)
    {
        if (id >= _values.Length) Array.Resize(ref _values, Math.Max(id + 1, _values.Length * 2));
        // Through a reference, not an array store: storing into an array of a reference type checks
        // the value's type against the element type (array covariance), reading each symbol object
        // (spread over the heap) once per replayed declaration. The type is T's by construction.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), id) = value;
    }
}

/// <summary>
/// The arrays of state by name number that one bind uses (file-scope symbols and tags,
/// waiting signatures and how far their items moved, locations). A kernel
/// unit's are a few hundred kilobytes each, large-object-heap arrays that
/// would be allocated per bind and collected only by full collections:
/// binding reuse keeps one set and clears it for each bind.
/// </summary>
internal sealed class NameArrays(int capacity)
{
    public NameSlots<OrdinarySymbol> Ordinary { get; } = new(capacity);

    /// <summary>The file-scope tags, by the number of the tag's spelling.</summary>
    public NameSlots<TagSymbol> Tags { get; } = new(capacity);

    public NameSlots<object> UnboundSites { get; } = new(capacity);

    public NameSlots<int> UnboundMoves { get; } = new(capacity);

    public NameSlots<int?> Locations { get; } = new(capacity);

    /// <summary>The file-scope typedefs, and the numbers set, in the order first set (clearing resets only those: ~3,000 of the slots).</summary>
    public NameSlots<Types.TypedefType> Typedefs { get; } = new(capacity);

    public List<int> TypedefIds { get; } = [];

    /// <summary>The file-scope object and function definitions (see Binder.DebugUses.cs).</summary>
    public DefinedSlots Defined { get; } = new(capacity);

    public void Clear()
    {
        Ordinary.Clear();
        Tags.Clear();
        UnboundSites.Clear();
        UnboundMoves.Clear();
        Locations.Clear();
        foreach (var id in TypedefIds) Typedefs.Set(id, null);
        TypedefIds.Clear();
        Defined.Clear();
    }
}

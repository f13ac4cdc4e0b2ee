namespace LayoutExpert.Layout.Dwarf;

/// <summary>The names of complete definitions seen so far (interned by <see cref="StringTable"/>, so repeats allocate nothing).</summary>
internal sealed class RepeatedNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Adds the name; false when it was already there.</summary>
    public bool Add(string name) => _names.Add(name);
}

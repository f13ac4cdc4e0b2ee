namespace LayoutExpert.Preprocessing.Macros;

/// <summary>The macros defined at a point of a preprocessing run, by name.</summary>
public sealed class MacroTable
{
    private readonly Dictionary<string, MacroDefinition> _macros = new(StringComparer.Ordinal);

    public int Count => _macros.Count;

    public bool TryGet(string name, out MacroDefinition definition) => _macros.TryGetValue(name, out definition!);

    public bool IsDefined(string name) => _macros.ContainsKey(name);

    /// <summary>Defines or replaces; returns the definition it replaced, if any.</summary>
    public MacroDefinition? Define(MacroDefinition definition)
    {
        _macros.TryGetValue(definition.Name, out var previous);
        _macros[definition.Name] = definition;
        return previous;
    }

    public bool Undefine(string name) => _macros.Remove(name);

    public IEnumerable<MacroDefinition> All => _macros.Values;
}

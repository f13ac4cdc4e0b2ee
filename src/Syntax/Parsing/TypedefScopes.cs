namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// What a C compiler must know while parsing (C11 6.7.8p3, 6.2.1): which
/// identifiers are typedef names in the current scope. File scope holds
/// typedefs; a prototype scope (one per parameter list) may redeclare a
/// typedef name as an ordinary identifier, hiding it until the list ends.
/// Struct members live in their own name space (6.2.3) and hide nothing.
/// Function bodies are not parsed, so block scopes never appear.
/// </summary>
internal sealed class TypedefScopes
{
    /// <summary>Per scope: name to "is a typedef name" (false: an ordinary identifier hiding outer typedefs).</summary>
    /// <summary>Inner scopes are made on their first declaration: most parameter lists are never looked into.</summary>
    private readonly List<Dictionary<string, bool>?> _scopes = [];

    public TypedefScopes(IEnumerable<string> predefined)
    {
        var file = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in predefined) file[name] = true;
        _scopes.Add(file);
    }

    public bool IsFileScope => _scopes.Count == 1;

    public bool IsTypedefName(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i] is { } scope && scope.TryGetValue(name, out var isTypedef)) return isTypedef;
        }
        return false;
    }

    public void DeclareTypedef(string name) => Innermost()[name] = true;

    /// <summary>True when the name is declared in any scope, as a typedef or as an ordinary identifier.</summary>
    public bool IsDeclared(string name)
    {
        foreach (var scope in _scopes)
        {
            if (scope is not null && scope.ContainsKey(name)) return true;
        }
        return false;
    }

    /// <summary>
    /// An ordinary identifier (object, function, enumerator). In an inner scope
    /// it hides an outer typedef name. At file scope gcc rejects redeclaring a
    /// typedef name as something else and keeps the typedef, so that stays.
    /// </summary>
    public void DeclareOrdinary(string name)
    {
        var scope = Innermost();
        if (IsFileScope && scope.TryGetValue(name, out var isTypedef) && isTypedef) return;
        scope[name] = false;
    }

    public void Push() => _scopes.Add(null);

    public void Pop()
    {
        if (_scopes.Count > 1) _scopes.RemoveAt(_scopes.Count - 1);
    }

    private Dictionary<string, bool> Innermost() => _scopes[^1] ??= new Dictionary<string, bool>(StringComparer.Ordinal);
}

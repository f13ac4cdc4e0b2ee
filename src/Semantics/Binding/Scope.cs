using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>Which tag a name was declared as: struct, union and enum tags share one name space (C11 6.2.3p1).</summary>
internal enum TagKind { Struct, Union, Enum }

internal sealed record TagSymbol(TagKind Kind, RecordId? Record, EnumId? Enum)
{
    /// <summary>The type the tag names, made once (every use of a tag would otherwise allocate one).</summary>
    public CType Type { get; } = Record is { } r ? new RecordType(r) : new EnumType(Enum!);

    public static string Spelling(TagKind kind) => kind switch
    {
        TagKind.Struct => "struct",
        TagKind.Union => "union",
        _ => "enum",
    };
}

internal enum ScopeKind { File, Prototype }

/// <summary>
/// One scope (C11 6.2.1): file scope, or the prototype scope of a parameter
/// list, where tags first declared are new types (6.2.1p4, p7). Struct and
/// union member lists open no scope in C: tags defined inside them belong to
/// the enclosing scope.
/// </summary>
internal sealed class Scope(Scope? parent, ScopeKind kind, NameTable? names = null, NameSlots<OrdinarySymbol>? numbered = null, BinderSizes sizes = default,
    NameSlots<TagSymbol>? numberedTags = null)
{
    // Made on first use: most prototype scopes declare nothing.
    private Dictionary<string, TagSymbol>? _tags;
    private Dictionary<string, OrdinarySymbol>? _ordinary;

    // The file scope's ordinary identifiers, by name number (see NameTable), and the numbers declared, in order.
    private readonly NameSlots<OrdinarySymbol>? _numbered = names is null ? null : numbered;
    private readonly List<int> _declared = new(sizes.Ordinary);

    // The file scope's tags, by the number of the tag's spelling (tags and ordinary identifiers are two name
    // spaces, C11 6.2.3p1, so one number keys a slot in each): replay checks and applies them without hashing.
    private readonly NameSlots<TagSymbol>? _numberedTags = names is null ? null : numberedTags;
    private int _numberedTagCount;

    public Scope? Parent { get; } = parent;

    public int TagCount => _numberedTags is null ? _tags?.Count ?? 0 : _numberedTagCount;

    public ScopeKind Kind { get; } = kind;

    public bool IsFile => Kind == ScopeKind.File;

    /// <summary>Set on the file scope while an item is recorded for binding reuse: it hears every file-scope lookup and declaration.</summary>
    public IFileScopeObserver? Observer { get; set; }

    public TagSymbol? FindTagHere(string tag)
    {
        if (_numberedTags is null) return _tags?.GetValueOrDefault(tag);
        var id = names!.Id(tag);
        var symbol = _numberedTags[id];
        Observer?.ReadTag(id, symbol);
        return symbol;
    }

    /// <summary>The file-scope tag of a tag number, unobserved (replay checks a record's reads with it).</summary>
    public TagSymbol? TagAt(int id) => _numberedTags![id];

    public TagSymbol? FindTag(string tag)
    {
        for (var scope = this; ; scope = scope.Parent!)
        {
            // The outermost scope is the file scope: its lookups are the ones an observer hears.
            if (scope.Parent is null) return scope.FindTagHere(tag);
            if (scope._tags is not null && scope._tags.TryGetValue(tag, out var symbol)) return symbol;
        }
    }

    public void DeclareTag(string tag, TagSymbol symbol)
    {
        if (_numberedTags is null)
        {
            (_tags ??= new(StringComparer.Ordinal))[tag] = symbol;
            return;
        }
        var id = names!.Id(tag);
        DeclareTagAt(id, symbol);
        Observer?.WroteTag(id, symbol);
    }

    /// <summary>Declares a file-scope tag by number, unobserved (replay applies a record's effects with it).</summary>
    public void DeclareTagAt(int id, TagSymbol symbol)
    {
        if (_numberedTags![id] is null) _numberedTagCount++;
        _numberedTags.Set(id, symbol);
    }

    public OrdinarySymbol? FindOrdinaryHere(string name)
    {
        if (_numbered is null) return _ordinary?.GetValueOrDefault(name);
        var id = names!.Id(name);
        var symbol = _numbered[id];
        Observer?.ReadOrdinary(id, symbol);
        return symbol;
    }

    /// <summary>The file-scope symbol of a name number, unobserved (replay checks a record's reads with it).</summary>
    public OrdinarySymbol? OrdinaryAt(int id) => _numbered![id];

    public OrdinarySymbol? FindOrdinary(string name)
    {
        for (var scope = this; ; scope = scope.Parent!)
        {
            if (scope.Parent is null) return scope.FindOrdinaryHere(name);
            if (scope._ordinary is not null && scope._ordinary.TryGetValue(name, out var symbol)) return symbol;
        }
    }

    public void DeclareOrdinary(OrdinarySymbol symbol)
    {
        if (_numbered is null)
        {
            (_ordinary ??= new(StringComparer.Ordinal))[symbol.Name] = symbol;
            return;
        }
        var id = names!.Id(symbol.Name);
        DeclareOrdinaryAt(id, symbol);
        Observer?.WroteOrdinary(id, symbol);
    }

    /// <summary>Declares a file-scope symbol by name number, unobserved (replay applies a record's effects with it).</summary>
    public void DeclareOrdinaryAt(int id, OrdinarySymbol symbol)
    {
        if (_numbered![id] is null) _declared.Add(id);
        _numbered.Set(id, symbol);
    }

    /// <summary>The name numbers of the file scope's ordinary identifiers, in the order first declared.</summary>
    public IReadOnlyList<int> DeclaredIds => _declared;
}

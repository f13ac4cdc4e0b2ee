namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// One identifier's standing at file scope, as an object: the logged facts
/// and effects of reusable declarations point at it, so checking them again
/// costs no lookup by name. Its state belongs to one parse at a time
/// (<see cref="Parse"/>): read under another parse's number it is absent.
/// </summary>
internal sealed class FileScopeName(string name)
{
    public string Name { get; } = name;

    /// <summary>The parse whose state <see cref="StateInParse"/> is.</summary>
    public int Parse { get; set; }

    public FileScopeNameState StateInParse { get; set; }

    /// <summary>The logged declaration <see cref="Marks"/> are about.</summary>
    public int LogSerial { get; set; }

    public FileScopeLogMarks Marks { get; set; }

    public FileScopeNameState StateIn(int parse) => Parse == parse ? StateInParse : FileScopeNameState.Absent;

    public void SetState(int parse, FileScopeNameState state)
    {
        Parse = parse;
        StateInParse = state;
    }

    public override string ToString() => Name;
}

internal enum FileScopeNameState : byte
{
    Absent,
    Ordinary,
    Typedef,
}

/// <summary>What the logged declaration did with a name so far.</summary>
[Flags]
internal enum FileScopeLogMarks : byte
{
    None = 0,

    /// <summary>Whether it is a typedef name was logged as a precondition.</summary>
    AskedTypedef = 1,

    /// <summary>Whether it is declared was logged as a precondition.</summary>
    AskedDeclared = 2,

    /// <summary>The declaration changed it: later answers follow from the logged facts and effects.</summary>
    Changed = 4,

    /// <summary>In a block's summary (<see cref="ReusableBlock"/>): a declaration of the block made it a typedef name.</summary>
    MadeTypedef = 8,
}

/// <summary>The <see cref="FileScopeName"/> of each identifier: one table per parse, or one kept by <see cref="ReusableDeclarations"/> across parses.</summary>
internal sealed class FileScopeNames
{
    private readonly Dictionary<string, FileScopeName> _byName = new(StringComparer.Ordinal);
    private int _logSerial;

    /// <summary>A number no logged declaration over this table had (marks are per declaration).</summary>
    public int NextLogSerial() => ++_logSerial;

    public FileScopeName? Find(string name) => _byName.GetValueOrDefault(name);

    public FileScopeName Get(string name)
    {
        if (!_byName.TryGetValue(name, out var slot)) _byName.Add(name, slot = new FileScopeName(name));
        return slot;
    }

    public void Clear() => _byName.Clear();
}

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// What parsing one external declaration depended on and did at file scope:
/// the typedef-name questions the file scope answered (before the declaration
/// changed the name itself), and the names it declared, in order. Parsing the
/// same tokens where every precondition holds again gives the same tree and
/// the same effects: the file scope is the only state a file-scope
/// declaration's parse reads (C11 6.7.8p3: only typedef names change how C parses).
/// </summary>
internal sealed class FileScopeLog
{
    public List<FileScopeFact> Preconditions { get; } = [];

    public List<FileScopeEffect> Effects { get; } = [];

    public void Clear()
    {
        Preconditions.Clear();
        Effects.Clear();
    }
}

internal enum FileScopeQuestion : byte
{
    /// <summary>Is the name a typedef name at file scope?</summary>
    IsTypedef,

    /// <summary>Is the name declared at file scope at all (gcc's unknown-type-name guess asks)?</summary>
    IsDeclared,
}

internal readonly record struct FileScopeFact(FileScopeName Name, FileScopeQuestion Question, bool Answer);

/// <summary>A file-scope declaration of a name: as a typedef name, or as an ordinary identifier.</summary>
internal readonly record struct FileScopeEffect(FileScopeName Name, bool IsTypedef);

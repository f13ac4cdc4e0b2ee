using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// One question asked of both gcc and the engine about a type named in C by
/// <c>Subject</c> (e.g. <c>struct s</c>, a typedef name). Each answer is a fact
/// keyed <c>Label|fact</c>.
/// </summary>
public abstract record Probe(string Subject, CType Type)
{
    public abstract string Label { get; }
}

/// <summary><c>|size</c> (complete types only) and <c>|align</c> of the subject type.</summary>
public sealed record TypeProbe(string Subject, CType Type, bool Complete) : Probe(Subject, Type)
{
    public override string Label => Subject;
}

/// <summary>The integer type an enum, mode or scalar type is (<c>|kind</c>, gcc's DWARF name), found in C with <c>_Generic</c>.</summary>
public sealed record KindProbe(string Subject, CType Type) : Probe(Subject, Type)
{
    public override string Label => Subject;
}

/// <summary><c>|off</c> (offsetof), <c>|msize</c> (sizeof the member, when complete) and <c>|malign</c> (__alignof__ the member) of a named non-bit-field member.</summary>
public sealed record MemberProbe(string Subject, CType Type, string Path, bool Complete) : Probe(Subject, Type)
{
    public override string Label => Subject + "." + Path;

    public ImmutableArray<Designator> Designator => C.Path(Path);
}

/// <summary><c>|bit</c>: the absolute bit offset and width of a named bit-field, as "offset:width".</summary>
public sealed record BitFieldProbe(string Subject, CType Type, string Path) : Probe(Subject, Type)
{
    public override string Label => Subject + "." + Path;

    public ImmutableArray<Designator> Designator => C.Path(Path);
}

using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Macros;

/// <summary>
/// A macro: object-like or function-like (C11 6.10.3), its parameters (the
/// last one variadic when <see cref="IsVariadic"/>: "__VA_ARGS__" or GNU's
/// named "args..."), and its replacement list. Immutable; the expander keeps
/// which macros are being expanded on its own side.
/// <see cref="ParameterIndex"/> holds, for each replacement token, the index of
/// the parameter it names or -1, so substitution does no lookups.
/// </summary>
public sealed class MacroDefinition
{
    public MacroDefinition(string name, bool isFunctionLike, ImmutableArray<string> parameters, bool isVariadic,
        ImmutableArray<PPToken> body, int origin, BuiltinMacro builtin = BuiltinMacro.None)
    {
        Name = name;
        IsFunctionLike = isFunctionLike;
        Parameters = parameters;
        IsVariadic = isVariadic;
        Body = body;
        Origin = origin;
        Builtin = builtin;
        var index = new int[body.Length];
        for (var i = 0; i < body.Length; i++)
        {
            index[i] = isFunctionLike && body[i].IsIdentifier ? parameters.IndexOf(body[i].Text) : -1;
            if (index[i] < 0 && isVariadic && body[i].Text == "__VA_OPT__") index[i] = VaOpt;
        }
        ParameterIndex = ImmutableArray.Create(index);
    }

    /// <summary>Marks a __VA_OPT__ token of a variadic macro in <see cref="ParameterIndex"/>.</summary>
    public const int VaOpt = -2;

    public string Name { get; }

    /// <summary>The name with its number kept (see <see cref="MacroName"/>): defining and looking up the same definition again costs no string hash.</summary>
    public MacroName NameNumber => _nameNumber ??= new MacroName(Name);

    private MacroName? _nameNumber;

    public bool IsFunctionLike { get; }

    public ImmutableArray<string> Parameters { get; }

    public bool IsVariadic { get; }

    public ImmutableArray<PPToken> Body { get; }

    public ImmutableArray<int> ParameterIndex { get; }

    public int Origin { get; }

    public BuiltinMacro Builtin { get; }

    /// <summary>
    /// C11 6.10.3p2: a redefinition is allowed only if both are the same kind,
    /// same parameters, and identical replacement lists (same tokens, same
    /// white-space separation).
    /// </summary>
    public bool IsEquivalentTo(MacroDefinition other)
    {
        if (IsFunctionLike != other.IsFunctionLike || IsVariadic != other.IsVariadic || Builtin != other.Builtin) return false;
        if (!Parameters.SequenceEqual(other.Parameters) || Body.Length != other.Body.Length) return false;
        for (var i = 0; i < Body.Length; i++)
        {
            var (a, b) = (Body[i], other.Body[i]);
            if (a.Kind != b.Kind || a.Text != b.Text) return false;
            if (i > 0 && a.HasLeadingSpace != b.HasLeadingSpace) return false;
        }
        return true;
    }

    public override string ToString() =>
        IsFunctionLike ? $"{Name}({string.Join(", ", Parameters)}) {string.Join(" ", Body)}" : $"{Name} {string.Join(" ", Body)}";
}

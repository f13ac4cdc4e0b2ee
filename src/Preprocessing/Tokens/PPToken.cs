using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Tokens;

/// <summary>
/// A preprocessing token as the preprocessor moves it around: kind, spelling
/// (line splices removed), flags, and where it came from (<see cref="Origin"/>,
/// an index into the run's origin table: file, offset, and the macro
/// expansion that produced it, if any; -1 when unknown).
/// </summary>
public readonly record struct PPToken(SyntaxKind Kind, string Text, PPTokenFlags Flags, int Origin)
{
    public bool HasLeadingSpace => (Flags & PPTokenFlags.LeadingSpace) != 0;

    public bool IsNoExpand => (Flags & PPTokenFlags.NoExpand) != 0;

    public bool IsPlacemarker => (Flags & PPTokenFlags.Placemarker) != 0;

    public bool IsIdentifier => Kind == SyntaxKind.IdentifierToken;

    public bool Is(SyntaxKind kind) => Kind == kind;

    public PPToken With(PPTokenFlags add) => this with { Flags = Flags | add };

    public PPToken Without(PPTokenFlags remove) => this with { Flags = Flags & ~remove };

    /// <summary>Adds flags: <c>token | PPTokenFlags.LeadingSpace</c>.</summary>
    public static PPToken operator |(PPToken token, PPTokenFlags flags) => token with { Flags = token.Flags | flags };

    public override string ToString() => Text;
}

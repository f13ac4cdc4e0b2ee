using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Red;

/// <summary>A token seen at a position in a tree. A struct: tokens are many and cheap to make on demand.</summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxNode? parent, GreenToken green, int position)
    {
        Parent = parent;
        Green = green;
        Position = position;
    }

    public SyntaxNode? Parent { get; }

    public GreenToken Green { get; }

    public int Position { get; }

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    public string Text => Green.Text;

    /// <summary>The token's text without line splices (C11 5.1.1.2p1, phase 2).</summary>
    public string ValueText => SyntaxFacts.ValueText(Green.Text);

    /// <summary>The span of the token's own text, trivia excluded.</summary>
    public TextSpan Span => new(Position + Green.LeadingWidth, Green.Width);

    public TextSpan FullSpan => new(Position, Green.FullWidth);

    public SourceLocation? Location => Parent?.Tree?.Text.GetLocation(Span.Start);

    public bool Equals(SyntaxToken other) => ReferenceEquals(Green, other.Green) && Position == other.Position && ReferenceEquals(Parent, other.Parent);

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Green, Position);

    public override string ToString() => Green?.Text ?? "";
}

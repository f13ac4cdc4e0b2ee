using System.Text;

namespace LayoutExpert.Syntax.Green;

/// <summary>White space, a comment, a line splice or an end of line: text that separates tokens (C11 5.1.1.2p1, phase 3).</summary>
public sealed class GreenTrivia : GreenNode
{
    public GreenTrivia(SyntaxKind kind, string text)
        : base(kind, text.Length, null)
    {
        Text = text;
    }

    public string Text { get; }

    public override bool IsTrivia => true;

    public override void WriteTo(StringBuilder builder) => builder.Append(Text);

    protected override bool EquivalentPayload(GreenNode other) => ((GreenTrivia)other).Text == Text;
}

using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Red;

/// <summary>A source text and the green tree parsed from it; the red root is made on first use.</summary>
public sealed class SyntaxTree
{
    private SyntaxNode? _root;

    public SyntaxTree(SourceText text, GreenNode green)
    {
        Text = text;
        GreenRoot = green;
    }

    public SourceText Text { get; }

    public GreenNode GreenRoot { get; }

    public SyntaxNode Root
    {
        get
        {
            if (_root is null) Interlocked.CompareExchange(ref _root, new SyntaxNode(GreenRoot, null, 0, this), null);
            return _root;
        }
    }

    public IEnumerable<Diagnostic> GetDiagnostics() => Root.GetDiagnostics();
}

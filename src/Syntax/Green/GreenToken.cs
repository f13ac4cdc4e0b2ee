using System.Text;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Syntax.Green;

/// <summary>
/// A token with its trivia. Trailing trivia runs up to and including the first
/// end of line after the token; everything else before the next token is that
/// token's leading trivia. So a token is the first on its (logical) line when
/// the token before it has an end of line in its trailing trivia — the test
/// C11 6.10p2 needs to recognise a directive's '#'.
/// Leading and trailing trivia are each null, one <see cref="GreenTrivia"/>, or
/// a <see cref="SyntaxKind.List"/> of them.
/// </summary>
public sealed class GreenToken : GreenNode
{
    public GreenToken(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing, DiagnosticInfo[]? diagnostics = null)
        : base(kind, (leading?.FullWidth ?? 0) + text.Length + (trailing?.FullWidth ?? 0), diagnostics)
    {
        Text = text;
        LeadingTrivia = leading;
        TrailingTrivia = trailing;
        EndsLine = trailing is not null && EndsWithLineEnd(trailing);
    }

    /// <summary>
    /// The C parser's classification of an identifier, computed on first use
    /// and kept, since one cached token stands for thousands of occurrences:
    /// 0 while not yet known, otherwise 1 + 2 * keyword + (1 when the text
    /// holds a line splice). A race only writes the same value twice.
    /// </summary>
    private byte _nameInfo;

    /// <summary>The keyword an identifier token spells (splices removed), or <see cref="CKeyword.None"/>.</summary>
    internal CKeyword Keyword => (CKeyword)((NameInfo() - 1) >> 1);

    /// <summary>The identifier's name: its text, or its value text when it holds a line splice (C11 5.1.1.2p1, phase 2).</summary>
    internal string Name => ((NameInfo() - 1) & 1) == 0 ? Text : SyntaxFacts.ValueText(Text);

    private int NameInfo()
    {
        int info = _nameInfo;
        if (info != 0) return info;
        var spliced = Text.Contains('\\');
        var keyword = Kind == SyntaxKind.IdentifierToken
            ? CSyntaxFacts.GetKeyword(spliced ? SyntaxFacts.ValueText(Text) : Text)
            : CKeyword.None;
        info = 1 + 2 * (int)keyword + (spliced ? 1 : 0);
        _nameInfo = (byte)info;
        return info;
    }

    /// <summary>The token's own text as written, line splices included (see <see cref="SyntaxFacts.ValueText"/>).</summary>
    public string Text { get; }

    public GreenNode? LeadingTrivia { get; }

    public GreenNode? TrailingTrivia { get; }

    /// <summary>The trailing trivia holds the end of the line: the next token starts a new logical line.</summary>
    public bool EndsLine { get; }

    public int LeadingWidth => LeadingTrivia?.FullWidth ?? 0;

    public int Width => Text.Length;

    public bool HasLeadingTrivia => LeadingTrivia is not null;

    public bool HasTrailingTrivia => TrailingTrivia is not null;

    public override bool IsToken => true;

    public override void WriteTo(StringBuilder builder)
    {
        LeadingTrivia?.WriteTo(builder);
        builder.Append(Text);
        TrailingTrivia?.WriteTo(builder);
    }

    protected override bool EquivalentPayload(GreenNode other)
    {
        var token = (GreenToken)other;
        return token.Text == Text
            && TriviaEquivalent(LeadingTrivia, token.LeadingTrivia)
            && TriviaEquivalent(TrailingTrivia, token.TrailingTrivia);
    }

    private static bool TriviaEquivalent(GreenNode? a, GreenNode? b) => a is null ? b is null : a.IsEquivalentTo(b);

    private static bool EndsWithLineEnd(GreenNode trivia)
    {
        if (trivia.SlotCount == 0) return trivia.Kind == SyntaxKind.EndOfLineTrivia;
        for (var i = trivia.SlotCount - 1; i >= 0; i--)
        {
            if (trivia.GetSlot(i)?.Kind == SyntaxKind.EndOfLineTrivia) return true;
        }
        return false;
    }
}

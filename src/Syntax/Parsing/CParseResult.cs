using System.Collections.Immutable;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// A parsed translation unit: the green root (kind <see cref="SyntaxKind.TranslationUnit"/>)
/// and every diagnostic in it, in text order, with <see cref="DiagnosticInfo.RelativeOffset"/>
/// counted from the start of the root's full text (the first input token's leading trivia).
/// </summary>
public sealed record CParseResult(GreenNode Root, ImmutableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Descriptor.Severity == DiagnosticSeverity.Error);

    /// <summary>A red tree over the root, for callers whose tokens all came from one text (tests, single files).</summary>
    /// <remarks>The text is written from the tree when first read (locating a diagnostic), not here.</remarks>
    public SyntaxTree ToSyntaxTree(string path) => new(new SourceText(Root.ToFullString, Root.FullWidth, path), Root);
}

using System.Collections.Immutable;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Input;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// Our side of the proof, the whole pipeline on C text: lexer, line markers
/// removed, CParser, binder (with the layout engine answering its sizeof
/// questions), then the engine and LayoutSetBuilder over the selected types.
/// </summary>
public static class OurPipeline
{
    public enum Selection { All, FromGlobals }

    public sealed record Outcome(BoundTranslationUnit Unit, LayoutSet Set, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<LayoutIssue> Issues)
    {
        public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

        public string Report() => string.Join("\n", Diagnostics.Select(d => d.ToString()).Concat(Issues.Select(i => "layout issue: " + i)));
    }

    public static Outcome Run(string source, Selection selection = Selection.All, string path = "unit.c", BinderOptions? options = null)
    {
        var cache = new GreenNodeCache();
        var stripped = PreprocessedSource.StripLineMarkers(Lexer.LexAll(source, cache), path);
        var parsed = CParser.ParseTranslationUnit(stripped.Tokens, cache);
        var tree = parsed.ToSyntaxTree(path);
        LayoutEngine? engine = null;
        var unit = Binder.Bind(CSyntax.Root(tree)!, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions), options);
        TypeTable table = selection == Selection.All ? TypeSelection.All(unit) : TypeSelection.FromGlobals(unit);
        var result = LayoutSetBuilder.Build(engine!, table);
        var diagnostics = tree.GetDiagnostics().Concat(unit.Diagnostics).ToImmutableArray();
        return new Outcome(unit, result.Set, diagnostics, result.Issues);
    }
}

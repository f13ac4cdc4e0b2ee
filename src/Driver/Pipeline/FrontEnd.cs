using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The compiler's front end as make-profile runs it on a Pre-AST: preprocess
/// one named source under the config's options, hand the tokens to the C
/// parser, bind, and keep a layout engine over the bound types (binding asks
/// it for sizeof and offsetof as it goes).
/// </summary>
public static class FrontEnd
{
    public static CompiledUnit Compile(Preprocessing.PreAst.PreAst preAst, PreprocessorOptions options, int source)
    {
        var preprocessed = Preprocessor.Run(preAst, options, source);
        var cache = new GreenNodeCache();
        var parsed = CParser.ParseTranslationUnit(ParserInput.FromTokens(preprocessed.Tokens, cache), cache);
        var tree = parsed.ToSyntaxTree(preAst.Files[source].Path + " (preprocessed)");
        var parseDiagnostics = tree.GetDiagnostics().ToList();
        LayoutEngine? engine = null;
        var unit = CSyntax.Root(tree) ?? throw new InvalidOperationException("the parser gave no translation unit");
        var bound = Binder.Bind(unit, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions));
        engine ??= new LayoutEngine(X86_64SysV.Instance, bound.Types);
        return new CompiledUnit(preprocessed, parseDiagnostics, bound, engine);
    }
}

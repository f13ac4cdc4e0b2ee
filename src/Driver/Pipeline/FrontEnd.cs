using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The compiler's front end as make-profile runs it on a Pre-AST: preprocess
/// one named source under the config's options, hand the tokens to the C
/// parser, bind, and keep a layout engine over the bound types (binding asks
/// it for sizeof and offsetof as it goes). With a <see cref="LayoutReuse"/>
/// the engine takes the layouts of earlier compiles of the source that still hold.
/// </summary>
public static class FrontEnd
{
    public static CompiledUnit Compile(Preprocessing.PreAst.PreAst preAst, PreprocessorOptions options, int source, StageLog? log = null,
        bool randstructPlugin = false, PreprocessingSession? reuse = null, ParseReuse? parseReuse = null, BindingReuse? bindingReuse = null,
        LayoutReuse? layoutReuse = null)
    {
        log ??= StageLog.Silent;
        var preprocessed = log.Run("preprocess", () => reuse is null ? Preprocessor.Run(preAst, options, source) : Preprocessor.Run(preAst, options, source, reuse), p => $"{p.Tokens.Count} tokens");
        var cache = parseReuse?.Cache ?? new GreenNodeCache();
        var tree = log.Run("parse", () =>
        {
            // The input is written into one buffer (read only during the parse); with reuse, the same buffer every time.
            var input = parseReuse?.Input ?? new ParserInputCache(cache, keep: false);
            var tokens = ParserInput.Fill(preprocessed.Tokens, input);
            var parsed = parseReuse is null
                ? CParser.ParseTranslationUnit(tokens, cache)
                : CParser.ParseTranslationUnit(tokens, cache, parseReuse.Declarations);
            parseReuse?.Declarations.Trim(ParseReuse.KeepParses);
            var path = preAst.Files[source].Path + " (preprocessed)";
            // Nothing is located unless something is reported or asked for: the line starts come from the tokens (kept per
            // piece) when first needed, the 5 MB text only if read. The parser-input cache is used by one query at a time.
            return new SyntaxTree(new SourceText(parsed.Root.ToFullString, parsed.Root.FullWidth, () => ParserInput.LineStarts(preprocessed.Tokens, input), path), parsed.Root);
        }, t => $"{t.Root.SlotCount} slots" + (parseReuse is null ? "" : $"; {parseReuse.Declarations.LastParse}, {parseReuse.Declarations.LastParse.TokensRepeated} tokens taken unread, {parseReuse.Declarations.LastParse.TokensFilled} read of a lazy input"));
        var parseDiagnostics = tree.GetDiagnostics().ToList();
        LayoutEngine? engine = null;
        var unit = CSyntax.Root(tree) ?? throw new InvalidOperationException("the parser gave no translation unit");
        // -funsigned-char (from Linux 6.2) reaches the binder's constant folding and the base type of plain char.
        var layoutOptions = new LayoutOptions(RandstructPlugin: randstructPlugin, PlainCharIsUnsigned: options.UnsignedChar);
        var binderOptions = new BinderOptions { Integers = IntegerModel.Lp64 with { PlainCharIsUnsigned = options.UnsignedChar } };
        // The engine's answers are a function of the definitions and these options: a unit bound before under them takes that bind whole.
        if (bindingReuse is not null) bindingReuse.LayoutIdentity = layoutOptions;
        var bound = log.Run("bind", () => Binder.Bind(unit, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions, layoutOptions, layoutReuse), binderOptions, bindingReuse),
            b => $"{b.Types.Records.Count} records, {b.Globals.Count} globals" + (bindingReuse is null ? "" : $"; items {bindingReuse.LastBind}"));
        engine ??= new LayoutEngine(X86_64SysV.Instance, bound.Types, layoutOptions, layoutReuse);
        return new CompiledUnit(preprocessed, tree, parseDiagnostics, bound, engine);
    }
}

/// <summary>What one source's parses keep for the next: one token cache (equal tokens are one object), the parser tokens of replayed file runs and the declarations to reuse.</summary>
public sealed class ParseReuse
{
    /// <summary>Declarations kept while one of the last this many parses used them: configs flipped back and forth parse nothing again.</summary>
    public const int KeepParses = ParserInputCache.KeepCalls;

    public ParseReuse() => Input = new ParserInputCache(Cache);

    public GreenNodeCache Cache { get; } = new();

    public ParserInputCache Input { get; }

    public ReusableDeclarations Declarations { get; } = new();
}

using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// A file as the run sees it: a Pre-AST file, or a generated header made for
/// this config (negative id). Knows its include directives' link indices and
/// its controlling macro (the multiple-include optimisation: a file whose
/// whole body is #ifndef G ... #endif is skipped while G is defined).
/// </summary>
internal sealed class SourceFile
{
    private Dictionary<GreenNode, int>? _includeIndex;
    private SourceText? _text;
    private bool _guardComputed;
    private string? _guard;

    public SourceFile(int id, string path, GreenNode root, PreAstFile? preAstFile)
    {
        Id = id;
        Path = path;
        Root = root;
        PreAstFile = preAstFile;
    }

    public int Id { get; }

    private Dictionary<int, int[]>? _textOrigins;

    private Dictionary<int, TextChunks>? _textChunks;

    /// <summary>How the text run at <paramref name="position"/> is cut into chunks (see <see cref="Running.TextChunks"/>): made once per file.</summary>
    internal TextChunks TextChunks(int position, GreenNode textRun)
    {
        _textChunks ??= [];
        if (!_textChunks.TryGetValue(position, out var chunks)) _textChunks[position] = chunks = Running.TextChunks.Of(textRun, position);
        return chunks;
    }

    /// <summary>
    /// The origins (plus one; 0 = not made yet) of the tokens of the text run
    /// at <paramref name="position"/>, kept for a session's runs: a file token's
    /// origin is the same in every run, so it is made once, not interned per
    /// token (a text run's green node may recur in a file, its position not).
    /// </summary>
    public int[] TextOrigins(int position, int count)
    {
        _textOrigins ??= [];
        if (!_textOrigins.TryGetValue(position, out var origins)) _textOrigins[position] = origins = new int[count];
        return origins;
    }

    public string Path { get; }

    public GreenNode Root { get; }

    public PreAstFile? PreAstFile { get; }

    /// <summary>The synthetic macro that records "#pragma once was run in this file" in the macro table.</summary>
    public string OnceName => _onceName ??= Macros.MacroTable.SyntheticPrefix + "once:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? _onceName;

    /// <summary><see cref="OnceName"/>, keeping its number.</summary>
    public Macros.MacroName OnceMacro => _onceMacro ??= new Macros.MacroName(OnceName);

    private Macros.MacroName? _onceMacro;

    /// <summary><see cref="Guard"/>, keeping its number; null without a guard.</summary>
    public Macros.MacroName? GuardMacro => Guard is { } guard ? _guardMacro ??= new Macros.MacroName(guard) : null;

    private Macros.MacroName? _guardMacro;

    /// <summary>The text with its line map; a Pre-AST file's is made once and kept with the Pre-AST.</summary>
    public SourceText Text => _text ??= PreAstFile?.Tree.Text ?? new SourceText(Root.ToFullString(), Path);

    /// <summary>The include link of an #include directive node: links are in preorder of the directives.</summary>
    public IncludeLink? LinkOf(GreenNode directive)
    {
        if (PreAstFile is null) return null;
        if (_includeIndex is null)
        {
            _includeIndex = new Dictionary<GreenNode, int>(ReferenceEqualityComparer.Instance);
            Index(Root);
        }
        return _includeIndex.TryGetValue(directive, out var index) && index < PreAstFile.Includes.Length ? PreAstFile.Includes[index] : null;
    }

    private void Index(GreenNode node)
    {
        if (node.Kind == SyntaxKind.IncludeDirective)
        {
            _includeIndex!.Add(node, _includeIndex.Count);
            return;
        }
        if (node.IsToken || node.Kind == SyntaxKind.TextRun) return;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is { } child) Index(child);
        }
    }

    /// <summary>The controlling macro G when the file is exactly "#ifndef G ... #endif" (or "#if !defined G"), else null.</summary>
    public string? Guard
    {
        get
        {
            if (_guardComputed) return _guard;
            _guardComputed = true;
            if (Root.GetSlot(0) is not { SlotCount: 1 } parts || parts.GetSlot(0) is not { Kind: SyntaxKind.IfSection } section) return null;
            if (section.GetSlot(1) is not null || section.GetSlot(2) is null) return null;
            var opening = section.GetSlot(0)!.GetSlot(0)!;
            var rest = Linking.IncludeCollector.Tokens(opening.GetSlot(2));
            var texts = rest.Select(t => SyntaxFacts.ValueText(t.Text)).ToArray();
            _guard = opening.Kind switch
            {
                SyntaxKind.IfndefDirective when texts.Length == 1 => texts[0],
                SyntaxKind.IfDirective when texts is ["!", "defined", var g] => g,
                SyntaxKind.IfDirective when texts is ["!", "defined", "(", var g, ")"] => g,
                _ => null,
            };
            return _guard;
        }
    }
}

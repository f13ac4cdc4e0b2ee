using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// What every expander of one preprocessing run shares: the macro table, the
/// set of macros being expanded (gcc disables a macro while its expansion is
/// being read: C11 6.10.3.4p2), the origin table, diagnostics, and what the
/// built-in macros need from the file walker.
/// </summary>
public sealed class ExpansionEnvironment(MacroTable macros, OriginTable origins, IFeatureTests features)
{
    /// <summary>Contexts live on the heap, so this only bounds memory: gcc has no such limit and a 2,000-macro chain is legitimate C.</summary>
    public const int MaxExpansionDepth = 100_000;

    /// <summary>Arguments are expanded by a nested expander (recursion): f(f(f(...))) this deep is refused rather than overflowing the stack.</summary>
    public const int MaxArgumentNesting = 300;

    public int ArgumentNesting { get; set; }

    public MacroTable Macros { get; } = macros;

    /// <summary>The macros whose expansions are being read, innermost last: a few at a time, so a scan beats hashing.</summary>
    public List<MacroDefinition> Disabled { get; } = [];

    public bool IsDisabled(MacroDefinition macro)
    {
        var disabled = Disabled;
        for (var i = disabled.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(disabled[i], macro)) return true;
        }
        return false;
    }

    public OriginTable Origins { get; } = origins;

    /// <summary>In a session, where expansions' origins are kept across runs; null in a run of its own (each expansion's origins are simply appended).</summary>
    public ExpansionOrigins? ExpansionOrigins { get; init; }

    public IFeatureTests Features { get; } = features;

    public List<Diagnostic> Diagnostics { get; } = [];

    public GreenNodeCache Cache { get; init; } = new();

    /// <summary>Maps an origin to a file location for diagnostics.</summary>
    public Func<int, SourceLocation?> Locate { get; set; } = _ => null;

    public Func<string> CurrentFile { get; set; } = () => "";

    /// <summary>
    /// The origin of the name of the outermost macro being expanded from the
    /// file. gcc gives __LINE__ inside any expansion the line of this point,
    /// even when the invocation spans lines.
    /// </summary>
    public int InvocationOrigin { get; set; } = -1;

    /// <summary>The line of an origin (the outermost expansion site's line for expanded tokens).</summary>
    public int LineOf(int origin) => Locate(origin) is { } location ? location.Line : 0;

    public Func<int> IncludeLevel { get; set; } = () => 0;

    public string BaseFile { get; set; } = "";

    /// <summary>Whether plain char is unsigned (-funsigned-char, kernels from 6.2): character constants in #if depend on it.</summary>
    public bool UnsignedChar { get; set; }

    public int Counter { get; set; }

    /// <summary>
    /// True while the file's own expander reads the file with no expansion in
    /// progress, not looking for a '(' nor collecting arguments: a point where
    /// an included file's output is exactly what it expands to, so a session
    /// may record or replay it.
    /// </summary>
    public bool PlainSourceRead { get; set; }

    /// <summary>
    /// Told when __COUNTER__, __INCLUDE_LEVEL__ or __BASE_FILE__ is expanded
    /// (and whether in a directive): what they give depends on more than the
    /// macro table, so a session must know.
    /// </summary>
    public Action<BuiltinMacro, bool>? ContextualBuiltinRead { get; set; }

    public void Report(DiagnosticDescriptor descriptor, int origin, params object[] args) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, Locate(origin), args));
}

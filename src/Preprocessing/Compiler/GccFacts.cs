using System.Collections.Immutable;
using System.Globalization;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>
/// What gcc 12 answers before reading any source, as captured from the real
/// compiler by scripts/capture-gcc-facts.sh (Compiler/Facts, embedded in this
/// assembly): its predefined macros under kbuild's 6.1 flags, its
/// __has_attribute / __has_c_attribute / __has_builtin answers and its
/// predefined assertions. Immutable; load once and share.
/// </summary>
public sealed class GccFacts
{
    private const string ResourcePrefix = "LayoutExpert.Preprocessing.Compiler.Facts.";

    private readonly ImmutableDictionary<string, (long Attribute, long CAttribute)> _attributes;
    private readonly ImmutableDictionary<string, long> _builtins;

    private GccFacts(
        string compilerVersion,
        ImmutableArray<MacroDefinitionText> baseMacros,
        ImmutableDictionary<string, (long, long)> attributes,
        ImmutableDictionary<string, long> builtins,
        ImmutableDictionary<string, ImmutableArray<string>> assertions,
        ImmutableArray<string> specialMacroNames,
        ImmutableArray<Diagnostic> diagnostics)
    {
        SpecialMacroNames = specialMacroNames;
        CompilerVersion = compilerVersion;
        BaseMacros = baseMacros;
        _attributes = attributes;
        _builtins = builtins;
        Assertions = assertions;
        Diagnostics = diagnostics;
    }

    /// <summary>The first line of the captured gcc's --version, e.g. "gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0".</summary>
    public string CompilerVersion { get; }

    /// <summary>gcc -dM -E of an empty file with kbuild's 6.1 flags, in gcc's order (353 macros for gcc 12.2.0).</summary>
    public ImmutableArray<MacroDefinitionText> BaseMacros { get; }

    /// <summary>Predicate to answers: #system(linux), #cpu(x86_64) ...</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Assertions { get; }

    /// <summary>
    /// Macros gcc defines whose expansion it computes, which -dM does not list:
    /// __FILE__, __LINE__, __COUNTER__, __has_attribute, __has_include, _Pragma ...
    /// (<c>#ifdef</c> is true for each).
    /// </summary>
    public ImmutableArray<string> SpecialMacroNames { get; }

    /// <summary>Problems with the fact files (none for the shipped ones).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Names the attribute file lists (canonical spellings).</summary>
    public IEnumerable<string> AttributeNames => _attributes.Keys;

    /// <summary>Names the builtin file lists.</summary>
    public IEnumerable<string> BuiltinNames => _builtins.Keys;

    /// <summary>
    /// __has_attribute(name): 0 when gcc does not know it, 1 for a GNU
    /// attribute, the standard's date for the C2X attributes gcc 12 knows
    /// (deprecated, fallthrough, maybe_unused: 201904; nodiscard: 202003).
    /// "__name__" means "name" (gcc's canonicalize_attr_name).
    /// </summary>
    public long HasAttribute(string name) => _attributes.TryGetValue(CanonicalAttributeName(name), out var v) ? v.Attribute : 0;

    /// <summary>__has_c_attribute(name): only the standard attributes answer, with their dates.</summary>
    public long HasCAttribute(string name) => _attributes.TryGetValue(CanonicalAttributeName(name), out var v) ? v.CAttribute : 0;

    /// <summary>
    /// __has_cpp_attribute in C: gcc 12 answers it exactly as __has_attribute
    /// (libcpp maps both names to the same builtin; only __has_c_attribute asks
    /// with standard syntax). Measured: __has_cpp_attribute(noinline) is 1 with -std=gnu11.
    /// </summary>
    public long HasCppAttribute(string name) => HasAttribute(name);

    /// <summary>__has_builtin(name): 1 for a builtin function or builtin keyword gcc provides under kbuild's flags (exact spelling).</summary>
    public long HasBuiltin(string name) => _builtins.GetValueOrDefault(name);

    /// <summary>gcc strips one leading and one trailing "__" from an attribute name that has both.</summary>
    public static string CanonicalAttributeName(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) ? name[2..^2] : name;

    private static readonly Lazy<GccFacts> Embedded = new(ReadEmbedded);

    /// <summary>
    /// The facts shipped in this assembly: read once per process (they are
    /// immutable), so every config's compiler model holds the same object and
    /// what depends only on the facts (#if arithmetic, feature tests) can be
    /// told equal across configs.
    /// </summary>
    public static GccFacts LoadEmbedded() => Embedded.Value;

    private static GccFacts ReadEmbedded()
    {
        var assembly = typeof(GccFacts).Assembly;
        var missing = new List<Diagnostic>();
        string Read(string file)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file);
            if (stream is null)
            {
                missing.Add(Diagnostic.Create(CompilerDiagnostics.MissingFacts, null, file));
                return "";
            }
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        var facts = Parse(Read("predefined-macros.h"), Read("attributes.txt"), Read("builtins.txt"), Read("assertions.txt"), Read("special-macros.txt"));
        return missing.Count == 0 ? facts : facts.WithDiagnostics([.. missing, .. facts.Diagnostics]);
    }

    private GccFacts WithDiagnostics(ImmutableArray<Diagnostic> diagnostics) =>
        new(CompilerVersion, BaseMacros, _attributes, _builtins, Assertions, SpecialMacroNames, diagnostics);

    /// <summary>Reads the fact files' texts.</summary>
    public static GccFacts Parse(string predefinedMacros, string attributes, string builtins, string assertions, string specialMacros)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        void Bad(string file, string line) =>
            diagnostics.Add(Diagnostic.Create(CompilerDiagnostics.BadFactsLine, new SourceLocation(file, default), line));

        var (macros, badMacroLines) = MacroListParser.Parse(predefinedMacros);
        foreach (var line in badMacroLines) Bad("predefined-macros.h", line);

        var attributeTable = ImmutableDictionary.CreateBuilder<string, (long, long)>(StringComparer.Ordinal);
        foreach (var fields in Records(attributes))
        {
            if (fields.Length == 3 && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var a) && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var c))
                attributeTable[fields[0]] = (a, c);
            else Bad("attributes.txt", string.Join(' ', fields));
        }

        var builtinTable = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var fields in Records(builtins))
        {
            if (fields.Length == 2 && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var b)) builtinTable[fields[0]] = b;
            else Bad("builtins.txt", string.Join(' ', fields));
        }

        var assertionTable = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var fields in Records(assertions))
        {
            if (fields.Length != 2)
            {
                Bad("assertions.txt", string.Join(' ', fields));
                continue;
            }
            if (!assertionTable.TryGetValue(fields[0], out var answers)) assertionTable[fields[0]] = answers = [];
            answers.Add(fields[1]);
        }

        var version = predefinedMacros.Split('\n').FirstOrDefault(l => l.StartsWith("// Captured by", StringComparison.Ordinal)) is { } heading
            && heading.IndexOf(" from ", StringComparison.Ordinal) is var at and >= 0
            ? heading[(at + " from ".Length)..].Trim()
            : "gcc";
        return new GccFacts(
            version,
            macros,
            attributeTable.ToImmutable(),
            builtinTable.ToImmutable(),
            assertionTable.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
            [.. Records(specialMacros).Select(fields => fields[0])],
            diagnostics.ToImmutable());
    }

    private static IEnumerable<string[]> Records(string text) =>
        text.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

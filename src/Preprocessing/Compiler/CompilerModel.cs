using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>
/// The emulated compiler as kbuild runs it for one kernel configuration: gcc
/// 12's predefined macros moved by kbuild's flags, kbuild's -D macros, the
/// feature tests (__has_attribute ...), and what the flags change in #if
/// evaluation. Immutable.
/// </summary>
public sealed class CompilerModel
{
    private CompilerModel(
        GccFacts facts,
        ImmutableArray<MacroDefinitionText> builtinMacros,
        ImmutableArray<MacroDefinitionText> commandLineMacros,
        bool unsignedChar,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Facts = facts;
        BuiltinMacros = builtinMacros;
        CommandLineMacros = commandLineMacros;
        UnsignedChar = unsignedChar;
        Diagnostics = diagnostics;
        IfExpressionOptions = new IfExpressionOptions(UnsignedChar: unsignedChar, ShortWchar: true, WarnUndefined: true, Assertions: facts.Assertions);
    }

    public GccFacts Facts { get; }

    /// <summary>What gcc itself predefines under this kernel's flags (gcc -dM's order for the captured ones; macros the base lacks come last).</summary>
    public ImmutableArray<MacroDefinitionText> BuiltinMacros { get; }

    /// <summary>kbuild's -D flags, in command-line order (they come after the builtins).</summary>
    public ImmutableArray<MacroDefinitionText> CommandLineMacros { get; }

    /// <summary>Everything defined before the first -include file: <see cref="BuiltinMacros"/> then <see cref="CommandLineMacros"/>.</summary>
    public ImmutableArray<MacroDefinitionText> PredefinedMacros => [.. BuiltinMacros, .. CommandLineMacros];

    /// <summary>Macros gcc computes (__LINE__, __has_attribute, _Pragma ...): defined, but not in <see cref="PredefinedMacros"/>.</summary>
    public ImmutableArray<string> SpecialMacroNames => Facts.SpecialMacroNames;

    /// <summary>-funsigned-char: plain char is unsigned (6.2 and later).</summary>
    public bool UnsignedChar { get; }

    /// <summary>How #if expressions evaluate under this compiler (-funsigned-char, -fshort-wchar, -Wundef, assertions).</summary>
    public IfExpressionOptions IfExpressionOptions { get; }

    /// <summary>Warnings about the model's validity (a configuration made with another gcc).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public long HasAttribute(string name) => Facts.HasAttribute(name);

    public long HasCAttribute(string name) => Facts.HasCAttribute(name);

    public long HasCppAttribute(string name) => Facts.HasCppAttribute(name);

    public long HasBuiltin(string name) => Facts.HasBuiltin(name);

    /// <summary>
    /// The compiler kbuild runs for <paramref name="moduleName"/>.c (an external
    /// one-file module) under <paramref name="config"/>, for the kernel whose
    /// LINUX_VERSION_CODE is <paramref name="linuxVersionCode"/>.
    /// </summary>
    public static CompilerModel ForKernel(KernelConfig config, int linuxVersionCode, string moduleName = "module", GccFacts? facts = null)
    {
        facts ??= GccFacts.LoadEmbedded();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(facts.Diagnostics);
        var capturedGcc = CapturedGccVersion(facts);
        if (config.GccVersion is not { } gcc)
        {
            diagnostics.Add(Diagnostic.Create(CompilerDiagnostics.NoCompilerVersion, null, facts.CompilerVersion));
        }
        else if (gcc != capturedGcc)
        {
            diagnostics.Add(Diagnostic.Create(CompilerDiagnostics.OtherCompilerVersion, null, $"{gcc / 10000}.{gcc / 100 % 100}.{gcc % 100}", facts.CompilerVersion));
        }

        var rules = KbuildMacroRules.Builtin.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var builtin = ImmutableArray.CreateBuilder<MacroDefinitionText>(facts.BaseMacros.Length + 4);
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var macro in facts.BaseMacros)
        {
            if (!rules.TryGetValue(macro.Name, out var rule))
            {
                builtin.Add(macro);
                continue;
            }
            decided.Add(macro.Name);
            // A rule without an answer (no CONFIG_GCC_VERSION) keeps the captured value for the gcc version macros.
            var replacement = rule.Replacement(config, linuxVersionCode);
            if (replacement is not null) builtin.Add(macro with { Replacement = replacement });
            else if (IsVersionMacro(macro.Name) && config.GccVersion is null) builtin.Add(macro);
        }
        foreach (var rule in KbuildMacroRules.Builtin.Where(r => !decided.Contains(r.Name)))
        {
            if (rule.Replacement(config, linuxVersionCode) is { } replacement) builtin.Add(MacroDefinitionText.Object(rule.Name, replacement));
        }

        return new CompilerModel(
            facts,
            builtin.ToImmutable(),
            KbuildMacroRules.CommandLine(config, moduleName),
            unsignedChar: builtin.Any(m => m.Name == "__CHAR_UNSIGNED__"),
            diagnostics.ToImmutable());
    }

    private static bool IsVersionMacro(string name) => name is "__GNUC__" or "__GNUC_MINOR__" or "__GNUC_PATCHLEVEL__" or "__VERSION__";

    /// <summary>The captured gcc's version as CONFIG_GCC_VERSION writes it (120200).</summary>
    private static int CapturedGccVersion(GccFacts facts)
    {
        int Part(string name) => facts.BaseMacros.FirstOrDefault(m => m.Name == name) is { } m
            && int.TryParse(m.Replacement, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return Part("__GNUC__") * 10000 + Part("__GNUC_MINOR__") * 100 + Part("__GNUC_PATCHLEVEL__");
    }
}

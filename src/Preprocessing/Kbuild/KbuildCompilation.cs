using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using LayoutExpert.Preprocessing.Compiler;
using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Kbuild;

/// <summary>
/// The compilation kbuild would run for the Pre-AST's module under one config:
/// gcc's predefined macros as kbuild's flags leave them, kbuild's -D macros,
/// autoconf.h made from the config, and the emulated gcc's feature tests and
/// #if arithmetic. autoconf.h, timeconst.h and asm-offsets.h are made here;
/// bounds.h, which needs the binder, is passed in.
/// </summary>
public sealed partial class KbuildCompilation
{
    private readonly Lazy<PreprocessorOptions> _options;

    private KbuildCompilation(PreprocessorOptions lazyConfigOptions, Func<string> autoconfText, CompilerModel compiler, int linuxVersionCode,
        ImmutableArray<Diagnostic> diagnostics)
    {
        LazyConfigOptions = lazyConfigOptions;
        ConfigMacros = lazyConfigOptions.ConfigMacros;
        // autoconf.h's text (Kconfig's symbol order) is written only when asked for.
        _options = new Lazy<PreprocessorOptions>(() => lazyConfigOptions with
        {
            ConfigMacros = null,
            GeneratedHeaders = new Dictionary<string, string>(lazyConfigOptions.GeneratedHeaders, StringComparer.Ordinal)
            {
                [AutoconfPath] = autoconfText(),
            },
        });
        Compiler = compiler;
        LinuxVersionCode = linuxVersionCode;
        Diagnostics = diagnostics;
    }

    private const string AutoconfPath = "include/generated/autoconf.h";

    /// <summary>The options with include/generated/autoconf.h as text.</summary>
    public PreprocessorOptions Options => _options.Value;

    public CompilerModel Compiler { get; }

    public int LinuxVersionCode { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The config as a lazy autoconf.h (the macros <see cref="Options"/>' autoconf.h text defines).</summary>
    public IConfigMacroSource? ConfigMacros { get; }

    /// <summary><see cref="Options"/> with autoconf.h read lazily from <see cref="ConfigMacros"/>: the same output, the options read one by one.</summary>
    public PreprocessorOptions LazyConfigOptions { get; }

    public static KbuildCompilation Create(PreAst.PreAst preAst, KernelConfig config, IReadOnlyDictionary<string, string> otherGenerated)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var code = LinuxVersionCodeOf(preAst);
        var moduleName = Path.GetFileNameWithoutExtension(preAst.Metadata.ModuleSource);
        var compiler = CompilerModel.ForKernel(config, code, moduleName);
        diagnostics.AddRange(compiler.Diagnostics);
        var predefined = new StringBuilder();
        foreach (var macro in compiler.PredefinedMacros) predefined.Append(macro).Append('\n');
        var scheme = KconfigHashScheme.ForKernelVersion(code >> 16, (code >> 8) & 0xff);
        var table = KconfigSymbolTable.Unlearned(scheme);
        var generated = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["include/generated/asm-offsets.h"] = AsmOffsetsHeader.Text,
        };
        if (config.GetNumber("HZ") is { } hz) generated["include/generated/timeconst.h"] = TimeconstHeader.Write(hz);
        // What the caller computed (bounds.h) or insists on comes last and wins.
        foreach (var (path, text) in otherGenerated) generated[path] = text;
        // An autoconf.h the caller gives is read as text even by the lazy options: the config source would not match it.
        var given = generated.GetValueOrDefault(AutoconfPath);
        var options = new PreprocessorOptions(predefined.ToString(), generated, new Features(compiler), new Conditions(compiler))
        {
            UnsignedChar = compiler.UnsignedChar,
            ConfigMacros = given is null ? new KernelConfigMacroSource(config, table) : null,
        };
        var autoconf = () => given ?? AutoconfHeader.Write(config, table);
        return new KbuildCompilation(options, autoconf, compiler, code, diagnostics.ToImmutable());
    }

    /// <summary>LINUX_VERSION_CODE from the Pre-AST's include/generated/uapi/linux/version.h.</summary>
    public static int LinuxVersionCodeOf(PreAst.PreAst preAst)
    {
        var version = preAst.Files.FirstOrDefault(f => f.Path == "include/generated/uapi/linux/version.h");
        if (version is not null && VersionCode().Match(version.Root.ToFullString()) is { Success: true } match)
        {
            return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        // Without version.h, the release string "6.1.0-56-amd64" still says which kernel this is.
        var parts = preAst.Metadata.KernelRelease.Split('.', '-', '+');
        return parts.Length >= 2 && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b)
            ? LinuxVersion.Code(a, b, 0)
            : 0;
    }

    [GeneratedRegex(@"#define\s+LINUX_VERSION_CODE\s+(\d+)")]
    private static partial Regex VersionCode();

    private sealed class Features(CompilerModel compiler) : IFeatureAnswers
    {
        public long HasAttribute(string name) => compiler.HasAttribute(name);

        public long HasCAttribute(string name) => compiler.HasCAttribute(name);

        public long HasCppAttribute(string name) => compiler.HasCppAttribute(name);

        public bool HasBuiltin(string name) => compiler.HasBuiltin(name) != 0;

        /// <summary>The answers are the facts': two configs' feature tests are equal when their compilers hold the same facts.</summary>
        public override bool Equals(object? obj) => obj is Features other && ReferenceEquals(other.Compiler.Facts, compiler.Facts);

        public override int GetHashCode() => compiler.Facts.GetHashCode();

        private CompilerModel Compiler => compiler;
    }

    private sealed class Conditions(CompilerModel compiler) : IConditionEvaluator
    {
        public long? Evaluate(IReadOnlyList<PPToken> tokens, ExpansionEnvironment environment, int directiveOrigin)
        {
            var result = IfExpressionEvaluator.Evaluate(tokens, compiler.IfExpressionOptions, directiveOrigin);
            foreach (var diagnostic in result.Diagnostics) environment.Diagnostics.Add(diagnostic.ToDiagnostic(environment.Locate));
            if (result.IsSyntaxError) return null;
            return result.IsTrue ? 1 : 0;
        }

        /// <summary>The arithmetic depends on -funsigned-char and the facts' assertions: equal across configs that share them.</summary>
        public override bool Equals(object? obj) =>
            obj is Conditions other && ReferenceEquals(other.Compiler.Facts, compiler.Facts) && other.Compiler.IfExpressionOptions == compiler.IfExpressionOptions;

        public override int GetHashCode() => compiler.Facts.GetHashCode();

        private CompilerModel Compiler => compiler;
    }
}

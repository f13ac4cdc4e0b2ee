using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// The compilation kbuild runs for a config, as the front end needs it: the
/// preprocessor's options (predefined macros, generated headers but bounds.h)
/// and whether the randstruct plugin is on. Two setups are equal when
/// everything a run reads from them is: then a config change that only moved
/// values no flag and no generated header depends on stops here.
/// </summary>
public sealed class KbuildSetup : IEquatable<KbuildSetup>
{
    private readonly string _fingerprint;

    private KbuildSetup(PreprocessorOptions options, IConfigMacroSource? configMacros, bool randstructPlugin, ImmutableArray<Diagnostic> diagnostics)
    {
        Options = options;
        ConfigMacros = configMacros;
        RandstructPlugin = randstructPlugin;
        Diagnostics = diagnostics;
        var parts = new List<string> { options.PredefinedMacros, options.UnsignedChar.ToString(), randstructPlugin.ToString() };
        foreach (var (path, text) in options.GeneratedHeaders.OrderBy(p => p.Key, StringComparer.Ordinal)) parts.Add(path + "\0" + text);
        parts.AddRange(diagnostics.Select(d => d.ToString()));
        _fingerprint = string.Join("\u0001", parts);
    }

    /// <summary>The options with autoconf.h left out: the run reads the config's macros one option at a time (see <see cref="ConfigMacros"/>).</summary>
    public PreprocessorOptions Options { get; }

    /// <summary>How an option's value is written as a macro (Kconfig's autoconf.h rules); the values themselves are read per option.</summary>
    public IConfigMacroSource? ConfigMacros { get; }

    /// <summary>With gcc, CONFIG_RANDSTRUCT means the randomize_layout plugin: its shuffles depend on a build-time seed.</summary>
    public bool RandstructPlugin { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static KbuildSetup For(Preprocessing.PreAst.PreAst preAst, KernelConfig config)
    {
        var compilation = KbuildCompilation.Create(preAst, config, new Dictionary<string, string>());
        var randstruct = config.IsBuiltin("RANDSTRUCT") || config.IsBuiltin("GCC_PLUGIN_RANDSTRUCT");
        var rules = compilation.ConfigMacros is { } macros ? new ConfigMacroRules(macros) : null;
        return new KbuildSetup(compilation.LazyConfigOptions with { ConfigMacros = null }, rules, randstruct, compilation.Diagnostics);
    }

    /// <summary>How options are written as macros, without the options: those are read per option where they are used.</summary>
    private sealed class ConfigMacroRules(IConfigMacroSource inner) : IConfigMacroSource
    {
        public ConfigEntry? Option(string name) => throw new InvalidOperationException("the setup's config is read option by option where it is used");

        public MacroDefinitionText MacroFor(ConfigEntry entry) => inner.MacroFor(entry);

        public object MacroRules => inner.MacroRules;
    }

    public bool Equals(KbuildSetup? other) => other is not null && (ReferenceEquals(this, other) || _fingerprint == other._fingerprint);

    public override bool Equals(object? obj) => Equals(obj as KbuildSetup);

    public override int GetHashCode() => _fingerprint.Length;
}

internal static class PreprocessorOptionsExtensions
{
    /// <summary>The same options with one more generated header (bounds.h, computed from the config).</summary>
    public static PreprocessorOptions WithGenerated(this PreprocessorOptions options, string path, string text)
    {
        var generated = new Dictionary<string, string>(options.GeneratedHeaders, StringComparer.Ordinal) { [path] = text };
        return options with { GeneratedHeaders = generated };
    }
}

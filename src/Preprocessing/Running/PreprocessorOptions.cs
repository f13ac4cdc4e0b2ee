using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// What one preprocessing run needs besides the Pre-AST: the predefined
/// macros (the emulated gcc's and kbuild's -D, as "#define" lines), the text
/// of each config-dependent generated header, the feature-test answers, how
/// to evaluate #if arithmetic, and whether to go on where gcc would stop.
/// </summary>
public sealed record PreprocessorOptions(
    string PredefinedMacros,
    IReadOnlyDictionary<string, string> GeneratedHeaders,
    IFeatureAnswers Features,
    IConditionEvaluator Conditions)
{
    public const int MaxIncludeDepth = 200;

    /// <summary>Keep going after a fatal error (a missing #include) instead of stopping as gcc does.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>-funsigned-char (kernels from 6.2).</summary>
    public bool UnsignedChar { get; init; }

    /// <summary>
    /// When set, include/generated/autoconf.h is not read from
    /// <see cref="GeneratedHeaders"/>: once included, CONFIG_* names the run has
    /// neither defined nor undefined are answered by this source (the same
    /// macros the text would define).
    /// </summary>
    public IConfigMacroSource? ConfigMacros { get; init; }
}

/// <summary>The #if arithmetic (C11 6.10.1) over tokens already macro-expanded, with `defined` and the feature tests answered.</summary>
public interface IConditionEvaluator
{
    /// <summary>The value of the controlling expression, or null (with diagnostics reported to the environment) when it is malformed.</summary>
    long? Evaluate(IReadOnlyList<PPToken> tokens, ExpansionEnvironment environment, int directiveOrigin);
}

using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>
/// A predefined macro that kbuild's flags decide: given the configuration and
/// LINUX_VERSION_CODE, its replacement text, or null when gcc does not define it.
/// <see cref="Reason"/> names the kbuild rule and the flag.
/// </summary>
public sealed record KbuildMacroRule(string Name, Func<KernelConfig, int, string?> Replacement, string Reason);

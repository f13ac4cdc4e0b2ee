using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>
/// How kbuild's flags move gcc's predefined macros away from the captured base
/// (kbuild's 6.1 flags). Each flag -> macro effect was measured with gcc -dM
/// (docs/kbuild-notes.md); each config -> flag predicate is kbuild's rule, checked
/// against the real .module.o.cmd of 6.1 and 6.12 by the tests.
/// </summary>
public static class KbuildMacroRules
{
    public static ImmutableArray<KbuildMacroRule> Builtin { get; } =
    [
        new("__CHAR_UNSIGNED__", (_, version) => version >= LinuxVersion.Code(6, 2, 0) ? "1" : null,
            "Makefile: KBUILD_CFLAGS += -funsigned-char since 6.2"),
        new("__CET__", (config, _) => config.IsBuiltin("X86_KERNEL_IBT") ? "1" : null,
            "arch/x86/Makefile: -fcf-protection=branch with CONFIG_X86_KERNEL_IBT, else -fcf-protection=none"),
        new("__SSP_STRONG__", (config, _) => config.IsBuiltin("STACKPROTECTOR_STRONG") ? "3" : null,
            "Makefile: -fstack-protector-strong with CONFIG_STACKPROTECTOR_STRONG"),
        new("__SSP__", (config, _) => config.IsBuiltin("STACKPROTECTOR") && !config.IsBuiltin("STACKPROTECTOR_STRONG") ? "1" : null,
            "Makefile: -fstack-protector with CONFIG_STACKPROTECTOR alone, -fno-stack-protector without"),
        new("__OPTIMIZE__", (_, _) => "1",
            "Makefile: -O2, or -Os with CONFIG_CC_OPTIMIZE_FOR_SIZE; both define it"),
        new("__OPTIMIZE_SIZE__", (config, _) => config.IsBuiltin("CC_OPTIMIZE_FOR_SIZE") ? "1" : null,
            "Makefile: -Os with CONFIG_CC_OPTIMIZE_FOR_SIZE"),
        new("__GNUC__", (config, _) => GccPart(config, 0),
            "the compiler the configuration was made with: CONFIG_GCC_VERSION / 10000"),
        new("__GNUC_MINOR__", (config, _) => GccPart(config, 1),
            "CONFIG_GCC_VERSION / 100 % 100"),
        new("__GNUC_PATCHLEVEL__", (config, _) => GccPart(config, 2),
            "CONFIG_GCC_VERSION % 100"),
        new("__VERSION__", (config, _) => config.GccVersion is { } v ? $"\"{v / 10000}.{v / 100 % 100}.{v % 100}\"" : null,
            "gcc's version string; Debian's gcc says just \"12.2.0\""),
    ];

    /// <summary>
    /// kbuild's -D flags for an external single-file module, in command-line
    /// order. <paramref name="moduleName"/> is the object's name without ".o";
    /// kbuild's name-fix turns '-' and ',' into '_'.
    /// </summary>
    public static ImmutableArray<MacroDefinitionText> CommandLine(KernelConfig config, string moduleName)
    {
        var name = moduleName.Replace('-', '_').Replace(',', '_');
        var macros = ImmutableArray.CreateBuilder<MacroDefinitionText>();
        macros.Add(MacroDefinitionText.Object("__KERNEL__", "1"));
        // Makefile: CC_FLAGS_USING += -DCC_USING_FENTRY when CONFIG_FUNCTION_TRACER and CONFIG_HAVE_FENTRY (gcc has -mfentry).
        if (config.IsBuiltin("FUNCTION_TRACER") && config.IsBuiltin("HAVE_FENTRY")) macros.Add(MacroDefinitionText.Object("CC_USING_FENTRY", "1"));
        // scripts/Makefile.randstruct (included when CONFIG_RANDSTRUCT): -DRANDSTRUCT makes __randomize_layout an attribute.
        if (config.IsBuiltin("RANDSTRUCT")) macros.Add(MacroDefinitionText.Object("RANDSTRUCT", "1"));
        macros.Add(MacroDefinitionText.Object("MODULE", "1"));
        macros.Add(MacroDefinitionText.Object("KBUILD_BASENAME", $"\"{name}\""));
        macros.Add(MacroDefinitionText.Object("KBUILD_MODNAME", $"\"{name}\""));
        macros.Add(MacroDefinitionText.Object("__KBUILD_MODNAME", "kmod_" + name));
        return macros.ToImmutable();
    }

    private static string? GccPart(KernelConfig config, int part) => config.GccVersion is { } v
        ? (part switch { 0 => v / 10000, 1 => v / 100 % 100, _ => v % 100 }).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;
}

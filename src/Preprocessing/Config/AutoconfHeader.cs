using System.Collections.Immutable;
using System.Text;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// include/generated/autoconf.h as Kconfig writes it (conf_write_autoconf with
/// the C comment style): a four-line heading whose title is the root menu's
/// prompt ("Linux/x86 6.1.192 Kernel Configuration", the same line the .config
/// heading carries), then one "#define" per set symbol in symbol-table order.
/// </summary>
public static class AutoconfHeader
{
    /// <summary>The macros autoconf.h defines, in its order.</summary>
    public static ImmutableArray<MacroDefinitionText> MacroDefinitions(KernelConfig config, KconfigSymbolTable table) =>
        [.. table.AutoconfOrder(config).Select(table.MacroFor)];

    /// <summary>
    /// The file's text. <paramref name="title"/> overrides the configuration's
    /// heading title (needed when the .config has no heading).
    /// </summary>
    public static string Write(KernelConfig config, KconfigSymbolTable table, string? title = null)
    {
        var builder = new StringBuilder(64 * (config.Count + 4));
        builder.Append("/*\n")
            .Append(" * Automatically generated file; DO NOT EDIT.\n")
            .Append(" * ").Append(title ?? config.Title ?? "Linux Kernel Configuration").Append('\n')
            .Append(" */\n");
        foreach (var macro in MacroDefinitions(config, table))
        {
            builder.Append("#define ").Append(macro.Name).Append(' ').Append(macro.Replacement).Append('\n');
        }
        return builder.ToString();
    }
}

namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// The configuration as the preprocessor reads it lazily, in place of
/// include/generated/autoconf.h: one option at a time, so a caller that
/// implements it learns which options a run read (the query engine records
/// them as the run's dependencies).
/// </summary>
public interface IConfigMacroSource
{
    /// <summary>The option's entry (name without CONFIG_), or null when it is not set. Each call is a read of that option.</summary>
    ConfigEntry? Option(string name);

    /// <summary>The #define autoconf.h writes for a set entry (CONFIG_X 1, CONFIG_X_MODULE 1, a string, a number).</summary>
    MacroDefinitionText MacroFor(ConfigEntry entry);

    /// <summary>
    /// What <see cref="MacroFor"/> depends on besides the entry: two sources
    /// with the same object here write the same #define for equal entries, so
    /// a preprocessing session may keep an option's answer across configs.
    /// </summary>
    object MacroRules => this;
}

/// <summary>A <see cref="KernelConfig"/> as a lazy autoconf.h, written as <see cref="AutoconfHeader"/> writes it (hex symbols from the table).</summary>
public sealed class KernelConfigMacroSource(KernelConfig config, KconfigSymbolTable table) : IConfigMacroSource
{
    public ConfigEntry? Option(string name) => config[name];

    public MacroDefinitionText MacroFor(ConfigEntry entry) => table.MacroFor(entry);

    public object MacroRules => table;
}

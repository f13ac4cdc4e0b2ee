using LayoutExpert.Incremental;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// The config as the preprocessor reads it inside a query: each option asked
/// for is read through the query context, so the memo depends on exactly the
/// options its run read — a change of any other option leaves it valid.
/// </summary>
internal sealed class QueriedConfig(QueryContext context, IConfigMacroSource rules) : IConfigMacroSource
{
    public ConfigEntry? Option(string name) => Read(context, name);

    /// <summary>One option of the config, read through <paramref name="context"/> (a dependency of the running query).</summary>
    public static ConfigEntry? Read(QueryContext context, string name) =>
        context.Get(ProfileInputs.ConfigOption, name) is { } value ? new ConfigEntry(name, value, 0) : null;

    public MacroDefinitionText MacroFor(ConfigEntry entry) => rules.MacroFor(entry);

    public object MacroRules => rules.MacroRules;
}

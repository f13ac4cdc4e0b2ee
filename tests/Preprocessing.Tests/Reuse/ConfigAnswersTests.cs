using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A session keeps each option's #define across configs and takes it again
/// only when the config gives an equal entry (ConfigAnswers): a changed
/// number, a y turned m (CONFIG_X gone, CONFIG_X_MODULE defined) or an
/// option unset must each be answered anew. Each run of the walk, on the
/// real 6.1 headers, equals a run without a session.
/// </summary>
public class ConfigAnswersTests
{
    [Fact]
    public void Options_changed_between_configs_are_answered_from_the_new_config()
    {
        var preAst = SessionInputs.PreAst;
        var amd64 = SessionInputs.Config("amd64");
        var cpus = SessionInputs.With(amd64, "NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, "64"));
        var hz = SessionInputs.With(cpus, "HZ", new ConfigValue(ConfigValueKind.Decimal, "1000"));
        var module = SessionInputs.With(hz, "SECURITY", new ConfigValue(ConfigValueKind.Module, "m"));
        var session = new PreprocessingSession();
        // One kernel's rules for every config, as make-profile keeps them: only then may answers be kept.
        var rules = new object();
        foreach (var (name, config) in new[] { ("amd64", amd64), ("NR_CPUS=64", cpus), ("HZ=1000", hz), ("SECURITY=m", module), ("amd64 again", amd64) })
        {
            var lazy = SessionInputs.Compilation(config).LazyConfigOptions;
            var reused = Preprocessor.Run(preAst, lazy with { ConfigMacros = new SameRules(lazy.ConfigMacros!, rules) }, PreAst.PreAst.MainFile, session);
            var fresh = Preprocessor.Run(preAst, SessionInputs.Compilation(config).Options);
            SessionInputs.AssertSameOutput(fresh, reused, name);
        }
    }

    /// <summary>A config's source with the rules object shared by all configs of the walk.</summary>
    private sealed class SameRules(IConfigMacroSource inner, object rules) : IConfigMacroSource
    {
        public ConfigEntry? Option(string name) => inner.Option(name);

        public MacroDefinitionText MacroFor(ConfigEntry entry) => inner.MacroFor(entry);

        public object MacroRules => rules;
    }
}

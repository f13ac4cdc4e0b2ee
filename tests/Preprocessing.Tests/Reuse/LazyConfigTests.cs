using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>CONFIG_ macros answered one by one from the config give exactly what the textual autoconf.h gives.</summary>
public class LazyConfigTests
{
    [Theory]
    [InlineData("amd64")]
    [InlineData("cloud-amd64")]
    public void Lazy_config_source_gives_the_textual_autoconf_output(string flavour)
    {
        var preAst = SessionInputs.PreAst;
        var compilation = SessionInputs.Compilation(SessionInputs.Config(flavour));
        Assert.Null(compilation.Options.ConfigMacros);
        Assert.NotNull(compilation.LazyConfigOptions.ConfigMacros);
        var textual = Preprocessor.Run(preAst, compilation.Options);
        var lazy = Preprocessor.Run(preAst, compilation.LazyConfigOptions);
        Assert.Empty(textual.Diagnostics.Where(d => d.IsError));
        // No counter differences without a session: every flag and spelling must agree.
        Assert.Equal(textual.Tokens.Count, lazy.Tokens.Count);
        for (var i = 0; i < textual.Tokens.Count; i++)
        {
            var (a, b) = (textual.Tokens[i], lazy.Tokens[i]);
            Assert.True(a.Kind == b.Kind && a.Text == b.Text && a.Flags == b.Flags, $"token {i}: {a.Text} / {b.Text}");
        }
        Assert.Equal(textual.Conditions, lazy.Conditions);
        Assert.Equal(textual.Diagnostics.Select(d => d.ToString()), lazy.Diagnostics.Select(d => d.ToString()));
        // And through a session.
        SessionInputs.AssertSameOutput(textual, Preprocessor.Run(preAst, compilation.LazyConfigOptions, PreAst.PreAst.MainFile, new PreprocessingSession()), flavour);
    }

    [Fact]
    public void The_source_is_asked_only_for_options_the_unit_reads_and_answers_modules_and_strings_as_autoconf_does()
    {
        var preAst = SessionInputs.PreAst;
        var config = SessionInputs.Config("amd64");
        var compilation = SessionInputs.Compilation(config);
        var recording = new RecordingSource(compilation.ConfigMacros!);
        Preprocessor.Run(preAst, compilation.LazyConfigOptions with { ConfigMacros = recording });
        Assert.Contains("MEMCG", recording.Read);
        Assert.Contains("NR_CPUS", recording.Read);
        // A unit reads a small part of a Debian config's thousands of options.
        Assert.True(recording.Read.Count < config.Count, $"{recording.Read.Count} of {config.Count}");
        var module = config.Entries.First(e => e.Kind == ConfigValueKind.Module);
        Assert.Equal("CONFIG_" + module.Name + "_MODULE", compilation.ConfigMacros!.MacroFor(module).Name);
        var text = config.Entries.First(e => e.Kind == ConfigValueKind.String);
        Assert.StartsWith("\"", compilation.ConfigMacros.MacroFor(text).Replacement);
    }

    /// <summary>What a query engine would do: note each option read.</summary>
    private sealed class RecordingSource(IConfigMacroSource inner) : IConfigMacroSource
    {
        public HashSet<string> Read { get; } = [];

        public ConfigEntry? Option(string name)
        {
            Read.Add(name);
            return inner.Option(name);
        }

        public MacroDefinitionText MacroFor(ConfigEntry entry) => inner.MacroFor(entry);
    }
}

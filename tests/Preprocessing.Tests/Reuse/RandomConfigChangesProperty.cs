using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// From the amd64 config, random sequences of changes to options the module
/// unit reads (a bool flipped, NR_CPUS or HZ changed) run through ONE session;
/// after each change the session's output equals a fresh session's.
/// </summary>
public class RandomConfigChangesProperty(ITestOutputHelper output)
{
    private sealed record Change(string Option, ConfigValue? Value)
    {
        public override string ToString() => $"{Option}={Value?.Text ?? "n"}";
    }

    [Fact]
    public void Every_run_of_a_shared_session_equals_a_fresh_sessions_run()
    {
        var preAst = SessionInputs.PreAst;
        var amd64 = SessionInputs.Config("amd64");
        var read = OptionsRead(amd64);
        // Bool-like options the unit reads: set to y, or read and not set.
        var flippable = read.Where(o => amd64[o] is null or { Kind: ConfigValueKind.Yes }).Order(StringComparer.Ordinal).ToArray();
        Assert.True(flippable.Length > 100, $"{flippable.Length} flippable options read");
        var yes = new ConfigValue(ConfigValueKind.Yes, "y");
        var change = Gen.OneOf(
            Gen.Elements(flippable).Select(o => new Change(o, null)),
            Gen.Elements(flippable).Select(o => new Change(o, yes)),
            Gen.Elements("64", "512", "8192").Select(n => new Change("NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, n))),
            Gen.Elements("100", "250", "300", "1000").Select(n => new Change("HZ", new ConfigValue(ConfigValueKind.Decimal, n))));
        var sequences = Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(change, n)).Select(l => l.ToArray());

        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, SessionInputs.Compilation(amd64).LazyConfigOptions, PreAst.PreAst.MainFile, session);
        var fractions = new List<double>();
        Prop.ForAll(Arb.From(sequences), changes =>
        {
            var config = amd64;
            foreach (var c in changes)
            {
                config = SessionInputs.With(config, c.Option, c.Value);
                var compilation = SessionInputs.Compilation(config);
                var reused = Preprocessor.Run(preAst, compilation.LazyConfigOptions, PreAst.PreAst.MainFile, session);
                var fresh = Preprocessor.Run(preAst, compilation.Options, PreAst.PreAst.MainFile, new PreprocessingSession());
                SessionInputs.AssertSameOutput(fresh, reused, string.Join(", ", changes.Select(x => x.ToString())));
                fractions.Add(session.LastRun.ReplayedFraction);
                output.WriteLine($"{c}: {session.LastRun}");
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(6));
        output.WriteLine($"replayed fraction over {fractions.Count} runs: mean {fractions.Average():P1}, min {fractions.Min():P1}");
        Assert.True(fractions.Average() > 0.5, "most of the unit is replayed after a change of one option");
    }

    /// <summary>The options the unit reads under the config (through the lazy source).</summary>
    private static HashSet<string> OptionsRead(KernelConfig config)
    {
        var compilation = SessionInputs.Compilation(config);
        var read = new HashSet<string>(StringComparer.Ordinal);
        var source = new Reading(compilation.ConfigMacros!, read);
        Preprocessor.Run(SessionInputs.PreAst, compilation.LazyConfigOptions with { ConfigMacros = source });
        return read;
    }

    private sealed class Reading(IConfigMacroSource inner, HashSet<string> read) : IConfigMacroSource
    {
        public ConfigEntry? Option(string name)
        {
            read.Add(name);
            return inner.Option(name);
        }

        public MacroDefinitionText MacroFor(ConfigEntry entry) => inner.MacroFor(entry);
    }
}

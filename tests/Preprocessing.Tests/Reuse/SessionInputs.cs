using System.Collections.Immutable;
using System.Text;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// The real 6.1 kernel inputs of the session tests: the Pre-AST (module.c and
/// bounds.c), the flavours' .configs, configs with options changed, and the
/// comparison of a session's output with a fresh run's.
/// </summary>
internal static class SessionInputs
{
    public const string Kernel = "6.1.0-56";

    public static PreAst.PreAst PreAst => KernelPreAsts.Get(Kernel, rt: false).PreAst;

    public static KernelConfig Config(string flavour)
    {
        var read = KernelConfigReader.ReadFile(KernelCache.Config(Kernel, flavour));
        Assert.False(read.HasErrors, string.Join('\n', read.Diagnostics));
        return read.Config;
    }

    /// <summary>kbuild's compilation of the unit under a config; bounds.h is the amd64 flavour's (make-profile computes it; here it is a fixed input).</summary>
    public static KbuildCompilation Compilation(KernelConfig config)
    {
        var bounds = Path.Combine(KernelCache.FlavourTree(Kernel, "amd64"), "include", "generated", "bounds.h");
        return KbuildCompilation.Create(PreAst, config, new Dictionary<string, string> { ["include/generated/bounds.h"] = File.ReadAllText(bounds) });
    }

    /// <summary>The config with one option set (<paramref name="value"/>) or unset (null): a changed entry keeps its place, a new one goes last.</summary>
    public static KernelConfig With(KernelConfig config, string option, ConfigValue? value)
    {
        var entries = config.Entries.ToList();
        var index = entries.FindIndex(e => e.Name == option);
        if (value is null)
        {
            if (index >= 0) entries.RemoveAt(index);
        }
        else if (index >= 0)
        {
            entries[index] = entries[index] with { Value = value };
        }
        else
        {
            entries.Add(new ConfigEntry(option, value, entries.Count + 1));
        }
        return new KernelConfig(config.Path, config.Title, [.. entries]);
    }

    /// <summary>y becomes unset, unset (or m) becomes y.</summary>
    public static KernelConfig Flip(KernelConfig config, string option) =>
        With(config, option, config.IsBuiltin(option) ? null : new ConfigValue(ConfigValueKind.Yes, "y"));

    /// <summary>
    /// The session's output is the fresh run's token for token (kind, text,
    /// flags), except that __COUNTER__ tokens are compared by kind only (a
    /// replayed file keeps the values of the run that recorded it); the #if
    /// records and the diagnostics are the same.
    /// </summary>
    public static void AssertSameOutput(PreprocessResult fresh, PreprocessResult session, string what)
    {
        var count = Math.Min(fresh.Tokens.Count, session.Tokens.Count);
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (fresh.Tokens[i], session.Tokens[i]);
            var counter = ((a.Flags | b.Flags) & PPTokenFlags.Counter) != 0;
            var same = counter
                ? a.Kind == b.Kind && (a.Flags & PPTokenFlags.Counter) == (b.Flags & PPTokenFlags.Counter)
                    && (a.Flags & ~PPTokenFlags.Counter) == (b.Flags & ~PPTokenFlags.Counter)
                : a.Kind == b.Kind && a.Text == b.Text && a.Flags == b.Flags;
            Assert.True(same, $"{what}: first difference at token {i}\n{Around(fresh, i)}\n{Around(session, i)}");
        }
        Assert.True(fresh.Tokens.Count == session.Tokens.Count, $"{what}: fresh {fresh.Tokens.Count} tokens, session {session.Tokens.Count}");
        Assert.Equal(fresh.Conditions.Count, session.Conditions.Count);
        for (var i = 0; i < fresh.Conditions.Count; i++)
        {
            Assert.True(fresh.Conditions[i] == session.Conditions[i],
                $"{what}: #if record {i}: fresh {Show(fresh.Conditions[i])}, session {Show(session.Conditions[i])}");
        }
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), session.Diagnostics.Select(d => d.ToString()));
    }

    public static ImmutableArray<PPToken> CounterTokens(PreprocessResult result) =>
        [.. result.Tokens.Where(t => (t.Flags & PPTokenFlags.Counter) != 0)];

    private static string Show(ConditionRecord record) =>
        $"file {record.File} @{record.Offset} [{string.Join(' ', record.MacrosRead)}] -> {record.Result}";

    private static string Around(PreprocessResult result, int at)
    {
        var text = new StringBuilder();
        foreach (var token in result.Tokens.Skip(Math.Max(0, at - 10)).Take(20)) text.Append(token.Text).Append(' ');
        return text.ToString();
    }
}

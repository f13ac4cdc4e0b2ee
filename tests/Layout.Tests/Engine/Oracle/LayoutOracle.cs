using System.Text;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// Compares the engine with gcc on a declaration set: every probe fact from
/// gcc must equal the engine's answer and, where the layout model carries it,
/// the layout set's. A failure prints the mismatches and the C source.
/// </summary>
public static class LayoutOracle
{
    public sealed record Outcome(IReadOnlyDictionary<string, string> Gcc, IReadOnlyList<string> Mismatches, string Program);

    public static Outcome Compare(Declarations declarations, LayoutOptions? options = null)
    {
        var probes = ProbePlan.For(declarations);
        var program = GccProbe.Program(declarations, probes);
        var gcc = GccProbe.Measure(program);
        var engine = new LayoutEngine(X86_64SysV.Instance, declarations.Table, options);
        var fromEngine = EngineProbe.Measure(engine, probes);
        var fromModel = ModelProbe.Measure(LayoutSetBuilder.Build(engine, declarations.Table).Set, probes);

        var mismatches = new List<string>();
        foreach (var key in gcc.Keys.Union(fromEngine.Keys).Order(StringComparer.Ordinal))
        {
            var expected = gcc.GetValueOrDefault(key, "(not asked of gcc)");
            var actual = fromEngine.GetValueOrDefault(key, "(not answered)");
            if (expected != actual) mismatches.Add($"{key}: gcc {expected}, engine {actual}");
        }
        foreach (var (key, actual) in fromModel.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var expected = gcc.GetValueOrDefault(key, "(not asked of gcc)");
            if (expected != actual) mismatches.Add($"{key}: gcc {expected}, layout model {actual}");
        }
        return new Outcome(gcc, mismatches, program);
    }

    /// <summary>Asserts the engine agrees with gcc on everything; returns gcc's facts for further checks.</summary>
    public static IReadOnlyDictionary<string, string> AssertMatchesGcc(Declarations declarations, LayoutOptions? options = null)
    {
        var outcome = Compare(declarations, options);
        if (outcome.Mismatches.Count > 0) Assert.Fail(Describe(outcome));
        return outcome.Gcc;
    }

    public static string Describe(Outcome outcome)
    {
        var text = new StringBuilder();
        text.Append(outcome.Mismatches.Count).Append(" mismatch(es) with gcc:\n");
        foreach (var m in outcome.Mismatches.Take(60)) text.Append("  ").Append(m).Append('\n');
        text.Append("C source:\n").Append(outcome.Program);
        return text.ToString();
    }
}

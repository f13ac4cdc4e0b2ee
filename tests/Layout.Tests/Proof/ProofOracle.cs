using LayoutExpert.Layout.Model;
using System.Text;
using LayoutExpert.Layout.Tests.Engine.Oracle;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// Runs both sides of the proof on one C text and compares them; on a
/// mismatch, cuts the declarations down to the mismatching types and what
/// they use, re-runs, and describes the smallest source that still fails.
/// </summary>
public static class ProofOracle
{
    public sealed record Outcome(string Source, LayoutSetComparison.Result Comparison, OurPipeline.Outcome Ours)
    {
        public bool Agrees => Comparison.Mismatches.Count == 0 && !Ours.Errors.Any() && Ours.Issues.IsEmpty;

        public string Describe()
        {
            var text = new StringBuilder();
            text.Append(Comparison.Mismatches.Count).Append(" mismatch(es) with gcc's DWARF:\n");
            foreach (var m in Comparison.Mismatches.Take(40)) text.Append("  ").Append(m).Append('\n');
            var report = Ours.Report();
            if (report.Length > 0) text.Append("our diagnostics:\n").Append(string.Join("\n", report.Split('\n').Take(20))).Append('\n');
            text.Append("C source:\n").Append(Source);
            return text.ToString();
        }
    }

    /// <summary>Compares both sides on <paramref name="source"/>; with <paramref name="preprocess"/> gcc -E -P runs first, and both sides read its output.</summary>
    public static Outcome Compare(string source, bool preprocess = false)
    {
        if (preprocess) source = GccDwarf.Preprocess(source);
        var gcc = GccDwarf.Layouts(source);
        var ours = OurPipeline.Run(source);
        return new Outcome(source, LayoutSetComparison.Compare(gcc, ours.Set, bothWays: true), ours);
    }

    /// <summary>A failure report: the reduced source when reducing keeps a mismatch, else the whole one.</summary>
    public static string Explain(Declarations declarations, Func<Declarations, string> emit, Outcome outcome)
    {
        var subjects = outcome.Comparison.Mismatches
            .Select(m => m.Split([':', '.', ' '], 3) is [var kind, var name, ..] && kind is "struct" or "union" or "enum" ? kind + " " + name : m.Split(' ', 2)[0] == "typedef" ? m.Split(' ', 3)[1].TrimEnd(':') : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (subjects.Count > 0)
        {
            var reduced = DeclarationReducer.Keep(declarations, subjects);
            if (reduced.Order.Length > 0)
            {
                var again = Compare(emit(reduced));
                if (!again.Agrees) return "reduced counter-example:\n" + again.Describe();
            }
        }
        return "(no smaller source reproduces it)\n" + outcome.Describe();
    }
}

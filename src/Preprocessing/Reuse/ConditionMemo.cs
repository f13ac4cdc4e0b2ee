using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// The decided #if and #elif lines of a session, by (file, offset): what the
/// expression read of the macro table (by name number, with the definition
/// seen) and what it came to. A file that must run again (one of its reads
/// changed) decides most of its conditions as before: where every read is the
/// same object now, the line's value is taken instead of expanding and
/// evaluating it again (kconfig.h's IS_ENABLED alone expands six macros with
/// token pasting per use). Lines that reported a diagnostic or read
/// something beyond the table (__COUNTER__, __INCLUDE_LEVEL__, __BASE_FILE__)
/// are not kept. At most <see cref="PerLine"/> values per line, newest first.
/// </summary>
internal sealed class ConditionMemo
{
    private const int PerLine = 4;

    internal sealed class Decision
    {
        public required KeyValuePair<int, MacroDefinition?>[] Reads { get; init; }

        /// <summary>The names asked for, as <see cref="ConditionRecord.MacrosRead"/> lists them.</summary>
        public required ImmutableArray<string> Names { get; init; }

        public required bool Result { get; init; }

        /// <summary>What decides the feature tests and the arithmetic besides the table (compared with Equals: the kbuild ones are equal across configs of one compiler).</summary>
        public required IFeatureAnswers Features { get; init; }

        public required IConditionEvaluator Arithmetic { get; init; }

        public required bool UnsignedChar { get; init; }
    }

    private readonly Dictionary<(int File, int Offset), List<Decision>> _lines = [];

    /// <summary>A kept decision of the line at <paramref name="offset"/> of file <paramref name="file"/> whose reads all hold in <paramref name="table"/>, or null.</summary>
    public Decision? Find(int file, int offset, MacroTable table, PreprocessorOptions options)
    {
        if (!_lines.TryGetValue((file, offset), out var decisions)) return null;
        foreach (var decision in decisions)
        {
            if (decision.UnsignedChar == options.UnsignedChar && decision.Features.Equals(options.Features)
                && decision.Arithmetic.Equals(options.Conditions) && Hold(decision.Reads, table))
            {
                return decision;
            }
        }
        return null;
    }

    public void Remember(int file, int offset, Decision decision)
    {
        if (!_lines.TryGetValue((file, offset), out var decisions)) _lines[(file, offset)] = decisions = [];
        decisions.Insert(0, decision);
        if (decisions.Count > PerLine) decisions.RemoveAt(decisions.Count - 1);
    }

    /// <summary>A new name can be defined: decisions that read it as "never defined" without noting it no longer hold.</summary>
    public void Clear() => _lines.Clear();

    private static bool Hold(KeyValuePair<int, MacroDefinition?>[] reads, MacroTable table)
    {
        foreach (var (id, seen) in reads)
        {
            if (!ReferenceEquals(table.Peek(id), seen)) return false;
        }
        return true;
    }
}

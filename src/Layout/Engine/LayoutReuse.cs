using LayoutExpert.Layout.Engine.Reuse;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// What laying out one source's types keeps from one compile to the next, so
/// that after a config change only the types whose definition or member types
/// changed are laid out and mapped again (issue 6). Owned by the caller, one
/// per source (as the parser's reuse is), given to each <see cref="LayoutEngine"/>
/// made for that source; each engine is one run. Reuse changes what a run
/// costs, never what it answers:
/// <list type="bullet">
/// <item>a record is laid out by gcc's rules from its definition and the
/// facts (size, alignment, TYPE_USER_ALIGN, precision...) of its members'
/// types, nothing else (<see cref="RecordLayouter"/>); a remembered layout is
/// taken when the definition is structurally equal and each member type's
/// facts are equal now, so a nested record that changed without changing its
/// size or alignment cuts off there;</item>
/// <item>a record's model (<see cref="RecordLayout"/>) is a function of its
/// layout and of what mapping its member types read: the content-derived names
/// of anonymous records and enums they name, vector element sizes, mode
/// types' integers; a remembered model is taken when its layout is the very
/// remembered layout and every such read answers the same now;</item>
/// <item>before either, a record or enum nothing it reads changed in since the
/// last set build is taken from that build whole, without asking the engine
/// (<see cref="Reuse.SetDelta"/>);</item>
/// <item>the sorted dictionaries of a <see cref="LayoutSet"/> are made by
/// applying the changes to the previous run's (<see cref="SortedDictionaryMemory{T}"/>);</item>
/// <item>a set build given the same definitions and roots as one of the last
/// runs' (a config flipped back) takes that run's answer whole
/// (<see cref="Reuse.SetSnapshot"/>).</item>
/// </list>
/// Entries none of the last <c>keepRuns</c> runs used are dropped. Not thread-safe: one run at a time.
/// </summary>
public sealed class LayoutReuse(int keepRuns = 4)
{
    private LayoutMemory? memory;
    private int run;

    /// <summary>What the last run reused and what it computed.</summary>
    public LayoutReuseStatistics LastRun => memory?.Statistics ?? default;

    /// <summary>The layout set stages kept past the builder (the profile's reachable subset) keep their dictionaries here.</summary>
    public LayoutSetMemory Reachable { get; } = new();

    /// <summary>A new run begins (an engine is made): memory made under another target or other options is dropped, old entries trimmed.</summary>
    internal LayoutMemory Begin(TargetInfo target, LayoutOptions options)
    {
        run++;
        if (memory is null || !ReferenceEquals(memory.Target, target) || !memory.Options.Equals(options))
        {
            memory = new LayoutMemory(target, options);
        }
        memory.StartRun(run, oldestKept: run - keepRuns);
        return memory;
    }
}

/// <summary>Counts of one run: records and enums whose layout was taken from memory or computed, and likewise their models.</summary>
public readonly record struct LayoutReuseStatistics(
    int RecordsReused, int RecordsLaidOut, int ModelsReused, int ModelsMapped, int EnumsReused, int EnumsLaidOut, bool SetReused = false, int Carried = 0,
    bool SetPatched = false)
{
    public override string ToString() => SetReused ? "the whole set reused: the same definitions and roots as an earlier run" :
        $"{Carried} records and enums taken from the last set unchanged; records {RecordsReused} reused / {RecordsLaidOut} laid out, models {ModelsReused} reused / {ModelsMapped} mapped, enums {EnumsReused} reused / {EnumsLaidOut} laid out"
        + (SetPatched ? "; the set's dictionaries patched from the last set's" : "");
}

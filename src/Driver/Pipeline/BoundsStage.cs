using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// Computes include/generated/bounds.h for a config, as kbuild does from
/// kernel/bounds.c: LayoutExpert's bounds.c (kept in the Pre-AST) is compiled
/// under the config and its enumeration constants give the values.
/// </summary>
public static class BoundsStage
{
    public const string SourceName = "bounds.c";
    private const string Prefix = "layout_expert_bound_";

    /// <summary>The bounds in kbuild's order, with the expression kbuild writes beside each.</summary>
    private static readonly (string Name, string Expression)[] Bounds =
    [
        ("NR_PAGEFLAGS", "__NR_PAGEFLAGS"),
        ("MAX_NR_ZONES", "__MAX_NR_ZONES"),
        ("NR_CPUS_BITS", "order_base_2(CONFIG_NR_CPUS)"),
        ("SPINLOCK_SIZE", "sizeof(spinlock_t)"),
        ("LRU_GEN_WIDTH", "order_base_2(MAX_NR_GENS + 1)"),
        ("__LRU_REFS_WIDTH", "MAX_NR_TIERS - 2"),
    ];

    public sealed record Result(string? Text, ImmutableArray<Diagnostic> Errors)
    {
        public bool Equals(Result? other) =>
            other is not null && Text == other.Text && Errors.Select(e => e.ToString()).SequenceEqual(other.Errors.Select(e => e.ToString()));

        public override int GetHashCode() => Text?.Length ?? 0;
    }

    public static Result Missing { get; } = new(null, [Diagnostic.Create(PipelineDiagnostics.NoBoundsSource, null)]);

    /// <summary>bounds.h from the compiled bounds.c: its enumeration constants are the values.</summary>
    public static Result FromUnit(CompiledUnit unit)
    {
        var errors = unit.Errors.ToList();
        if (errors.Count > 0) return new Result(null, [.. errors]);
        var entries = new List<BoundsHeader.Entry>();
        foreach (var (name, expression) in Bounds)
        {
            // A bound missing from the enumeration was left out by its #ifdef (CONFIG_SMP, CONFIG_LRU_GEN), as in kernel/bounds.c.
            if (unit.Bound.EnumConstants.TryGetValue(Prefix + name, out var constant))
            {
                entries.Add(new BoundsHeader.Entry(name, (long)constant.Value, expression));
            }
        }
        return new Result(BoundsHeader.Write(entries), []);
    }
}

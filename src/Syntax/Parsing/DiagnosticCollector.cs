using System.Collections.Immutable;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Gathers the diagnostics of a green tree with offsets made relative to its root.</summary>
internal static class DiagnosticCollector
{
    public static ImmutableArray<DiagnosticInfo> Collect(GreenNode root)
    {
        if (!root.ContainsDiagnostics) return [];
        var results = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Collect(root, 0, results);
        return results.ToImmutable();
    }

    private static void Collect(GreenNode node, int offset, ImmutableArray<DiagnosticInfo>.Builder results)
    {
        foreach (var info in node.Diagnostics)
        {
            results.Add(info with { RelativeOffset = offset + info.RelativeOffset });
        }
        var childOffset = offset;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is not { } child) continue;
            if (child.ContainsDiagnostics) Collect(child, childOffset, results);
            childOffset += child.FullWidth;
        }
    }
}

using System.Collections.Immutable;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>A configuration and what was wrong with its file. The configuration holds every line that could be read.</summary>
public sealed record ConfigReadResult(KernelConfig Config, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

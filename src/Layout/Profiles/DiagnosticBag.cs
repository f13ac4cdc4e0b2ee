using System.Collections.Immutable;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Layout.Profiles;

/// <summary>Diagnostics gathered while one profile is built; a repeated message is reported once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Add(DiagnosticDescriptor descriptor, params object[] args) => Add(descriptor, null, args);

    public void Add(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] args)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, args);
        if (_seen.Add(diagnostic.ToString())) _items.Add(diagnostic);
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}

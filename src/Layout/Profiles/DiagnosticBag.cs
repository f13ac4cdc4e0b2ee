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

    /// <summary>Where every diagnostic added is also recorded (repeats included), for an encoding that is kept and replayed.</summary>
    public List<Diagnostic>? Recorder { get; set; }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] args) =>
        Add(Diagnostic.Create(descriptor, location, args));

    /// <summary>Adds a diagnostic made earlier: replaying a recorded encoding's leaves the bag as encoding again would.</summary>
    public void Add(Diagnostic diagnostic)
    {
        Recorder?.Add(diagnostic);
        if (_seen.Add(diagnostic.ToString())) _items.Add(diagnostic);
    }

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];
}

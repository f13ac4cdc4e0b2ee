namespace LayoutExpert.Syntax.Diagnostics;

/// <summary>
/// A diagnostic as a green node carries it: position-free, with an offset
/// relative to the start of the node's full text. Absolute locations are made
/// only when someone asks (<see cref="Red.SyntaxNode.GetDiagnostics"/>).
/// </summary>
public sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, int RelativeOffset, int Length, ImmutableArrayOfArgs Args)
{
    public string Message => Descriptor.Format(Args.Values);
}

/// <summary>Message arguments with structural equality, so green nodes carrying diagnostics compare by value.</summary>
public readonly struct ImmutableArrayOfArgs : IEquatable<ImmutableArrayOfArgs>
{
    private readonly string[]? _values;

    public ImmutableArrayOfArgs(params string[] values) => _values = values;

    public IReadOnlyList<object> Values => _values ?? [];

    public bool Equals(ImmutableArrayOfArgs other) => (_values ?? []).AsSpan().SequenceEqual(other._values ?? []);

    public override bool Equals(object? obj) => obj is ImmutableArrayOfArgs other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values ?? []) hash.Add(v);
        return hash.ToHashCode();
    }
}

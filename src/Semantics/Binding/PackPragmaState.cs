namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The <c>#pragma pack</c> state (GCC "Structure-Layout Pragmas"): the maximum
/// member alignment in force, and the push/pop stack. gcc reads the value in
/// force when it lays a record out, at its closing brace.
/// </summary>
internal sealed class PackPragmaState
{
    private readonly Stack<(string? Id, int? Value)> _stack = new();

    public int? Current { get; private set; }

    /// <summary>Applies "pack(...)" arguments: (), (N), (push[, id][, N]), (pop[, id]), (show). Returns false for a malformed pragma.</summary>
    public bool Apply(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            Current = null;
            return true;
        }
        switch (arguments[0])
        {
            case "show":
                return arguments.Count == 1;
            case "push":
            {
                _stack.Push((arguments.Count > 1 && !IsNumber(arguments[1]) ? arguments[1] : null, Current));
                if (arguments.Count > 1 && IsNumber(arguments[^1]))
                {
                    if (Value(arguments[^1]) is not { } n) return false;
                    Current = n;
                }
                return arguments.Count <= 3;
            }
            case "pop":
            {
                if (arguments.Count > 1 && !IsNumber(arguments[1]))
                {
                    // Pop down to and including the entry pushed with this id.
                    while (_stack.Count > 0)
                    {
                        var entry = _stack.Pop();
                        if (entry.Id == arguments[1])
                        {
                            Current = entry.Value;
                            return true;
                        }
                    }
                    return false;
                }
                if (_stack.Count == 0) return false;
                Current = _stack.Pop().Value;
                return true;
            }
            default:
            {
                if (arguments.Count != 1 || Value(arguments[0]) is not { } n) return false;
                Current = n == 0 ? null : n;
                return true;
            }
        }
    }

    private static bool IsNumber(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]);

    /// <summary>gcc accepts 0 (the default) and powers of two up to 16 (any power of two, with a warning beyond).</summary>
    private static int? Value(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && (n == 0 || (n & (n - 1)) == 0) ? n : null;
}

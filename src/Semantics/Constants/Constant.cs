namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// A value gcc can fold an expression to at compile time: an integer (kept
/// converted to the expression's type), a floating value, or an address
/// constant (C11 6.6p9): a symbol, or none for a null-based pointer such as
/// the classic <c>&amp;((T *)0)-&gt;m</c>, plus a byte offset.
/// </summary>
public abstract record Constant;

public sealed record IntegerConstant(Int128 Value) : Constant
{
    private static readonly IntegerConstant[] Small = [.. Enumerable.Range(-1, 1026).Select(v => new IntegerConstant(v))];

    /// <summary>The constant of a value; small ones (array bounds, widths, sizes) are shared.</summary>
    public static IntegerConstant Of(Int128 value) => value >= -1 && value <= 1024 ? Small[(int)value + 1] : new IntegerConstant(value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record FloatConstant(double Value) : Constant
{
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record AddressConstant(string? Symbol, long Offset) : Constant
{
    public override string ToString() => (Symbol is null ? "(null)" : "&" + Symbol) + "+" + Offset;
}

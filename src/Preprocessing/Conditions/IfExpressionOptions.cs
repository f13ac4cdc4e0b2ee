using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// What the emulated compiler's command line changes in #if evaluation.
/// </summary>
/// <param name="UnsignedChar">-funsigned-char (kbuild 6.2 and later): a one-character constant like 'a' is then of an unsigned type, and so is the #if operand it becomes (gcc: cpp_interpret_charconst's unsignedp), which makes e.g. <c>'a' - 98 &lt; 0</c> false.</param>
/// <param name="ShortWchar">-fshort-wchar (kbuild): wchar_t is unsigned short, so L'x' is 16-bit unsigned instead of 32-bit signed.</param>
/// <param name="WarnUndefined">-Wundef (kbuild): an identifier left in the expression gets a warning (only where evaluated).</param>
/// <param name="Directive">"if" or "elif", for "#if with no expression".</param>
/// <param name="Assertions">gcc's answers to <c>#predicate(answer)</c> (a deprecated extension): predicate to its answers.</param>
public sealed record IfExpressionOptions(
    bool UnsignedChar = false,
    bool ShortWchar = true,
    bool WarnUndefined = true,
    string Directive = "if",
    ImmutableDictionary<string, ImmutableArray<string>>? Assertions = null)
{
    public static IfExpressionOptions Default { get; } = new();
}

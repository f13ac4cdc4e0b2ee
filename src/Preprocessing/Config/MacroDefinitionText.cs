namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// A macro definition as text, the way a #define line or a -D flag gives it:
/// name, parameter list for a function-like macro (e.g. "(x,y)", null when
/// object-like) and replacement text (to be cut into tokens by the lexer).
/// </summary>
public sealed record MacroDefinitionText(string Name, string? Parameters, string Replacement)
{
    public static MacroDefinitionText Object(string name, string replacement) => new(name, null, replacement);

    /// <summary>The definition as gcc -dM prints it: "#define NAME REPLACEMENT".</summary>
    public override string ToString() => $"#define {Name}{Parameters} {Replacement}";
}

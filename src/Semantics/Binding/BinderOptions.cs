using LayoutExpert.Semantics.Constants;

namespace LayoutExpert.Semantics.Binding;

/// <summary>How to bind: the integer model the constant evaluator uses, and how much of function declarations to bind.</summary>
public sealed record BinderOptions
{
    public static BinderOptions Default { get; } = new();

    public IntegerModel Integers { get; init; } = IntegerModel.Lp64;

    /// <summary>
    /// Bind the parameter and return types of every function declaration.
    /// Off by default: layouts never need them (a function is only ever seen
    /// behind a pointer, and a function pointer member's own declarator is
    /// always bound), and they are most of a kernel unit's declarations. A
    /// signature that an expression needs (<c>typeof(f)</c>) is bound anyway.
    /// </summary>
    public bool BindFunctionSignatures { get; init; }

    /// <summary>Stop recording diagnostics after this many (a broken input must not flood the output).</summary>
    public int MaxDiagnostics { get; init; } = 1000;
}

using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// What the binder's constant evaluator asks of the layout engine (array
/// lengths and enum values may depend on them). Defined here so the binder
/// does not depend on the Layout project; LayoutExpert.Layout.Engine.LayoutEngine
/// implements it for a target.
/// </summary>
public interface ITypeLayoutQueries
{
    /// <summary><c>sizeof(type)</c> in bytes; GNU C gives 1 for void and function types.</summary>
    LayoutResult<long> SizeOf(CType type);

    /// <summary><c>__alignof__(type)</c> (and <c>_Alignof</c>) in bytes.</summary>
    LayoutResult<long> AlignOf(CType type);

    /// <summary><c>offsetof(type, designator)</c> in bytes (<c>__builtin_offsetof</c>).</summary>
    LayoutResult<long> OffsetOf(CType type, ImmutableArray<Designator> designator);

    /// <summary>
    /// The built-in integer type an enum or <c>mode</c> type stands for (an enum's
    /// underlying type as gcc chose it, C11 6.7.2.2p4; a mode's integer type), and
    /// the scalar itself for a scalar: the constant evaluator converts enum
    /// operands to it (usual arithmetic conversions, C11 6.3.1.8).
    /// </summary>
    LayoutResult<ScalarKind> ScalarOf(CType type);
}

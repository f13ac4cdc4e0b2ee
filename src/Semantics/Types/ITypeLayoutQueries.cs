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
}

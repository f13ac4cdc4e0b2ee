namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A C type as the binder resolved it: declarations, typedefs and attributes
/// already applied, nothing laid out yet (sizes and offsets are the layout
/// engine's job, per target).
/// <para>
/// Equality is structural everywhere (value semantics), so a memoising query
/// engine can compare results. It is also cheap and never cyclic: a struct,
/// union or enum is referred to by its key (<see cref="RecordId"/>,
/// <see cref="EnumId"/>), not by its definition, so comparing two types never
/// walks into a definition; definitions live in an <see cref="ITypeDefinitions"/>.
/// Records of this model holding an <c>ImmutableArray</c> override
/// <c>Equals</c>/<c>GetHashCode</c> to compare element by element.
/// </para>
/// </summary>
public abstract record CType
{
    /// <summary>A C-like spelling for diagnostics and reports (not guaranteed to be valid C).</summary>
    public abstract string Spelling { get; }

    public sealed override string ToString() => Spelling;
}

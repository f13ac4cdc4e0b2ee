namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A GCC vector, <c>__attribute__((vector_size(N)))</c> applied to <c>Element</c>
/// (an integer or floating type): <c>SizeBytes</c> is N.
/// </summary>
public sealed record VectorType(CType Element, long SizeBytes) : CType
{
    public override string Spelling => Element.Spelling + " __attribute__((vector_size(" + SizeBytes + ")))";
}

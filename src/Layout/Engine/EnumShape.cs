using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>A laid-out enum: the integer type gcc chose for it (C11 6.7.2.2p4 leaves it to the implementation) and its size and alignment.</summary>
public sealed record EnumShape(EnumDefinition Definition, ScalarKind Underlying, long SizeBytes, long AlignmentBytes)
{
    public EnumId Id => Definition.Id;
}

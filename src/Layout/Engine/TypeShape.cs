namespace LayoutExpert.Layout.Engine;

/// <summary>Size and alignment of any type in bytes. <c>SizeBytes</c> is null for incomplete types (void, functions, flexible arrays, undefined records).</summary>
public sealed record TypeShape(long? SizeBytes, long AlignmentBytes);

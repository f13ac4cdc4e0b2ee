namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// How large the last bind's tables grew. Binding reuse sizes the next bind's
/// tables from them: replaying a kernel unit fills tables of thousands of
/// entries in a few milliseconds, and growing them step by step (copying and
/// rehashing at each doubling) was a good part of that.
/// </summary>
internal readonly record struct BinderSizes(int Tags, int Ordinary, int Records, int Enums, int FileScopeRecords, int FileScopeEnums, int Definitions, int Anchors, int Typedefs);

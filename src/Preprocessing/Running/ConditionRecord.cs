using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// One #if, #ifdef, #ifndef or #elif the run evaluated (C11 6.10.1): where
/// (file id, offset of its '#'), every macro name looked up while its line was
/// expanded and evaluated (operands of `defined` included, first read first),
/// and whether its group was taken. What `explain` answers from.
/// </summary>
public sealed record ConditionRecord(int File, int Offset, ImmutableArray<string> MacrosRead, bool Result)
{
    public bool Equals(ConditionRecord? other) =>
        other is not null && File == other.File && Offset == other.Offset && Result == other.Result && MacrosRead.SequenceEqual(other.MacrosRead);

    public override int GetHashCode() => HashCode.Combine(File, Offset, Result, MacrosRead.Length);
}

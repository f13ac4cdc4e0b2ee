using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// Whether a typedef's model (<see cref="ModelMapper.Map"/> of its target) is a function of the target's own
/// structure alone: the target reaches, case for case as mapping walks it, no anonymous struct, union or enum
/// (whose name is its content), no vector (whose element is measured) and no <c>mode</c> type (whose integer
/// may come from an enum); tagged records and enums map by their tag, typedefs by their name and function
/// types to one reference. Such a typedef, the very object of the last build's, maps as it did then, noting
/// the same base types (collected in <paramref name="bases"/>, one bit per kind, as <see cref="MappedRecord.Bases"/>).
/// </summary>
internal static class TypedefReads
{
    public static bool Fixed(CType type, ref ulong bases)
    {
        while (true)
        {
            switch (type)
            {
                case VoidType or FunctionType or TypedefType: return true;
                case ScalarType scalar:
                    var index = (int)scalar.Kind;
                    if (index is < 0 or >= 64) return false;
                    bases |= 1UL << index;
                    return true;
                case PointerType pointer: type = pointer.Target; break;
                case QualifiedType qualified: type = qualified.Unqualified; break;
                case ArrayType array:
                    type = array.Element.StripTypedefsAndQualifiers() is ArrayType inner ? inner : array.Element;
                    break;
                case RecordType record: return !record.Id.IsAnonymous;
                case EnumType @enum: return !@enum.Id.IsAnonymous;
                default: return false;
            }
        }
    }
}

/// <summary>A table's typedefs split as <see cref="SetProducts"/> keeps them: those whose model may change while they do not, and the others' base kinds.</summary>
internal sealed class TypedefSplit
{
    private readonly List<KeyValuePair<string, TypedefType>> dependent = [];

    public ulong FixedBases { get; private set; }

    public KeyValuePair<string, TypedefType>[] Dependent => [.. dependent];

    public void Add(string name, TypedefType typedef)
    {
        var bases = 0UL;
        if (TypedefReads.Fixed(typedef.Target, ref bases)) FixedBases |= bases;
        else dependent.Add(KeyValuePair.Create(name, typedef));
    }
}

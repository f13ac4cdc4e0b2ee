using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// One record as a <see cref="ModelMapper"/> mapped it: the definition the
/// engine had for it then, the model, and the base types noted while this
/// record was the one being mapped (a nested record notes its own). Kept by
/// <see cref="SetDelta"/> for the next set build; the marks are that build's
/// verdicts (see <see cref="SetDelta"/>).
/// </summary>
internal sealed class MappedRecord(RecordId id, RecordDefinition? definition, LayoutResult<RecordLayout> result, ulong bases, RecordShape? shape = null)
{
    public RecordId Id { get; } = id;

    /// <summary>
    /// The layout the model was made from (null when there was none). While the record's layout verdict is
    /// clean it is the layout a fresh engine would compute, so the engine answers a record holding it with
    /// this shape (<see cref="SetDelta.TakeShape"/>) instead of checking its remembered layouts member by member.
    /// </summary>
    public RecordShape? Shape { get; } = shape;

    /// <summary>The engine's definition when mapped; replaced by an equal one a later build found (so the next compares by reference).</summary>
    public RecordDefinition? Definition { get; set; } = definition;

    /// <summary>The model; replaced by the equal object the set kept for it (see <see cref="SortedDictionaryMemory{T}"/>).</summary>
    public LayoutResult<RecordLayout> Result { get; set; } = result;

    /// <summary>Bit k: <see cref="ScalarKind"/> k was noted as a base type.</summary>
    public ulong Bases { get; } = bases;

    /// <summary>What the model read, worked out from the definition the first time it is asked (a function of the definition alone).</summary>
    public MappingDependencies? Dependencies { get; set; }

    /// <summary>The build (generation) the layout verdict is of, negative while it is being made; and the verdict.</summary>
    public int LayoutMark { get; set; }

    public bool LayoutClean { get; set; }

    public int ModelMark { get; set; }

    public bool ModelClean { get; set; }

    /// <summary>The <see cref="ModelMapper.Token"/> of the last mapping that took this entry.</summary>
    public int TakenBy { get; set; }
}

/// <summary>One enum as a <see cref="ModelMapper"/> mapped it: layout and model are functions of its definition alone.</summary>
internal sealed class MappedEnum(EnumId id, EnumDefinition? definition, LayoutResult<EnumLayout> result, ulong bases)
{
    public EnumId Id { get; } = id;

    public EnumDefinition? Definition { get; set; } = definition;

    public LayoutResult<EnumLayout> Result { get; set; } = result;

    public ulong Bases { get; } = bases;

    public int Mark { get; set; }

    public bool Clean { get; set; }

    /// <summary>The <see cref="ModelMapper.Token"/> of the last mapping that took this entry.</summary>
    public int TakenBy { get; set; }
}

/// <summary>
/// What a record's layout and model read besides its own definition, from the
/// definition alone (an over-approximation is safe: it only costs reuse).
/// <list type="bullet">
/// <item><see cref="ByValue"/>: records whose facts the layout reads (members
/// held by value through typedefs, qualifiers, arrays, vectors and modes:
/// <see cref="TypeMeasurer.Facts"/>), and those a vector's or mode's facts
/// read where mapping measures them;</item>
/// <item><see cref="Named"/>: anonymous records mapping names (their name is
/// their content: <see cref="ModelMapper.RecordName"/>), through pointers and
/// arrays, not through typedefs or function types, which map by name alone;</item>
/// <item><see cref="Enums"/>: enums either reads (an enum's layout and its
/// model are functions of its definition).</item>
/// </list>
/// </summary>
internal sealed class MappingDependencies(RecordId[] byValue, RecordId[] named, EnumId[] enums)
{
    public RecordId[] ByValue { get; } = byValue;

    public RecordId[] Named { get; } = named;

    public EnumId[] Enums { get; } = enums;

    private static readonly MappingDependencies None = new([], [], []);

    [ThreadStatic] private static List<RecordId>? byValueBuffer, namedBuffer;
    [ThreadStatic] private static List<EnumId>? enumBuffer;

    public static MappingDependencies Of(RecordDefinition definition)
    {
        var byValue = byValueBuffer ??= [];
        var named = namedBuffer ??= [];
        var enums = enumBuffer ??= [];
        byValue.Clear();
        named.Clear();
        enums.Clear();
        foreach (var field in definition.Fields)
        {
            Facts(field.Type, byValue, enums);
            Mapping(field.Type, byValue, named, enums);
        }
        if (byValue.Count == 0 && named.Count == 0 && enums.Count == 0) return None;
        return new MappingDependencies([.. byValue], [.. named], [.. enums]);
    }

    /// <summary>What <see cref="TypeMeasurer.Facts"/> of <paramref name="type"/> reads: the record or enum it reaches by value.</summary>
    private static void Facts(CType type, List<RecordId> records, List<EnumId> enums)
    {
        while (true)
        {
            switch (type)
            {
                case TypedefType t: type = t.Target; break;
                case QualifiedType q: type = q.Unqualified; break;
                case ArrayType a: type = a.Element; break;
                case VectorType v: type = v.Element; break;
                case ModeType m: type = m.Base; break;
                case RecordType r: records.Add(r.Id); return;
                case EnumType e: enums.Add(e.Id); return;
                default: return;
            }
        }
    }

    /// <summary>What <see cref="ModelMapper.Map"/> of <paramref name="type"/> reads, case for case.</summary>
    private static void Mapping(CType type, List<RecordId> byValue, List<RecordId> named, List<EnumId> enums)
    {
        while (true)
        {
            switch (type)
            {
                case PointerType p: type = p.Target; break;
                case QualifiedType q: type = q.Unqualified; break;
                case ArrayType a:
                    type = a.Element.StripTypedefsAndQualifiers() is ArrayType inner ? inner : a.Element;
                    break;
                case RecordType r:
                    if (r.Id.IsAnonymous) named.Add(r.Id);
                    return;
                case EnumType e:
                    if (e.Id.IsAnonymous) enums.Add(e.Id);
                    return;
                case VectorType v:
                    Facts(v.Element, byValue, enums);
                    type = v.Element;
                    break;
                case ModeType m:
                    Facts(m.Base, byValue, enums);
                    type = m.Base;
                    break;
                default: return;
            }
        }
    }
}

using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Turns engine results into the shared layout model: member types become
/// <see cref="TypeRef"/>s (typedef names kept, qualifiers dropped, a vector as
/// the array DWARF describes it with), anonymous records and enums get their
/// content-derived names bottom-up, and every base type met is collected.
/// </summary>
internal sealed class ModelMapper(LayoutEngine engine)
{
    private readonly Dictionary<RecordId, LayoutResult<RecordLayout>> records = [];
    private readonly Dictionary<EnumId, LayoutResult<EnumLayout>> enums = [];
    private readonly HashSet<RecordId> naming = [];

    public SortedDictionary<string, BaseTypeLayout> BaseTypes { get; } = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<RecordId, LayoutResult<RecordLayout>>> Records => records;

    public IEnumerable<KeyValuePair<EnumId, LayoutResult<EnumLayout>>> Enums => enums;

    public LayoutResult<TypeRef> Map(CType type)
    {
        switch (type)
        {
            case VoidType: return Ok(VoidTypeRef.Instance);
            case ScalarType scalar: return Ok(Base(scalar.Kind));
            case PointerType pointer: return Map(pointer.Target).Select(TypeRef (t) => new PointerTypeRef(t));
            case ArrayType array:
            {
                // gcc's DWARF describes an array of arrays as one array type with a subrange per dimension, looking
                // through a typedef of the element array (dwarf2out.cc add_subscript_info): "arr_t x[2]" with
                // "typedef int arr_t[4]" is int[2][4], the typedef name gone.
                var element = array.Element.StripTypedefsAndQualifiers() is ArrayType inner ? inner : array.Element;
                return Map(element).Select(TypeRef (t) => new ArrayTypeRef(t, array.Length));
            }
            case FunctionType: return Ok(FunctionTypeRef.Instance);
            case TypedefType typedef: return Ok(new TypedefTypeRef(typedef.Name));
            case QualifiedType qualified: return Map(qualified.Unqualified);
            case RecordType record:
                return RecordName(record.Id).Select(TypeRef (name) =>
                    new RecordTypeRef(record.Id.Kind == AggregateKind.Struct ? RecordKind.Struct : RecordKind.Union, name));
            case EnumType @enum:
                return @enum.Id.Tag is { } tag ? Ok(new EnumTypeRef(tag)) : Enum(@enum.Id).Select(TypeRef (e) => new EnumTypeRef(e.Name));
            case VectorType vector:
            {
                var element = engine.Measure(vector.Element);
                if (!element.TryGet(out var shape)) return LayoutResult<TypeRef>.Fail(element.Problem);
                return Map(vector.Element).Select(TypeRef (t) => new ArrayTypeRef(t, vector.SizeBytes / shape.SizeBytes!.Value));
            }
            case ModeType { Base: var modeBase } when modeBase.StripTypedefsAndQualifiers() is EnumType modeEnum:
                // A mode on an enum-typed declaration makes an integer type whose TREE_TYPE is the enum
                // (c-common.cc handle_mode_attribute); gcc's DWARF names the enum.
                return Map(modeEnum);
            case ModeType mode:
                return engine.ScalarOf(mode).Select(TypeRef (kind) => Base(kind));
            default:
                return LayoutResult<TypeRef>.Fail(LayoutProblemKind.Unsupported, "unsupported type " + type.Spelling);
        }
    }

    public LayoutResult<RecordLayout> Record(RecordId id)
    {
        if (records.TryGetValue(id, out var known)) return known;
        if (!naming.Add(id)) return LayoutResult<RecordLayout>.Fail(LayoutProblemKind.RecursiveType, $"{id.Spelling} refers to itself while being named");
        try
        {
            var result = BuildRecord(id);
            records[id] = result;
            return result;
        }
        finally
        {
            naming.Remove(id);
        }
    }

    public LayoutResult<EnumLayout> Enum(EnumId id)
    {
        if (enums.TryGetValue(id, out var known)) return known;
        var result = engine.LayoutEnum(id).Select(shape =>
        {
            var constants = shape.Definition.Enumerators
                .Select(e => new EnumConstant(e.Name, ToLong(e.Value)))
                .ToImmutableArray();
            var name = id.Tag ?? AnonymousNames.ForEnum(shape.SizeBytes, constants);
            var baseType = Base(shape.Underlying);
            return new EnumLayout(name, id.IsAnonymous, shape.SizeBytes, baseType.Name, constants);
        });
        enums[id] = result;
        return result;
    }

    private LayoutResult<string> RecordName(RecordId id) =>
        id.Tag is { } tag ? LayoutResult<string>.Ok(tag) : Record(id).Select(r => r.Name);

    private LayoutResult<RecordLayout> BuildRecord(RecordId id)
    {
        var shapeResult = engine.LayoutRecord(id);
        if (!shapeResult.TryGet(out var shape)) return LayoutResult<RecordLayout>.Fail(shapeResult.Problem);
        var members = ImmutableArray.CreateBuilder<MemberLayout>();
        foreach (var placement in shape.Fields)
        {
            if (placement.IsPadding) continue;
            var type = Map(placement.Type);
            if (!type.TryGet(out var typeRef))
            {
                return LayoutResult<RecordLayout>.Fail(type.Problem.Within($"{id.Spelling}, member {placement.Name ?? "<anonymous>"}"));
            }
            int? width = placement.Field.BitWidth is { } w ? (int)w : null;
            members.Add(new MemberLayout(placement.Name, placement.BitOffset, width, typeRef));
        }
        var kind = id.Kind == AggregateKind.Struct ? RecordKind.Struct : RecordKind.Union;
        var memberList = members.ToImmutable();
        // gcc's DWARF carries the alignment of exactly the user-aligned types (TYPE_USER_ALIGN), so only those name it.
        var name = id.Tag ?? AnonymousNames.ForRecord(kind, shape.SizeBytes, memberList, shape.UserAligned ? (int)shape.AlignmentBytes : null);
        return LayoutResult<RecordLayout>.Ok(new RecordLayout(kind, name, id.IsAnonymous, shape.SizeBytes, (int)shape.AlignmentBytes, memberList));
    }

    private BaseTypeRef Base(ScalarKind kind)
    {
        var info = engine.Target.Scalar(kind);
        var encoding = kind == ScalarKind.Char && engine.Options.PlainCharIsUnsigned ? BaseTypeEncoding.UnsignedChar : info.Encoding;
        BaseTypes.TryAdd(info.DwarfName, new BaseTypeLayout(info.DwarfName, info.SizeBytes, encoding));
        return new BaseTypeRef(info.DwarfName);
    }

    /// <summary>The model keeps 64-bit constants; an unsigned 64-bit value keeps its bits (as DWARF's data8 does).</summary>
    private static long ToLong(Int128 value) => value > long.MaxValue ? unchecked((long)(ulong)value) : (long)value;

    private static LayoutResult<TypeRef> Ok(TypeRef type) => LayoutResult<TypeRef>.Ok(type);
}

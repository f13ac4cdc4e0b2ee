using System.Collections.Immutable;
using LayoutExpert.Layout.Engine.Reuse;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Turns engine results into the shared layout model: member types become
/// <see cref="TypeRef"/>s (typedef names kept, qualifiers dropped, a vector as
/// the array DWARF describes it with), anonymous records and enums get their
/// content-derived names bottom-up, and every base type met is collected.
/// <para>
/// With the engine's reuse, a record's model is remembered with its layout,
/// along with what mapping its members read (<see cref="MappingRead"/>): the
/// model is taken again for the same remembered layout when every read
/// answers the same. Reads go to the innermost record being mapped; a nested
/// anonymous record is mapped (or taken) on its own, and the outer one reads
/// only its name.
/// </para>
/// <para>
/// With a <see cref="SetDelta"/> of the last build, a record or enum nothing
/// it reads changed in is taken from it whole, its base types noted again.
/// </para>
/// </summary>
internal sealed class ModelMapper(LayoutEngine engine, SetDelta? prior = null)
{
    private readonly Dictionary<RecordId, MappedRecord> records = [];
    private readonly Dictionary<EnumId, MappedEnum> enums = [];
    private readonly HashSet<RecordId> naming = [];
    private readonly LayoutMemory? memory = engine.Memory;
    private readonly Stack<ReadRecorder?> reads = new();
    private readonly BaseTypeRef?[] baseRefs = new BaseTypeRef?[64];

    /// <summary>The base kinds noted while the innermost record or enum is mapped (see <see cref="MappedRecord.Bases"/>).</summary>
    private ulong noted;

    public LayoutEngine Engine => engine;

    public SortedDictionary<string, BaseTypeLayout> BaseTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every record mapped or taken, in the order it was (the dictionary itself: the set build reads it, and must not change it).</summary>
    public Dictionary<RecordId, MappedRecord> Records => records;

    public Dictionary<EnumId, MappedEnum> Enums => enums;

    /// <summary>What this mapping mapped or took, for the next build (<see cref="SetDelta"/>).</summary>
    public SetDelta Delta() => new(records, enums);

    /// <summary>A base kind past what a mask holds was noted: the mapping can be no <see cref="SetDelta"/>.</summary>
    public bool BasesUnkept { get; private set; }

    private static int tokens;

    /// <summary>This mapping's number, left on the entries it takes (<see cref="MappedRecord.TakenBy"/>): those of the last build not taken are gone.</summary>
    public int Token { get; } = Interlocked.Increment(ref tokens);

    /// <summary>Base kinds noted again (one bit per kind) for models taken without mapping, as a mapping would note them.</summary>
    public void NoteBases(ulong bases) => NoteAgain(bases);

    /// <summary>Records and enums taken from the last build's delta.</summary>
    public int Carried { get; private set; }

    /// <summary>Records mapped anew (not taken from the last build's delta), in the order they were.</summary>
    public List<MappedRecord> FreshRecords { get; } = [];

    /// <summary>The last build's entries of records mapped anew (the entries this build does not carry, but for removed ids').</summary>
    public List<MappedRecord> ReplacedRecords { get; } = [];

    public List<MappedEnum> FreshEnums { get; } = [];

    public List<MappedEnum> ReplacedEnums { get; } = [];

    public LayoutResult<TypeRef> Map(CType type)
    {
        switch (type)
        {
            case VoidType: return Ok(VoidTypeRef.Instance);
            case ScalarType scalar:
                Note(new BaseTypeRead(scalar.Kind));
                return Ok(Base(scalar.Kind));
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
                var recordName = RecordName(record.Id);
                if (record.Id.IsAnonymous) Note(new RecordNameRead(record.Id, recordName));
                return recordName.Select(TypeRef (name) =>
                    new RecordTypeRef(record.Id.Kind == AggregateKind.Struct ? RecordKind.Struct : RecordKind.Union, name));
            case EnumType @enum:
            {
                if (@enum.Id.Tag is { } tag) return Ok(new EnumTypeRef(tag));
                var enumName = EnumName(@enum.Id);
                Note(new EnumNameRead(@enum.Id, enumName));
                return enumName.Select(TypeRef (name) => new EnumTypeRef(name));
            }
            case VectorType vector:
            {
                var element = engine.Measure(vector.Element);
                Note(new MeasureRead(vector.Element, element));
                if (!element.TryGet(out var shape)) return LayoutResult<TypeRef>.Fail(element.Problem);
                return Map(vector.Element).Select(TypeRef (t) => new ArrayTypeRef(t, vector.SizeBytes / shape.SizeBytes!.Value));
            }
            case ModeType { Base: var modeBase } when modeBase.StripTypedefsAndQualifiers() is EnumType modeEnum:
                // A mode on an enum-typed declaration makes an integer type whose TREE_TYPE is the enum
                // (c-common.cc handle_mode_attribute); gcc's DWARF names the enum.
                return Map(modeEnum);
            case ModeType mode:
            {
                var scalar = engine.ScalarOf(mode);
                Note(new ScalarRead(mode, scalar));
                return scalar.Select(TypeRef (kind) => Base(kind));
            }
            default:
                return LayoutResult<TypeRef>.Fail(LayoutProblemKind.Unsupported, "unsupported type " + type.Spelling);
        }
    }

    public LayoutResult<RecordLayout> Record(RecordId id)
    {
        if (records.TryGetValue(id, out var known)) return known.Result;
        if (prior?.TakeRecord(id) is { } taken)
        {
            NoteAgain(taken.Bases);
            taken.TakenBy = Token;
            records[id] = taken;
            Carried++;
            return taken.Result;
        }
        if (!naming.Add(id)) return LayoutResult<RecordLayout>.Fail(LayoutProblemKind.RecursiveType, $"{id.Spelling} refers to itself while being named");
        var outer = noted;
        noted = 0;
        try
        {
            var result = BuildRecord(id, out var shape);
            var definition = engine.Definitions.FindRecord(id);
            // What the next build checks is worked out now, while the definition is at hand (only a kept mapping is asked).
            var mapped = new MappedRecord(id, definition, result, noted, shape)
            {
                Dependencies = memory is { RemembersRecords: true } && definition is not null ? MappingDependencies.Of(definition) : null,
            };
            records[id] = mapped;
            FreshRecords.Add(mapped);
            if (prior is not null && prior.Records.TryGetValue(id, out var replaced)) ReplacedRecords.Add(replaced);
            return result;
        }
        finally
        {
            naming.Remove(id);
            noted = outer;
        }
    }

    public LayoutResult<EnumLayout> Enum(EnumId id)
    {
        if (enums.TryGetValue(id, out var known)) return known.Result;
        if (prior?.TakeEnum(id) is { } taken)
        {
            NoteAgain(taken.Bases);
            taken.TakenBy = Token;
            enums[id] = taken;
            Carried++;
            return taken.Result;
        }
        var outer = noted;
        noted = 0;
        var result = MapEnum(id);
        var mapped = new MappedEnum(id, engine.Definitions.FindEnum(id), result, noted);
        enums[id] = mapped;
        FreshEnums.Add(mapped);
        if (prior is not null && prior.Enums.TryGetValue(id, out var replaced)) ReplacedEnums.Add(replaced);
        noted = outer;
        return result;
    }

    /// <summary>The base types a taken record or enum noted when mapped, collected as its mapping would (not the caller's).</summary>
    private void NoteAgain(ulong bases)
    {
        var outer = noted;
        for (var kinds = bases; kinds != 0; kinds &= kinds - 1) Base((ScalarKind)System.Numerics.BitOperations.TrailingZeroCount(kinds));
        noted = outer;
    }

    private LayoutResult<EnumLayout> MapEnum(EnumId id)
    {
        var shapeResult = engine.LayoutEnum(id);
        LayoutResult<EnumLayout> result;
        if (!shapeResult.TryGet(out var shape))
        {
            result = LayoutResult<EnumLayout>.Fail(shapeResult.Problem);
        }
        else if (memory?.EnumOf(shape) is { Model: { } model })
        {
            Base(shape.Underlying);
            result = model;
        }
        else
        {
            result = LayoutResult<EnumLayout>.Ok(BuildEnum(id, shape));
            memory?.EnumOf(shape)?.Model = result;
        }
        return result;
    }

    public LayoutResult<string> RecordName(RecordId id) =>
        id.Tag is { } tag ? LayoutResult<string>.Ok(tag) : Record(id).Select(r => r.Name);

    public LayoutResult<string> EnumName(EnumId id) =>
        id.Tag is { } tag ? LayoutResult<string>.Ok(tag) : Enum(id).Select(e => e.Name);

    /// <summary>A base type met again while a remembered model is checked.</summary>
    public void NoteBase(ScalarKind kind) => Base(kind);

    private EnumLayout BuildEnum(EnumId id, EnumShape shape)
    {
        var constants = shape.Definition.Enumerators
            .Select(e => new EnumConstant(e.Name, ToLong(e.Value)))
            .ToImmutableArray();
        var name = id.Tag ?? AnonymousNames.ForEnum(shape.SizeBytes, constants);
        var baseType = Base(shape.Underlying);
        return new EnumLayout(name, id.IsAnonymous, shape.SizeBytes, baseType.Name, constants);
    }

    /// <summary>Adds a read to the record being mapped, if it is remembered.</summary>
    private void Note(MappingRead read)
    {
        if (reads.TryPeek(out var current)) current?.Add(read);
    }

    /// <summary>The reads of one record being mapped; a base type is noted once (collecting it again changes nothing).</summary>
    private sealed class ReadRecorder
    {
        private readonly List<MappingRead> reads = [];
        private ulong baseKinds;

        public void Add(MappingRead read)
        {
            if (read is BaseTypeRead { Kind: var kind } && (int)kind < 64)
            {
                var bit = 1UL << (int)kind;
                if ((baseKinds & bit) != 0) return;
                baseKinds |= bit;
            }
            reads.Add(read);
        }

        public MappingRead[] ToArray() => [.. reads];
    }

    private LayoutResult<RecordLayout> BuildRecord(RecordId id, out RecordShape? laidOut)
    {
        laidOut = null;
        var shapeResult = engine.LayoutRecord(id);
        if (!shapeResult.TryGet(out var shape)) return LayoutResult<RecordLayout>.Fail(shapeResult.Problem);
        laidOut = shape;
        var remembered = memory?.RecordOf(shape);
        if (remembered is not null && Remembered(remembered) is { } known)
        {
            memory!.CountModel(reused: true);
            return known;
        }
        var recorded = remembered is null ? null : new ReadRecorder();
        reads.Push(recorded);
        LayoutResult<RecordLayout> result;
        try
        {
            result = Build(id, shape);
        }
        finally
        {
            reads.Pop();
        }
        memory?.CountModel(reused: false);
        remembered?.AddModel(new RememberedModel(result, recorded!.ToArray()));
        return result;
    }

    /// <summary>A remembered model of this layout whose reads all answer the same now (asked as a fresh mapping would, outside any record's reads).</summary>
    private LayoutResult<RecordLayout>? Remembered(RememberedRecord remembered)
    {
        reads.Push(null);
        try
        {
            for (var i = 0; i < remembered.Models.Count; i++)
            {
                var model = remembered.Models[i];
                if (!AllHold(model.Reads)) continue;
                remembered.Promote(i);
                return model.Result;
            }
            return null;
        }
        finally
        {
            reads.Pop();
        }
    }

    private bool AllHold(MappingRead[] recorded)
    {
        foreach (var read in recorded)
        {
            if (!read.Holds(this)) return false;
        }
        return true;
    }

    private LayoutResult<RecordLayout> Build(RecordId id, RecordShape shape)
    {
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

    /// <summary>
    /// The reference to a base type, collecting the base type. Each kind is collected and its reference made
    /// once per mapping (a remembered model's reads note the same few kinds thousands of times); a kind past
    /// the table's size is collected every time, as it always was.
    /// </summary>
    private BaseTypeRef Base(ScalarKind kind)
    {
        var index = (int)kind;
        if (index is >= 0 and < 64) noted |= 1UL << index;
        else BasesUnkept = true;
        if (index >= 0 && index < baseRefs.Length && baseRefs[index] is { } known) return known;
        var info = engine.Target.Scalar(kind);
        var encoding = kind == ScalarKind.Char && engine.Options.PlainCharIsUnsigned ? BaseTypeEncoding.UnsignedChar : info.Encoding;
        BaseTypes.TryAdd(info.DwarfName, new BaseTypeLayout(info.DwarfName, info.SizeBytes, encoding));
        var reference = new BaseTypeRef(info.DwarfName);
        if (index >= 0 && index < baseRefs.Length) baseRefs[index] = reference;
        return reference;
    }

    /// <summary>The model keeps 64-bit constants; an unsigned 64-bit value keeps its bits (as DWARF's data8 does).</summary>
    private static long ToLong(Int128 value) => value > long.MaxValue ? unchecked((long)(ulong)value) : (long)value;

    private static LayoutResult<TypeRef> Ok(TypeRef type) => LayoutResult<TypeRef>.Ok(type);
}

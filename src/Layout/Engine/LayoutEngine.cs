using System.Collections.Immutable;
using LayoutExpert.Layout.Engine.Reuse;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Lays out C types as gcc does for one target: sizes, alignments, member
/// offsets and enum underlying types, and the sizeof/alignof/offsetof answers
/// the binder's constant evaluator needs. Every answer is a
/// <see cref="LayoutResult{T}"/>: a value, or the reason there is none.
/// <para>
/// An engine memoises record and enum layouts for the definitions it was given,
/// which must only grow (<see cref="ITypeDefinitions"/>); answers that depend on
/// an incomplete type are not memoised, so they change once the type is
/// completed. Not thread-safe: use one engine per thread or per snapshot.
/// </para>
/// <para>
/// With a <see cref="LayoutReuse"/>, the engine is one run of it: layouts an
/// earlier engine computed are taken when they still hold (see there).
/// </para>
/// </summary>
public sealed class LayoutEngine : ITypeLayoutQueries
{
    private readonly Dictionary<RecordId, LayoutResult<RecordShape>> records = [];
    private readonly Dictionary<EnumId, LayoutResult<EnumShape>> enums = [];
    private readonly HashSet<RecordId> inProgress = [];
    private readonly RecordLayouter recordLayouter;

    public LayoutEngine(TargetInfo target, ITypeDefinitions definitions, LayoutOptions? options = null, LayoutReuse? reuse = null)
    {
        Target = target;
        Definitions = definitions;
        Options = options ?? LayoutOptions.Default;
        Reuse = reuse;
        Memory = reuse?.Begin(target, Options);
        Measurer = new TypeMeasurer(this);
        recordLayouter = new RecordLayouter(this);
    }

    public TargetInfo Target { get; }

    public ITypeDefinitions Definitions { get; }

    public LayoutOptions Options { get; }

    /// <summary>What this engine takes earlier runs' layouts from and leaves its own in; null without reuse.</summary>
    public LayoutReuse? Reuse { get; }

    internal LayoutMemory? Memory { get; }

    internal TypeMeasurer Measurer { get; }

    /// <summary>
    /// While a set build takes from the last build's delta: records whose layout verdict is clean there are
    /// answered with the layout last mapped (see <see cref="SetDelta.TakeShape"/>). Null otherwise (binding
    /// asks the engine before any delta's verdicts are of the definitions now).
    /// </summary>
    internal SetDelta? Carrying { get; set; }

    /// <summary>Size (null when incomplete) and alignment of any type, in bytes.</summary>
    public LayoutResult<TypeShape> Measure(CType type) =>
        Measurer.Facts(type).Select(facts => new TypeShape(facts.SizeBits / 8, facts.AlignBits / 8));

    /// <summary><c>sizeof</c>: GNU C gives 1 for void and function types; incomplete types have no size.</summary>
    public LayoutResult<long> SizeOf(CType type)
    {
        var facts = Measurer.Facts(type);
        if (!facts.TryGet(out var f)) return LayoutResult<long>.Fail(facts.Problem);
        if (f.Class is TypeClass.Void or TypeClass.Function) return LayoutResult<long>.Ok(1);
        return f.SizeBits is { } bits
            ? LayoutResult<long>.Ok(bits / 8)
            : LayoutResult<long>.Fail(LayoutProblemKind.IncompleteType, $"invalid application of sizeof to incomplete type {type.Spelling}");
    }

    /// <summary><c>__alignof__</c> of a type (TYPE_ALIGN); GNU C answers 1 for void and function types, and refuses other incomplete types.</summary>
    public LayoutResult<long> AlignOf(CType type)
    {
        var facts = Measurer.Facts(type);
        if (!facts.TryGet(out var f)) return LayoutResult<long>.Fail(facts.Problem);
        if (!f.IsComplete && f.Class is not (TypeClass.Void or TypeClass.Function))
        {
            return LayoutResult<long>.Fail(LayoutProblemKind.IncompleteType, $"invalid application of __alignof__ to incomplete type {type.Spelling}");
        }
        return LayoutResult<long>.Ok(Math.Max(1, f.AlignBits / 8));
    }

    /// <summary><c>offsetof</c> in bytes; a bit-field has none.</summary>
    public LayoutResult<long> OffsetOf(CType type, ImmutableArray<Designator> designator)
    {
        var location = Locate(type, designator);
        if (!location.TryGet(out var l)) return LayoutResult<long>.Fail(location.Problem);
        if (l.IsBitField) return LayoutResult<long>.Fail(LayoutProblemKind.OffsetOfBitField, "attempt to take address of bit-field");
        return LayoutResult<long>.Ok(l.ByteOffset);
    }

    /// <summary>Where a designator lands, in bits, bit-fields included.</summary>
    public LayoutResult<MemberLocation> Locate(CType type, ImmutableArray<Designator> designator) =>
        MemberLocator.Locate(this, type, designator);

    /// <summary>The layout of a defined struct or union.</summary>
    public LayoutResult<RecordShape> LayoutRecord(RecordId id)
    {
        if (records.TryGetValue(id, out var known)) return known;
        if (Definitions.FindRecord(id) is not { } definition)
        {
            return LayoutResult<RecordShape>.Fail(LayoutProblemKind.IncompleteType, $"{id.Spelling} is incomplete");
        }
        if (!inProgress.Add(id))
        {
            return LayoutResult<RecordShape>.Fail(LayoutProblemKind.RecursiveType, $"{id.Spelling} contains itself");
        }
        LayoutResult<RecordShape> result;
        try
        {
            result = Carrying?.TakeShape(id) is { } carried
                ? LayoutResult<RecordShape>.Ok(carried)
                : Memory?.FindRecord(definition, Measurer) ?? LayOut(definition);
        }
        finally
        {
            inProgress.Remove(id);
        }
        if (IsFinal(result)) records[id] = result;
        return result;
    }

    /// <summary>Answers that depend on a type being incomplete or in progress change as binding goes on: not kept.</summary>
    private static bool IsFinal(LayoutResult<RecordShape> result) =>
        result.Problem?.Kind is not (LayoutProblemKind.IncompleteType or LayoutProblemKind.RecursiveType);

    /// <summary>A fresh layout; with reuse, remembered with the member facts it read.</summary>
    private LayoutResult<RecordShape> LayOut(RecordDefinition definition)
    {
        if (Memory is not { RemembersRecords: true } memory) return recordLayouter.Layout(definition, null);
        var facts = new List<LayoutResult<TypeFacts>>(definition.Fields.Length);
        var result = recordLayouter.Layout(definition, facts);
        memory.CountLaidOut();
        if (IsFinal(result)) memory.RememberRecord(definition, [.. facts], result);
        return result;
    }

    /// <summary>The layout of a defined enum.</summary>
    public LayoutResult<EnumShape> LayoutEnum(EnumId id)
    {
        if (enums.TryGetValue(id, out var known)) return known;
        if (Definitions.FindEnum(id) is not { } definition)
        {
            return LayoutResult<EnumShape>.Fail(LayoutProblemKind.IncompleteType, $"{id.Spelling} is incomplete");
        }
        var result = Memory?.FindEnum(definition) ?? EnumLayouter.Layout(definition, Target);
        if (Memory is not null && result.TryGet(out var shape) && Memory.EnumOf(shape) is null) Memory.RememberEnum(shape);
        enums[id] = result;
        return result;
    }

    /// <summary>The built-in type a scalar, enum or mode type stands for (an enum's underlying type; a <c>mode</c>'s integer type).</summary>
    public LayoutResult<ScalarKind> ScalarOf(CType type)
    {
        var facts = Measurer.Facts(type);
        if (!facts.TryGet(out var f)) return LayoutResult<ScalarKind>.Fail(facts.Problem);
        return f.Scalar is { } kind
            ? LayoutResult<ScalarKind>.Ok(kind)
            : LayoutResult<ScalarKind>.Fail(LayoutProblemKind.Unsupported, $"{type.Spelling} is not a scalar type");
    }
}

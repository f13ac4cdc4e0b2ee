using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Types;

/// <summary>
/// The type model's equality contract: structural everywhere, element by element
/// for arrays of members, and never through record definitions (a record type is
/// its key), so results holding types compare cheaply in a memoising engine.
/// </summary>
public sealed class TypeEqualityTests
{
    private static RecordDefinition Definition(string tag, params Field[] fields) =>
        new(new RecordId(AggregateKind.Struct, tag), [.. fields]);

    [Fact]
    public void EqualDefinitionsBuiltSeparatelyAreEqualWithEqualHashes()
    {
        var a = Definition("s", new Field("a", ScalarType.Int), new Field("b", ScalarType.Char, 3, new FieldAttributes(true, AlignedAttribute.Of(8))));
        var b = Definition("s", new Field("a", ScalarType.Int), new Field("b", ScalarType.Char, 3, new FieldAttributes(true, AlignedAttribute.Of(8))));
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void DefinitionsDifferingInAnyPartDiffer()
    {
        var baseline = Definition("s", new Field("a", ScalarType.Int));
        Assert.NotEqual(baseline, Definition("t", new Field("a", ScalarType.Int)));
        Assert.NotEqual(baseline, Definition("s", new Field("b", ScalarType.Int)));
        Assert.NotEqual(baseline, Definition("s", new Field("a", ScalarType.UnsignedInt)));
        Assert.NotEqual(baseline, Definition("s", new Field("a", ScalarType.Int, 4)));
        Assert.NotEqual(baseline, Definition("s", new Field("a", ScalarType.Int), new Field("c", ScalarType.Int)));
        Assert.NotEqual(baseline, baseline with { Attributes = new RecordAttributes(Packed: true) });
        Assert.NotEqual(baseline, baseline with { Attributes = new RecordAttributes(PackPragma: 2) });
    }

    [Fact]
    public void RecordTypesCompareByIdentityNotDefinition()
    {
        var id = new RecordId(AggregateKind.Struct, "node");
        // A self-referential struct: comparing types never walks into the definition, so no cycle.
        var node = new RecordType(id);
        var definition = new RecordDefinition(id, [new Field("next", new PointerType(node)), new Field("value", ScalarType.Int)]);
        var again = new RecordDefinition(id, [new Field("next", new PointerType(new RecordType(id))), new Field("value", ScalarType.Int)]);
        Assert.Equal(definition, again);
        Assert.NotEqual(new RecordType(id), new RecordType(new RecordId(AggregateKind.Union, "node")));
        Assert.NotEqual(new RecordType(new RecordId(AggregateKind.Struct, null, "a.h:1:1")), new RecordType(new RecordId(AggregateKind.Struct, null, "a.h:9:1")));
    }

    [Fact]
    public void FunctionAndEnumTypesCompareElementByElement()
    {
        var f = new FunctionType(ScalarType.Int, [ScalarType.Long, new PointerType(VoidType.Instance)]);
        var g = new FunctionType(ScalarType.Int, [ScalarType.Long, new PointerType(VoidType.Instance)]);
        Assert.Equal(f, g);
        Assert.Equal(f.GetHashCode(), g.GetHashCode());
        Assert.NotEqual(f, g with { IsVariadic = true });
        Assert.NotEqual(f, new FunctionType(ScalarType.Int, [ScalarType.Long]));

        var id = new EnumId("e");
        var e1 = new EnumDefinition(id, [new Enumerator("A", 1), new Enumerator("B", -1)], Packed: true);
        var e2 = new EnumDefinition(id, [new Enumerator("A", 1), new Enumerator("B", -1)], Packed: true);
        Assert.Equal(e1, e2);
        Assert.Equal(e1.GetHashCode(), e2.GetHashCode());
        Assert.NotEqual(e1, e2 with { Mode = MachineMode.QI });
        Assert.NotEqual(e1, new EnumDefinition(id, [new Enumerator("A", 1)], Packed: true));
    }

    [Fact]
    public void TypedefsKeepTheirNameAndAlignment()
    {
        var u32 = new TypedefType("u32", ScalarType.UnsignedInt);
        Assert.Equal(u32, new TypedefType("u32", ScalarType.UnsignedInt));
        Assert.NotEqual(u32, new TypedefType("__u32", ScalarType.UnsignedInt));
        Assert.NotEqual(u32, u32 with { Aligned = AlignedAttribute.Of(8) });
        Assert.Equal(ScalarType.UnsignedInt, CTypes.StripTypedefsAndQualifiers(CTypes.Qualify(new TypedefType("x", u32), TypeQualifiers.Const)));
    }

    [Fact]
    public void QualifiersMergeInsteadOfNesting()
    {
        var type = CTypes.Qualify(CTypes.Qualify(ScalarType.Int, TypeQualifiers.Const), TypeQualifiers.Volatile);
        Assert.Equal(new QualifiedType(ScalarType.Int, TypeQualifiers.Const | TypeQualifiers.Volatile), type);
        Assert.Same(ScalarType.Int, CTypes.Qualify(ScalarType.Int, TypeQualifiers.None));
        Assert.Equal(ScalarType.Int, type.Unqualified());
    }

    [Fact]
    public void AlignedAttributesCombineToTheLargestAndRememberBareAligned()
    {
        Assert.Equal(AlignedAttribute.Of(16), AlignedAttribute.Combine(AlignedAttribute.Of(8), AlignedAttribute.Of(16)));
        var combined = AlignedAttribute.Combine(AlignedAttribute.Bare, AlignedAttribute.Of(4));
        Assert.True(combined.Biggest);
        Assert.Equal(4, combined.Bytes);
        Assert.Equal("aligned", AlignedAttribute.Bare.ToString());
    }

    [Fact]
    public void TheTableFindsDefinitionsAndReportsIncompleteOnes()
    {
        var definition = Definition("s", new Field("a", ScalarType.Int));
        var table = TypeTable.Empty.With(definition).With(new TypedefType("s_t", new RecordType(definition.Id)));
        Assert.Same(definition, table.FindRecord(new RecordId(AggregateKind.Struct, "s")));
        Assert.Null(table.FindRecord(new RecordId(AggregateKind.Union, "s")));
        Assert.Null(table.FindEnum(new EnumId("s")));
        Assert.True(table.Typedefs.ContainsKey("s_t"));
        Assert.Empty(TypeTable.Empty.Records);
    }

    [Fact]
    public void LayoutResultsCompareByValueAndExplainWhenEmpty()
    {
        Assert.Equal(LayoutResult<long>.Ok(4), LayoutResult<long>.Ok(4));
        var failure = LayoutResult<long>.Fail(LayoutProblemKind.IncompleteType, "struct s is incomplete");
        Assert.Equal(failure, LayoutResult<long>.Fail(LayoutProblemKind.IncompleteType, "struct s is incomplete"));
        Assert.False(failure.IsOk);
        var thrown = Assert.Throws<LayoutUnavailableException>(() => failure.Value);
        Assert.Equal(LayoutProblemKind.IncompleteType, thrown.Problem.Kind);
        Assert.Equal("struct t, member s: struct s is incomplete", failure.Within("struct t, member s").Problem!.Message);
        Assert.Equal(LayoutResult<string>.Ok("8"), LayoutResult<long>.Ok(8).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SpellingsReadLikeC()
    {
        Assert.Equal("unsigned long", ScalarType.UnsignedLong.Spelling);
        Assert.Equal("struct s", new RecordType(new RecordId(AggregateKind.Struct, "s")).Spelling);
        Assert.Equal("char[]", new ArrayType(ScalarType.Char, null).Spelling);
        Assert.Equal("const int *", new PointerType(CTypes.Qualify(ScalarType.Int, TypeQualifiers.Const)).Spelling);
        Assert.Equal("[2]", new IndexDesignator(2).ToString());
        Assert.Equal(ImmutableArray.Create<Designator>(new MemberDesignator("a")), ImmutableArray.Create<Designator>(new MemberDesignator("a")), Structural.SequenceEqual);
    }
}

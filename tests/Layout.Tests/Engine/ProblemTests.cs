using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>
/// Invalid declarations become results with a reason, never exceptions or
/// guesses. Each case is also compiled by gcc, which must reject it with the
/// matching error, so the engine refuses exactly what gcc refuses.
/// </summary>
public sealed class ProblemTests
{
    public static TheoryData<string, LayoutProblemKind, string> Cases => new()
    {
        { "incomplete_member", LayoutProblemKind.IncompleteType, "has incomplete type" },
        { "negative_array", LayoutProblemKind.NegativeArraySize, "is negative" },
        { "too_wide", LayoutProblemKind.BitFieldTooWide, "exceeds its type" },
        { "bool_too_wide", LayoutProblemKind.BitFieldTooWide, "exceeds its type" },
        { "enum_too_wide", LayoutProblemKind.BitFieldTooWide, "exceeds its type" },
        { "negative_width", LayoutProblemKind.NegativeBitFieldWidth, "negative width" },
        { "named_zero_width", LayoutProblemKind.NamedZeroWidthBitField, "zero width" },
        { "float_bit_field", LayoutProblemKind.InvalidBitFieldType, "invalid type" },
        { "flex_not_last", LayoutProblemKind.MisplacedFlexibleArray, "not at end" },
        { "flex_in_union", LayoutProblemKind.MisplacedFlexibleArray, "flexible array member in union" },
        { "flex_alone", LayoutProblemKind.MisplacedFlexibleArray, "no named members" },
        { "over_aligned_elements", LayoutProblemKind.ArrayElementAlignment, "alignment of array elements is greater than element size" },
        { "element_size_not_multiple", LayoutProblemKind.ArrayElementAlignment, "size of array element is not a multiple of its alignment" },
        { "aligned_three", LayoutProblemKind.InvalidAlignment, "power of 2" },
        { "contains_itself", LayoutProblemKind.RecursiveType, "has incomplete type" },
        { "void_member", LayoutProblemKind.InvalidMemberType, "void" },
        { "function_member", LayoutProblemKind.InvalidMemberType, "declared as a function" },
        { "vector_of_three", LayoutProblemKind.InvalidVectorSize, "vector" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GccRejectsAndTheEngineExplains(string name, LayoutProblemKind kind, string gccMessage)
    {
        var (declarations, subject) = Build(name);
        var engine = new LayoutEngine(X86_64SysV.Instance, declarations.Table);
        var result = engine.LayoutRecord(subject);
        Assert.False(result.IsOk, $"the engine laid out {name}: {result}");
        Assert.Equal(kind, result.Problem!.Kind);
        Assert.Contains(subject.Tag!, result.Problem.Message, StringComparison.Ordinal);
        Assert.Null(Record.Exception(() => LayoutSetBuilder.Build(engine, declarations.Table)));

        var error = Assert.Throws<InvalidOperationException>(() => Gcc.CompileObject(CEmitter.Emit(declarations), "-std=gnu11", "-w"));
        Assert.Contains(gccMessage, error.Message, StringComparison.Ordinal);

        var set = LayoutSetBuilder.Build(engine, declarations.Table);
        Assert.DoesNotContain(subject.Tag!, set.Set.Records.Keys);
        Assert.Contains(set.Issues, issue => issue.Problem.Kind == kind);
    }

    private static (Declarations, RecordId) Build(string name)
    {
        var d = new DeclarationBuilder();
        RecordType subject = name switch
        {
            "incomplete_member" => d.Struct(name, r => r.Field("a", C.Int).Field("o", d.Incomplete(AggregateKind.Struct, "opaque"))),
            "negative_array" => d.Struct(name, r => r.Field("a", C.Array(C.Char, -1))),
            "too_wide" => d.Struct(name, r => r.BitField("a", C.Int, 33)),
            "bool_too_wide" => d.Struct(name, r => r.BitField("a", C.Bool, 2)),
            "enum_too_wide" => d.Struct(name, r => r.BitField("a", d.Enum("small", true, null, ("SMALL_A", 1)), 9)),
            "negative_width" => d.Struct(name, r => r.BitField("a", C.Int, -1)),
            "named_zero_width" => d.Struct(name, r => r.BitField("a", C.Int, 0)),
            "float_bit_field" => d.Struct(name, r => r.BitField("a", C.Float, 3)),
            "flex_not_last" => d.Struct(name, r => r.Field("n", C.Int).Field("f", C.Flex(C.Int)).Field("m", C.Int)),
            "flex_in_union" => d.Union(name, r => r.Field("n", C.Int).Field("f", C.Flex(C.Int))),
            "flex_alone" => d.Struct(name, r => r.Field("f", C.Flex(C.Int))),
            "over_aligned_elements" => d.Struct(name, r => r.Field("a", C.Array(d.Typedef("int_a8", C.Int, aligned: 8), 2))),
            "element_size_not_multiple" => d.Struct(name, r => r.Field("a", C.Array(
                d.Typedef("three_a8", d.Struct("three", t => t.Field("a", C.Int).Field("b", C.Int).Field("c", C.Int)), aligned: 8), 2))),
            "aligned_three" => d.Struct(name, r => r.Field("a", C.Int, aligned: 3)),
            "contains_itself" => d.Struct(name, r => r.Field("a", C.Int).Field("self", new RecordType(new RecordId(AggregateKind.Struct, name)))),
            "void_member" => d.Struct(name, r => r.Field("a", C.Void)),
            "function_member" => d.Struct(name, r => r.Field("f", C.Function(C.Int))),
            "vector_of_three" => d.Struct(name, r => r.Field("v", C.Vector(C.Int, 12))),
            _ => throw new ArgumentException(name),
        };
        return (d.Build(), subject.Id);
    }

    [Fact]
    public void ProblemsPropagateToEnclosingRecordsButNotThroughPointers()
    {
        var d = new DeclarationBuilder();
        var bad = d.Struct("bad", r => r.BitField("a", C.Int, 40));
        d.Struct("holds_bad", r => r.Field("x", C.Char).Field("b", bad));
        d.Struct("points_to_bad", r => r.Field("x", C.Char).Field("b", C.Ptr(bad)));
        var declarations = d.Build();
        var engine = new LayoutEngine(X86_64SysV.Instance, declarations.Table);

        var holds = engine.SizeOf(new RecordType(new RecordId(AggregateKind.Struct, "holds_bad")));
        Assert.Equal(LayoutProblemKind.BitFieldTooWide, holds.Problem?.Kind);
        Assert.Contains("struct holds_bad, member b", holds.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(16, engine.SizeOf(new RecordType(new RecordId(AggregateKind.Struct, "points_to_bad"))).Value);
        Assert.Throws<LayoutUnavailableException>(() => holds.Value);
    }

    [Fact]
    public void IncompleteTypesHaveNoSizeUntilDefined()
    {
        var opaque = new RecordId(AggregateKind.Struct, "later");
        var engine = new LayoutEngine(X86_64SysV.Instance, TypeTable.Empty);
        Assert.Equal(LayoutProblemKind.IncompleteType, engine.SizeOf(new RecordType(opaque)).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.IncompleteType, engine.SizeOf(C.Flex(C.Int)).Problem?.Kind);
        Assert.Equal(8, engine.SizeOf(C.Ptr(new RecordType(opaque))).Value);
    }
}

using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>The sizeof / __alignof__ / offsetof answers the binder's constant evaluator asks for, against gcc's.</summary>
public sealed class QueryTests
{
    private static (Declarations Declarations, LayoutEngine Engine, RecordType Outer) Sample()
    {
        var d = new DeclarationBuilder();
        var inner = d.Struct("inner", r => r.Field("x", C.Char).Field("y", C.Array(C.Int, 4)).BitField("bits", C.UInt, 5));
        var outer = d.Struct("outer", r => r
            .Field("a", C.Char)
            .Field("arr", C.Array(inner, 5))
            .Anonymous(d.AnonymousUnion(u => u.Field("l", C.Long).Anonymous(d.AnonymousStruct(s => s.Field("c1", C.Char).Field("deep", C.Short)))))
            .Field("m", C.Array(C.Array(C.Short, 3), 4))
            .Field("tail", C.Flex(C.Long)));
        var declarations = d.Build();
        return (declarations, new LayoutEngine(X86_64SysV.Instance, declarations.Table), outer);
    }

    [Fact]
    public void OffsetOfFollowsMembersIndexesAndAnonymousMembersLikeGcc()
    {
        var (declarations, engine, outer) = Sample();
        string[] designators = ["a", "arr", "arr[3]", "arr[3].y[2]", "arr[4].x", "l", "deep", "m[2][1]", "m[3]", "tail", "tail[7]", "arr[9].y"];
        var gcc = GccProbe.Evaluate(declarations, [.. designators.Select(p => $"__builtin_offsetof(struct outer, {p})")]);
        var engineAnswers = designators.Select(p => engine.OffsetOf(outer, C.Path(p)).Value).ToList();
        Assert.Equal(gcc, engineAnswers);
    }

    [Fact]
    public void SizeOfAndAlignOfOfUnusualTypesLikeGcc()
    {
        var (declarations, engine, outer) = Sample();
        var cases = new (string C, CType Type)[]
        {
            ("void", C.Void),
            ("int (void)", C.Function(C.Int)),
            ("struct outer", outer),
            ("struct outer[2]", C.Array(outer, 2)),
            ("long double", C.LongDouble),
            ("const volatile short", C.Volatile(C.Const(C.Short))),
            ("int *", C.Ptr(C.Int)),
        };
        var gcc = GccProbe.Evaluate(declarations, [.. cases.Select(c => $"sizeof({c.C})"), .. cases.Select(c => $"__alignof__({c.C})")]);
        var engineAnswers = cases.Select(c => engine.SizeOf(c.Type).Value)
            .Concat(cases.Select(c => engine.AlignOf(c.Type).Value))
            .ToList();
        Assert.Equal(gcc, engineAnswers);

        // gcc: "invalid application of '__alignof__' to incomplete type" for int[] and undefined structs.
        Assert.Throws<InvalidOperationException>(() => GccProbe.Evaluate(declarations, "__alignof__(int[])"));
        Assert.Equal(LayoutProblemKind.IncompleteType, engine.AlignOf(C.Flex(C.Int)).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.IncompleteType, engine.AlignOf(new RecordType(new RecordId(AggregateKind.Struct, "undefined"))).Problem?.Kind);
    }

    [Fact]
    public void LocateGivesBitFieldsTheirBitOffsetButOffsetOfRefusesThem()
    {
        var (declarations, engine, outer) = Sample();
        Assert.Throws<InvalidOperationException>(() => Gcc.CompileObject(CEmitter.Emit(declarations) + "int x = __builtin_offsetof(struct outer, arr[1].bits);", "-w"));
        Assert.Equal(LayoutProblemKind.OffsetOfBitField, engine.OffsetOf(outer, C.Path("arr[1].bits")).Problem?.Kind);

        var inner = LayoutOracle.AssertMatchesGcc(declarations)["struct inner.bits|bit"].Split(':');
        var element = GccProbe.Evaluate(declarations, "__builtin_offsetof(struct outer, arr[2])")[0];
        var bits = engine.Locate(outer, C.Path("arr[2].bits")).Value;
        Assert.Equal(element * 8 + long.Parse(inner[0], System.Globalization.CultureInfo.InvariantCulture), bits.BitOffset);
        Assert.Equal(long.Parse(inner[1], System.Globalization.CultureInfo.InvariantCulture), bits.BitWidth);
    }

    [Fact]
    public void BadDesignatorsAreProblems()
    {
        var (_, engine, outer) = Sample();
        Assert.Equal(LayoutProblemKind.NoSuchMember, engine.OffsetOf(outer, C.Path("nope")).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.InvalidDesignator, engine.OffsetOf(outer, C.Path("a.b")).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.InvalidDesignator, engine.OffsetOf(outer, C.Path("a[1]")).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.InvalidDesignator, engine.OffsetOf(C.Int, C.Path("a")).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.InvalidDesignator, engine.OffsetOf(outer, []).Problem?.Kind);
        Assert.Equal(LayoutProblemKind.IncompleteType,
            engine.OffsetOf(new RecordType(new RecordId(AggregateKind.Struct, "undefined")), C.Path("a")).Problem?.Kind);
    }

    [Fact]
    public void AnEnumModeTooSmallForItsValuesIsAProblem()
    {
        var d = new DeclarationBuilder();
        var e = d.Enum("too_big", false, MachineMode.QI, ("TOO_BIG", 300));
        var declarations = d.Build();
        var error = Assert.Throws<InvalidOperationException>(() => Gcc.CompileObject(CEmitter.Emit(declarations), "-w"));
        Assert.Contains("specified mode too small for enumerated values", error.Message, StringComparison.Ordinal);
        var engine = new LayoutEngine(X86_64SysV.Instance, declarations.Table);
        Assert.Equal(LayoutProblemKind.InvalidMode, engine.SizeOf(e).Problem?.Kind);
    }
}

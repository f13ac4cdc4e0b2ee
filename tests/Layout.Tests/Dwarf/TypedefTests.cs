using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>Typedef chains, typedefs of anonymous records, of function types and of function pointers.</summary>
public sealed class TypedefTests
{
    private const string Source = """
        typedef int A;
        typedef A B;
        typedef const B C;
        typedef C D[3];
        typedef struct { int x; } anon_t;
        typedef anon_t *anon_p;
        typedef int (*cmp_fn)(const void *, const void *);
        typedef void fn_t(int);
        typedef fn_t *fn_p;
        typedef struct tagged { int y; } tagged_t;
        typedef volatile struct tagged vtagged_t;
        struct uses { A a; B b; C c; D d; anon_t at; anon_p ap; cmp_fn cmp; fn_p fp; tagged_t tt; vtagged_t vt; };
        struct uses u;
        """;

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Typedefs_keep_their_chain(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        var t = set.Typedefs;
        Assert.Equal(new BaseTypeRef("int"), t["A"].Target);
        Assert.Equal(new TypedefTypeRef("A"), t["B"].Target);
        Assert.Equal(new TypedefTypeRef("B"), t["C"].Target);
        Assert.Equal(new ArrayTypeRef(new TypedefTypeRef("C"), 3), t["D"].Target);
        Assert.Equal(new PointerTypeRef(new TypedefTypeRef("anon_t")), t["anon_p"].Target);
        Assert.Equal(new PointerTypeRef(FunctionTypeRef.Instance), t["cmp_fn"].Target);
        Assert.Equal(FunctionTypeRef.Instance, t["fn_t"].Target);
        Assert.Equal(new PointerTypeRef(new TypedefTypeRef("fn_t")), t["fn_p"].Target);
        Assert.Equal(new RecordTypeRef(RecordKind.Struct, "tagged"), t["tagged_t"].Target);
        Assert.Equal(new RecordTypeRef(RecordKind.Struct, "tagged"), t["vtagged_t"].Target);

        var anon = Assert.IsType<RecordTypeRef>(t["anon_t"].Target);
        Assert.True(set.Records[anon.Name].IsAnonymous);
        Assert.Equal(["x"], set.Records[anon.Name].Members.Select(m => m.Name));
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Members_refer_to_typedefs_by_name(string flags)
    {
        var uses = DwarfCompiler.Layouts(Source, flags).Records["uses"];
        Assert.Equal(
            ["A", "B", "C", "D", "anon_t", "anon_p", "cmp_fn", "fn_p", "tagged_t", "vtagged_t"],
            uses.Members.Select(m => Assert.IsType<TypedefTypeRef>(m.Type).Name));
    }
}

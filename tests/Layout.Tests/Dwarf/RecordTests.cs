using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>Nested and anonymous records, member types, arrays and qualifiers, against gcc's own sizeof/offsetof.</summary>
public sealed class RecordTests(RecordTests.Oracle oracle) : IClassFixture<RecordTests.Oracle>
{
    public const string Source = """
        struct inner { short s; char c; };
        struct nested {
            char a;
            struct inner in;
            struct { int x; double y; } anon_typed;
            union { int i; float f; char bytes[5]; };
            struct { long l1; struct { char deep; long deeper; }; };
            long double ld;
            __int128 big;
            unsigned __int128 ubig;
            _Bool flag;
            const volatile int cv;
            int (*fn)(int, char *);
            void (*handlers[3])(void);
            int matrix[2][3];
            char cube[2][3][4];
            _Complex double z;
            const char *const str;
            int *restrict rp;
            _Atomic long at;
            struct nested *self;
            void *vp;
            const void *cvp;
            int tail[];
        };
        struct zero_tail { int n; char data[0]; };
        struct zero_middle { int a; int z[0]; int b; };
        struct flex { long n; short data[]; };
        struct of_arrays { struct inner items[4]; struct inner grid[2][2]; };
        union u { char c; double d; int arr[3]; };
        struct __attribute__((aligned(32))) aligned32 { char c; };
        struct nested n; struct zero_tail zt; struct zero_middle zm; struct flex fl; struct of_arrays oa; union u uu;
        struct aligned32 a32;
        """;

    private static readonly string[] Records = ["struct inner", "struct nested", "struct zero_tail", "struct zero_middle", "struct flex", "struct of_arrays", "union u", "struct aligned32"];

    /// <summary>gcc's answers, computed once for the class.</summary>
    public sealed class Oracle
    {
        public Oracle()
        {
            // The expressions come from one DWARF 5 read (which members exist);
            // their values come only from gcc.
            var set = DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf5);
            Values = GccOracle.Evaluate(Source, Records.SelectMany(r => LayoutAssert.Expressions(set, r, Find(set, r)))
                .Concat(["sizeof(long double)", "sizeof(__int128)", "sizeof(_Bool)", "sizeof(_Complex double)", "_Alignof(struct aligned32)"]));
        }

        public IReadOnlyDictionary<string, long> Values { get; }
    }

    private static RecordLayout Find(LayoutSet set, string cType) => set.Records[cType.Split(' ')[1]];

    private static MemberLayout Member(RecordLayout r, string name) => r.Members.Single(m => m.Name == name);

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Sizes_and_offsets_match_gcc(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        foreach (var r in Records) LayoutAssert.Matches(oracle.Values, set, r, Find(set, r));
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Members_are_listed_in_declaration_order_with_anonymous_ones_unnamed(string flags)
    {
        var nested = DwarfCompiler.Layouts(Source, flags).Records["nested"];
        Assert.Equal(
            ["a", "in", "anon_typed", null, null, "ld", "big", "ubig", "flag", "cv", "fn", "handlers", "matrix", "cube", "z", "str", "rp", "at", "self", "vp", "cvp", "tail"],
            nested.Members.Select(m => m.Name));
        Assert.False(nested.IsAnonymous);
        Assert.Equal(RecordKind.Struct, nested.Kind);
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Anonymous_records_get_content_names_inner_first(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        var nested = set.Records["nested"];

        var typed = Assert.IsType<RecordTypeRef>(Member(nested, "anon_typed").Type);
        Assert.StartsWith("__anon_struct_", typed.Name);
        Assert.True(set.Records[typed.Name].IsAnonymous);

        var anonymous = nested.Members.Where(m => m.Name is null).Select(m => Assert.IsType<RecordTypeRef>(m.Type)).ToList();
        Assert.Equal([RecordKind.Union, RecordKind.Struct], anonymous.Select(a => a.Kind));
        Assert.StartsWith("__anon_union_", anonymous[0].Name);
        Assert.Equal(["i", "f", "bytes"], set.Records[anonymous[0].Name].Members.Select(m => m.Name));

        // The inner anonymous struct's name is part of the outer one's content.
        var outer = set.Records[anonymous[1].Name];
        var deep = Assert.IsType<RecordTypeRef>(outer.Members.Single(m => m.Name is null).Type);
        Assert.Equal(["deep", "deeper"], set.Records[deep.Name].Members.Select(m => m.Name));
        Assert.Equal(AnonymousNames.ForRecord(RecordKind.Struct, outer.Size, outer.Members), outer.Name);
    }

    [Fact]
    public void Anonymous_names_are_the_same_in_every_dwarf_version()
    {
        string[] Names(string flags) => [.. DwarfCompiler.Layouts(Source, flags).Records.Keys.Where(k => k.StartsWith("__anon_", StringComparison.Ordinal))];
        var five = Names(DwarfFlags.Dwarf5);
        Assert.Equal(4, five.Length);
        Assert.Equal(five, Names(DwarfFlags.Dwarf4));
        Assert.Equal(five, Names(DwarfFlags.Dwarf2));
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Member_types_follow_the_declarations(string flags)
    {
        var nested = DwarfCompiler.Layouts(Source, flags).Records["nested"];
        TypeRef Int = new BaseTypeRef("int"), Char = new BaseTypeRef("char");
        Assert.Equal(new RecordTypeRef(RecordKind.Struct, "inner"), Member(nested, "in").Type);
        Assert.Equal(new BaseTypeRef("long double"), Member(nested, "ld").Type);
        Assert.Equal(new BaseTypeRef("__int128"), Member(nested, "big").Type);
        Assert.Equal(new BaseTypeRef("__int128 unsigned"), Member(nested, "ubig").Type);
        Assert.Equal(new BaseTypeRef("_Bool"), Member(nested, "flag").Type);
        Assert.Equal(new BaseTypeRef("complex double"), Member(nested, "z").Type);
        Assert.Equal(new PointerTypeRef(FunctionTypeRef.Instance), Member(nested, "fn").Type);
        Assert.Equal(new ArrayTypeRef(new PointerTypeRef(FunctionTypeRef.Instance), 3), Member(nested, "handlers").Type);
        Assert.Equal(new PointerTypeRef(new RecordTypeRef(RecordKind.Struct, "nested")), Member(nested, "self").Type);
        Assert.Equal(new PointerTypeRef(VoidTypeRef.Instance), Member(nested, "vp").Type);
        Assert.Equal(new PointerTypeRef(VoidTypeRef.Instance), Member(nested, "cvp").Type);

        // Qualifiers (const, volatile, restrict, _Atomic) are not part of the model.
        Assert.Equal(Int, Member(nested, "cv").Type);
        Assert.Equal(new PointerTypeRef(Char), Member(nested, "str").Type);
        Assert.Equal(new PointerTypeRef(Int), Member(nested, "rp").Type);
        Assert.Equal(new BaseTypeRef("long int"), Member(nested, "at").Type);
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Arrays_nest_outermost_first_and_tell_flexible_from_zero_length(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        var nested = set.Records["nested"];
        TypeRef Int = new BaseTypeRef("int"), Char = new BaseTypeRef("char");
        Assert.Equal(new ArrayTypeRef(new ArrayTypeRef(Int, 3), 2), Member(nested, "matrix").Type);
        Assert.Equal(new ArrayTypeRef(new ArrayTypeRef(new ArrayTypeRef(Char, 4), 3), 2), Member(nested, "cube").Type);
        Assert.Equal(new ArrayTypeRef(Int, null), Member(nested, "tail").Type);
        Assert.Equal(new ArrayTypeRef(new BaseTypeRef("short int"), null), Member(set.Records["flex"], "data").Type);
        Assert.Equal(new ArrayTypeRef(Char, 0), Member(set.Records["zero_tail"], "data").Type);
        Assert.Equal(new ArrayTypeRef(Int, 0), Member(set.Records["zero_middle"], "z").Type);
        var inner = new RecordTypeRef(RecordKind.Struct, "inner");
        Assert.Equal(new ArrayTypeRef(new ArrayTypeRef(inner, 2), 2), Member(set.Records["of_arrays"], "grid").Type);
        Assert.Equal(new ArrayTypeRef(inner, 4), Member(set.Records["of_arrays"], "items").Type);
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Base_types_have_gcc_sizes_and_encodings(string flags)
    {
        var types = DwarfCompiler.Layouts(Source, flags).BaseTypes;
        Assert.Equal(new BaseTypeLayout("long double", oracle.Values["sizeof(long double)"], BaseTypeEncoding.Float), types["long double"]);
        Assert.Equal(new BaseTypeLayout("__int128", oracle.Values["sizeof(__int128)"], BaseTypeEncoding.Signed), types["__int128"]);
        Assert.Equal(new BaseTypeLayout("__int128 unsigned", 16, BaseTypeEncoding.Unsigned), types["__int128 unsigned"]);
        Assert.Equal(new BaseTypeLayout("_Bool", oracle.Values["sizeof(_Bool)"], BaseTypeEncoding.Boolean), types["_Bool"]);
        Assert.Equal(new BaseTypeLayout("complex double", oracle.Values["sizeof(_Complex double)"], BaseTypeEncoding.ComplexFloat), types["complex double"]);
        // Plain char is signed on x86-64 (System V psABI, table 3.1).
        Assert.Equal(new BaseTypeLayout("char", 1, BaseTypeEncoding.SignedChar), types["char"]);
        Assert.Equal(new BaseTypeLayout("short int", 2, BaseTypeEncoding.Signed), types["short int"]);
        Assert.Equal(new BaseTypeLayout("double", 8, BaseTypeEncoding.Float), types["double"]);
    }

    [Fact]
    public void Explicit_alignment_is_read_where_gcc_writes_it()
    {
        var five = DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf5);
        Assert.Equal((int?)oracle.Values["_Alignof(struct aligned32)"], five.Records["aligned32"].Alignment);
        Assert.Null(five.Records["inner"].Alignment);
        // DW_AT_alignment is DWARF 5; strict DWARF 4 cannot say it.
        Assert.Null(DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf4Strict).Records["aligned32"].Alignment);
    }
}

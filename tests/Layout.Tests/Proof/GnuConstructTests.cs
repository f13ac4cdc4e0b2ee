namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// One hand-written translation unit per GNU C construct the binder and the
/// constant evaluator handle, each compared with gcc's DWARF like the random
/// ones: where a construct only changes a value, the value is an array bound
/// or a bit-field width, so DWARF shows it. Each unit must compile with gcc
/// and produce types (an empty comparison proves nothing).
/// </summary>
public sealed class GnuConstructTests
{
    public static TheoryData<string> Names => [.. Sources.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Construct_matches_gcc(string name)
    {
        var outcome = ProofOracle.Compare(Sources[name], preprocess: Sources[name].Contains("#define", StringComparison.Ordinal));
        Assert.True(outcome.Agrees, name + ": " + outcome.Describe());
        Assert.True(outcome.Comparison.Records + outcome.Comparison.Enums >= 1, name + ": gcc described no type");
    }

    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["tag scopes"] = """
            struct s;
            struct user { struct s *p; struct later *q; struct s *arr[3]; };
            struct s { int a; struct s *next; };
            struct s;
            struct outer { struct inner { int a; char b; } i; union inner_u { long l; } u; };
            struct after { struct inner again; union inner_u u2; enum inner_e { IE_A = 5 } e; char n[IE_A]; };
            struct later { char c; };
            """,
        ["prototype scope"] = """
            void f(struct only_proto { int x; } *p);
            struct only_proto { long y; char z[3]; };
            struct ret { int a; short b; } make(void) { struct ret r = { 0 }; return r; }
            static inline int body(int x) { struct local { int q; } l = { x }; return l.q; }
            struct uses { struct only_proto o; struct ret r; };
            """,
        ["anonymous members"] = """
            struct s {
              int a;
              struct { int b; union { char c; long d; }; };
              union { struct { short e, f; }; int g; } named;
              struct { int; };
              char tail[__builtin_offsetof(struct { int x; struct { char y; long z; }; }, z)];
            };
            char probe[__builtin_offsetof(struct s, d) + __builtin_offsetof(struct s, named.f)];
            struct holder { char p[sizeof probe]; };
            """,
        ["typedefs"] = """
            typedef int i32;
            typedef int i32;
            typedef i32 chain1;
            typedef chain1 chain2, *chain2p, chain2a[4];
            typedef struct { chain2 a; chain2p b; chain2a c; } anon_t;
            typedef anon_t anon_t2;
            typedef const anon_t2 canon_t;
            typedef unsigned long ul;
            struct use { anon_t x; anon_t2 y[2]; canon_t *z; ul w; chain2a *pa; };
            """,
        ["declarators"] = """
            struct d {
              int *a[3];
              int (*b)[3];
              int (*c[2])(int, char *);
              int (*(*e)(int))[4];
              char *const *volatile f;
              void (*g)(void);
              long (*h)();
              int i[2][3][4];
              int (*j)(int (*)(int), ...);
              const char *restrict k;
            };
            """,
        ["packed and aligned"] = """
            struct __attribute__((packed)) p1 { char c; int i; long l; };
            struct p2 { char c; int i; } __attribute__((__packed__));
            struct p3 { char c; int i __attribute__((packed)); short s; };
            struct __attribute__((aligned(32))) a1 { char c; } __attribute__((aligned(8)));
            struct __attribute__((aligned(8))) a2 { char c; } __attribute__((aligned(32)));
            struct a3 { char c; __attribute__((aligned(8))) char d __attribute__((aligned(32))); char e; };
            struct a4 { char c; _Alignas(16) int x; _Alignas(long double) char y; };
            struct a5 { char c; long l; } __attribute__((packed, aligned(4)));
            struct a6 { char c; int a : 3 __attribute__((aligned(8))); } __attribute__((aligned));
            typedef long l4 __attribute__((aligned(4)));
            typedef __attribute__((aligned(32))) int t32 __attribute__((aligned(8)));
            typedef struct { int a; char b; } __attribute__((packed)) packed_new;
            typedef struct p_existing { int a; char b; } __attribute__((packed)) p_ignored_2;
            typedef struct p_existing p_ignored __attribute__((packed));
            typedef int * __attribute__((aligned(32))) pa32;
            struct user { char c; l4 l; char d; t32 t; packed_new n; p_ignored i; char e; pa32 p; struct a1 x; struct a2 y; };
            """,
        ["modes and vectors"] = """
            typedef int qi __attribute__((mode(QI)));
            typedef unsigned int uhi __attribute__((__mode__(__HI__)));
            typedef int si __attribute__((mode(SI)));
            typedef unsigned long udi __attribute__((mode(DI)));
            typedef int ti __attribute__((mode(TI)));
            typedef int by __attribute__((mode(byte)));
            typedef unsigned wo __attribute__((mode(word)));
            typedef int po __attribute__((mode(pointer)));
            typedef enum { SMALL = 3 } __attribute__((mode(byte))) small_e;
            typedef enum { BIG_E = 3 } big_e __attribute__((mode(DI)));
            typedef float v4sf __attribute__((vector_size(16)));
            typedef int myint;
            typedef myint v4si __attribute__((vector_size(16)));
            struct m {
              qi a; uhi b; si c; udi d; ti e; by f; wo g; po h; small_e i; big_e j;
              v4sf k; v4si l; short m2 __attribute__((vector_size(8)));
              int arr[2] __attribute__((vector_size(8)));
              __attribute__((mode(HI))) int n;
              char o;
              unsigned p : 3 __attribute__((mode(QI)));
            };
            """,
        ["other attributes"] = """
            union __attribute__((transparent_union)) tu { int *i; const char *c; };
            struct __attribute__((designated_init)) di { int a; char b; };
            struct __attribute__((randomize_layout)) rl { void (*f)(void); void (*g)(void); int x; };
            struct nr { int a; } __attribute__((no_randomize_layout, unused, deprecated("old"), __cold__));
            struct w { int a __attribute__((deprecated, unused)); char b __attribute__((__nonstring__)); } __attribute__((__may_alias__));
            struct u { union tu t; struct di d; struct rl r; struct nr n; struct w w; };
            """,
        ["pack pragmas"] = """
            #pragma pack(push, 1)
            struct pk1 { char c; int i; long l; };
            #pragma pack(push, outer, 2)
            struct pk2 { char c; int i; };
            #pragma pack(4)
            struct pk4 { char c; long l; };
            #pragma pack(pop, outer)
            struct pk1b { char c; int i; };
            #pragma pack(pop)
            struct def { char c; long l; };
            #pragma pack(2)
            struct pk2b { char c; long l;
            #pragma pack()
            };
            struct def2 { char c; long l; };
            #pragma pack(8)
            struct pk8 { char c; long double l; };
            #pragma pack()
            """,
        ["typeof"] = """
            struct s { int a; long b[3]; char *c; struct { short d; } e; unsigned f : 3; };
            extern struct s gs;
            extern struct s *gp;
            int garr[7];
            enum { SMALL_C = 1, BIG_C = 0x100000000 } ge;
            struct t {
              typeof(gs) a;
              __typeof__(gs.b) b;
              __typeof(gp->c) c;
              typeof(*gp) d;
              typeof(&gs) e;
              typeof(gs.e) f;
              typeof(garr) g;
              typeof(&garr[0]) h;
              typeof(1 + 1L) i;
              typeof(1u + 1) j;
              typeof('a') k;
              typeof((char)1) l;
              typeof(sizeof(int)) m;
              typeof(1 ? (short)1 : (char)1) n;
              typeof(gs.f + 0) o;
              typeof(SMALL_C) p;
              typeof(BIG_C) q;
              typeof(ge) r;
              typeof(int[3]) s;
              typeof(typeof(char) *) u;
              typeof(gp - gp) v;
              typeof(*garr) w;
              typeof(-(short)1) x;
              typeof(~(unsigned char)1) y;
              typeof((long)1 << 2) z;
            };
            """,
        ["auto type and globals"] = """
            __auto_type ax = 1L;
            __auto_type ay = (unsigned char)3;
            extern int arr[];
            int arr[10];
            char str[] = "hello";
            int list[] = { 1, 2, 3, [9] = 4 };
            static z;
            struct g { typeof(ax) a; typeof(ay) b; char c[sizeof(arr)]; char d[sizeof str]; char e[sizeof list]; typeof(z) f; };
            """,
        ["scalar types"] = """
            struct sc {
              _Bool b; char c; signed char sc; unsigned char uc; short s; unsigned short us;
              int i; unsigned u; long l; unsigned long ul; long long ll; unsigned long long ull;
              __int128 x; unsigned __int128 ux; __int128_t y; __uint128_t uy;
              float f; double d; long double ld; _Complex float cf; _Complex double cd; _Complex long double cld;
              __float128 q; _Float128 q2; _Float16 h; _Complex cx;
              signed s2; unsigned int u2; short int si; long int li; long unsigned lu; int long il; long long int lli; signed long long sll;
              _Bool bb : 1; __int128 bx : 100; unsigned __int128 ubx : 65; long lb : 40; char cb : 7;
              __builtin_va_list va;
            };
            """,
        ["enums"] = """
            enum e1 { A1, B1, C1 = 10, D1, E1 = C1 * 2 + 'a', F1 = -5, G1 };
            enum e2 { A2 = 0xffffffff, B2 = 1 };
            enum e3 { A3 = -1, B3 = 0x80000000 };
            enum e4 { A4 = 0x7fffffffffffffffL, B4 = -0x7fffffffffffffffL - 1 };
            enum e5 { A5 = 0xffffffffffffffffUL };
            enum __attribute__((packed)) e6 { A6 = 200 };
            enum e7 { A7 = -129 } __attribute__((packed));
            enum e8 { A8 = 70000 } __attribute__((__packed__));
            enum __attribute__((mode(HI))) e9 { A9 = 1 };
            enum e10 { A10 = '\n' + '\x41' + '\101' + 'ab', B10 = sizeof(enum e1) << 3, C10 = (unsigned char)300, D10 = (signed char)200 };
            enum e11 { A11 = __builtin_offsetof(struct { char c; long l; }, l), B11 = _Alignof(long double), C11 = (short)70000 };
            enum e12;
            enum e12 { A12 = 1 };
            struct en { enum e1 a; enum e2 b; enum e3 c; enum e4 d; enum e5 e; enum e6 f; enum e7 g; enum e8 h; enum e9 i; enum e10 j; enum e11 k;
              char bounds[A10 + B10 + C10 + D10 + A11 + B11 + C11 + G1]; enum e12 l; enum e1 bf : 4; };
            """,
        ["constant expressions"] = """
            struct x { char c; long l; int arr[5]; struct { char d; short e[3]; } in; };
            struct k {
              char a[(-1 < 0u) + 1];
              char b[(-1L < 0u) + 1];
              char c[(-1 > 0UL) + 1];
              char d[__builtin_constant_p(3) + 1];
              char e[(int)sizeof(struct x) - 1];
              char f[__builtin_offsetof(struct x, in.e[2]) + 1];
              char g[((unsigned long)&((struct x *)0)->arr[3])];
              char h[(__int128)1 << 70 >> 68];
              char i[(unsigned char)300 + (_Bool)5 + (signed char)-1 + 2];
              char j[1 ? 3 : 4];
              char k[0 ?: 5];
              char l[7 / 2 + 7 % 3 + (-7) / 2 + 6];
              char m[(1 << 3) | (1 >> 1) | (6 & 3) | (5 ^ 1)];
              char n[!0 + !5 + (3 && 0) + (0 || 2) + (1 == 1) + (1 != 1) + (2 <= 3) + (3 >= 4) + 1];
              char o[__builtin_choose_expr(sizeof(int) == 4, 6, (void)0)];
              char p[__builtin_types_compatible_p(int, signed) + __builtin_types_compatible_p(int, long) + __builtin_types_compatible_p(char, signed char)
                     + __builtin_types_compatible_p(const int, int) + __builtin_types_compatible_p(int *, const int *) + __builtin_types_compatible_p(int[3], int[])
                     + __builtin_types_compatible_p(enum { TC_A }, unsigned int) + __builtin_types_compatible_p(struct x, struct x) + 1];
              char q[sizeof(typeof(((struct x *)0)->in)) + _Alignof(struct x) + __alignof__(long double)];
              char r[__builtin_clzll(1) + __builtin_ctz(8) + __builtin_popcount(255) + __builtin_ffs(4) + (int)__builtin_bswap32(0x01000000)];
              char s[__builtin_expect(3, 1)];
              char t[(long)(1.5 * 4)];
              char u[sizeof(1.0f) + sizeof(1.0) + sizeof(1.0L) + sizeof 1.0e3];
              char v[(0x10 + 010 + 0b11 + 10u + 10l + 10ul + 10ll + 10ull + 10LU) / 4];
              char w[-(-3)];
              char y[_Generic(1L, int: 1, long: 2, default: 3) + _Generic((char)0, char: 4, default: 5)];
              char z[sizeof("abc\n") + sizeof(L"ab") + sizeof(u"a") + sizeof(U"a") + sizeof("a" "b")];
            };
            """,
        ["kernel idioms"] = """
            #define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
            #define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
            #define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
            #define __must_be_array(a) BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))
            #define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))
            #define BITS_PER_LONG 64
            #define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
            #define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
            #define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
            #define offsetofend(TYPE, MEMBER) (__builtin_offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))
            int table[12];
            int variable;
            struct dev { long a; char name[20]; };
            struct k {
              char a[ARRAY_SIZE(table)];
              DECLARE_BITMAP(bits, 130);
              char b[__is_constexpr(5) + 1];
              char c[__is_constexpr(variable) + 1];
              char d[sizeof_field(struct dev, name)];
              char e[offsetofend(struct dev, name)];
              char f[__builtin_choose_expr(__is_constexpr(3), 3, 1)];
              char g[BUILD_BUG_ON_ZERO(0) + 2];
              char h[__builtin_constant_p(variable) + 1];
            };
            _Static_assert(sizeof(struct k) > 0, "k");
            struct sa { int x; _Static_assert(sizeof(int) == 4, "int"); char y; };
            """,
        ["bit-fields"] = """
            struct b {
              int a : 3; unsigned b : 5; int : 0; char c : 2; int : 4; long d : 33; unsigned long long e : 64;
              _Bool f : 1; __int128 g : 100; enum { BE_A, BE_B } h : 2; short : 0; char i;
              unsigned j : sizeof(int) * 2;
            };
            struct bp { char a; int b : 9; int c : 30; } __attribute__((packed));
            union bu { int a : 3; long b : 40; char c; };
            """,
        ["arrays"] = """
            typedef int arr_t[4];
            struct a {
              arr_t x[2];
              int z[0];
              char multi[2][3][4];
              const arr_t c;
              int (*p)[5];
              struct { int n; char data[]; } *fp;
            };
            struct flex { int n; long data[]; };
            struct zero { int n; char z[0]; long after; };
            """,
        ["strings and characters"] = """
            struct s {
              char a[sizeof("hello")];
              char b['\n'];
              char c['\x41' - 60];
              char d['\101' - 60];
              char e[sizeof(L"ab") / 4];
              char f['ab' - 0x6160];
              char g[sizeof("\x41\101\n")];
              char h[(unsigned char)'\xff' - 250];
              char i[-'\xff' + 1];
            };
            """,
        ["qualifiers"] = """
            struct q {
              const int a; volatile long b; const volatile char c; int *restrict d; const int *const e;
              volatile struct { int x; } f; _Atomic int g; int const h;
            };
            """,
    };
}

using System.Collections.Frozen;

namespace LayoutExpert.Syntax;

/// <summary>
/// The reserved words of GNU C as gcc 12 sees them with -std=gnu11 on x86-64
/// (C11 6.4.1 plus gcc's c-common.cc reserved-word table). Alternate spellings
/// (<c>__const__</c>, <c>__inline</c>, ...) map to the keyword they spell.
/// Preprocessing tokens stay identifiers; the parser and binder classify them
/// with <see cref="CSyntaxFacts.GetKeyword(string)"/>.
/// </summary>
public enum CKeyword : byte
{
    None = 0,

    // Storage-class specifiers (C11 6.7.1).
    Typedef, Extern, Static, Auto, Register, ThreadLocal,

    // Type specifiers (C11 6.7.2), GNU and TS 18661-3 ones included.
    Void, Char, Short, Int, Long, Float, Double, Signed, Unsigned, Bool, Complex,
    Int128, Float16, Float32, Float64, Float128, Float32x, Float64x, Float128x,
    Decimal32, Decimal64, Decimal128,
    Struct, Union, Enum, Typeof, AutoType,

    // Type qualifiers (C11 6.7.3) and x86 named address spaces (GCC "Named Address Spaces").
    Const, Volatile, Restrict, Atomic, SegFs, SegGs,

    // Function specifiers (C11 6.7.4) and the alignment specifier (6.7.5).
    Inline, Noreturn, Alignas,

    // Operators and GNU primary-expression keywords.
    Sizeof, Alignof, Generic, Real, Imag, Extension,
    BuiltinOffsetof, BuiltinTypesCompatibleP, BuiltinChooseExpr, BuiltinVaArg,

    // Declarations that are not specifiers.
    Attribute, Asm, StaticAssert, Label,

    // Statements (never part of a file-scope declaration, but reserved).
    If, Else, While, Do, For, Switch, Case, Default, Break, Continue, Goto, Return,
}

/// <summary>Classification of C keywords for the parser and the binder.</summary>
public static class CSyntaxFacts
{
    private static readonly FrozenDictionary<string, CKeyword> Keywords = new Dictionary<string, CKeyword>(StringComparer.Ordinal)
    {
        ["typedef"] = CKeyword.Typedef,
        ["extern"] = CKeyword.Extern,
        ["static"] = CKeyword.Static,
        ["auto"] = CKeyword.Auto,
        ["register"] = CKeyword.Register,
        ["_Thread_local"] = CKeyword.ThreadLocal,
        ["__thread"] = CKeyword.ThreadLocal,

        ["void"] = CKeyword.Void,
        ["char"] = CKeyword.Char,
        ["short"] = CKeyword.Short,
        ["int"] = CKeyword.Int,
        ["long"] = CKeyword.Long,
        ["float"] = CKeyword.Float,
        ["double"] = CKeyword.Double,
        ["signed"] = CKeyword.Signed,
        ["__signed"] = CKeyword.Signed,
        ["__signed__"] = CKeyword.Signed,
        ["unsigned"] = CKeyword.Unsigned,
        ["_Bool"] = CKeyword.Bool,
        ["_Complex"] = CKeyword.Complex,
        ["__complex"] = CKeyword.Complex,
        ["__complex__"] = CKeyword.Complex,
        ["__int128"] = CKeyword.Int128,
        ["_Float16"] = CKeyword.Float16,
        ["_Float32"] = CKeyword.Float32,
        ["_Float64"] = CKeyword.Float64,
        ["_Float128"] = CKeyword.Float128,
        ["_Float32x"] = CKeyword.Float32x,
        ["_Float64x"] = CKeyword.Float64x,
        ["_Float128x"] = CKeyword.Float128x,
        ["_Decimal32"] = CKeyword.Decimal32,
        ["_Decimal64"] = CKeyword.Decimal64,
        ["_Decimal128"] = CKeyword.Decimal128,
        ["struct"] = CKeyword.Struct,
        ["union"] = CKeyword.Union,
        ["enum"] = CKeyword.Enum,
        // "typeof" is a keyword in the GNU dialects only (gcc: D_EXT), which is what the kernel builds with.
        ["typeof"] = CKeyword.Typeof,
        ["__typeof"] = CKeyword.Typeof,
        ["__typeof__"] = CKeyword.Typeof,
        ["__auto_type"] = CKeyword.AutoType,

        ["const"] = CKeyword.Const,
        ["__const"] = CKeyword.Const,
        ["__const__"] = CKeyword.Const,
        ["volatile"] = CKeyword.Volatile,
        ["__volatile"] = CKeyword.Volatile,
        ["__volatile__"] = CKeyword.Volatile,
        ["restrict"] = CKeyword.Restrict,
        ["__restrict"] = CKeyword.Restrict,
        ["__restrict__"] = CKeyword.Restrict,
        ["_Atomic"] = CKeyword.Atomic,
        ["__seg_fs"] = CKeyword.SegFs,
        ["__seg_gs"] = CKeyword.SegGs,

        ["inline"] = CKeyword.Inline,
        ["__inline"] = CKeyword.Inline,
        ["__inline__"] = CKeyword.Inline,
        ["_Noreturn"] = CKeyword.Noreturn,
        ["_Alignas"] = CKeyword.Alignas,

        ["sizeof"] = CKeyword.Sizeof,
        ["_Alignof"] = CKeyword.Alignof,
        ["__alignof"] = CKeyword.Alignof,
        ["__alignof__"] = CKeyword.Alignof,
        ["_Generic"] = CKeyword.Generic,
        ["__real"] = CKeyword.Real,
        ["__real__"] = CKeyword.Real,
        ["__imag"] = CKeyword.Imag,
        ["__imag__"] = CKeyword.Imag,
        ["__extension__"] = CKeyword.Extension,
        ["__builtin_offsetof"] = CKeyword.BuiltinOffsetof,
        ["__builtin_types_compatible_p"] = CKeyword.BuiltinTypesCompatibleP,
        ["__builtin_choose_expr"] = CKeyword.BuiltinChooseExpr,
        ["__builtin_va_arg"] = CKeyword.BuiltinVaArg,

        ["__attribute__"] = CKeyword.Attribute,
        ["__attribute"] = CKeyword.Attribute,
        // "asm" is a keyword in the GNU dialects only (gcc: D_ASM | D_EXT).
        ["asm"] = CKeyword.Asm,
        ["__asm"] = CKeyword.Asm,
        ["__asm__"] = CKeyword.Asm,
        ["_Static_assert"] = CKeyword.StaticAssert,
        ["__label__"] = CKeyword.Label,

        ["if"] = CKeyword.If,
        ["else"] = CKeyword.Else,
        ["while"] = CKeyword.While,
        ["do"] = CKeyword.Do,
        ["for"] = CKeyword.For,
        ["switch"] = CKeyword.Switch,
        ["case"] = CKeyword.Case,
        ["default"] = CKeyword.Default,
        ["break"] = CKeyword.Break,
        ["continue"] = CKeyword.Continue,
        ["goto"] = CKeyword.Goto,
        ["return"] = CKeyword.Return,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Names gcc declares before any source line as if by typedef: they are
    /// ordinary typedef names (a declaration may shadow them), not keywords.
    /// gcc registers them with pushdecl of a TYPE_DECL (c_register_builtin_type,
    /// ix86_init_builtin_types); <c>__builtin_va_list</c> is what &lt;stdarg.h&gt; builds on.
    /// </summary>
    public static IReadOnlyList<string> PredefinedTypedefNames { get; } =
    [
        "__builtin_va_list", "__builtin_ms_va_list", "__int128_t", "__uint128_t", "__float128", "__float80", "__bf16",
    ];

    /// <summary>The keyword an identifier spells (after line splices are removed), or <see cref="CKeyword.None"/>.</summary>
    public static CKeyword GetKeyword(string valueText) =>
        Keywords.TryGetValue(valueText, out var keyword) ? keyword : CKeyword.None;

    public static bool IsStorageClass(CKeyword k) => k is >= CKeyword.Typedef and <= CKeyword.ThreadLocal;

    /// <summary>Keywords that are a whole type specifier by themselves (not struct/union/enum/typeof).</summary>
    public static bool IsSimpleTypeSpecifier(CKeyword k) => k is >= CKeyword.Void and <= CKeyword.Decimal128;

    public static bool IsTypeSpecifier(CKeyword k) => k is >= CKeyword.Void and <= CKeyword.AutoType;

    /// <summary>const, volatile, restrict, _Atomic (without a parenthesis) and the address spaces.</summary>
    public static bool IsTypeQualifier(CKeyword k) => k is >= CKeyword.Const and <= CKeyword.SegGs;

    public static bool IsAddressSpace(CKeyword k) => k is CKeyword.SegFs or CKeyword.SegGs;

    public static bool IsFunctionSpecifier(CKeyword k) => k is CKeyword.Inline or CKeyword.Noreturn;

    /// <summary>Keywords that may start declaration specifiers (C11 6.7p1, plus __attribute__ and __extension__).</summary>
    public static bool StartsDeclarationSpecifiers(CKeyword k) =>
        IsStorageClass(k) || IsTypeSpecifier(k) || IsTypeQualifier(k) || IsFunctionSpecifier(k)
        || k is CKeyword.Alignas or CKeyword.Attribute or CKeyword.Extension;

    /// <summary>Keywords that may start a type name (C11 6.7.7): a specifier-qualifier list; gcc also lets it start with attributes.</summary>
    public static bool StartsTypeName(CKeyword k) => IsTypeSpecifier(k) || IsTypeQualifier(k) || k is CKeyword.Attribute;
}

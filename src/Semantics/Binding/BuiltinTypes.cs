using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The names gcc declares before the first line (c_register_builtin_type,
/// ix86_init_builtin_types). <c>__builtin_va_list</c> is a typedef of
/// <c>struct __va_list_tag[1]</c> on x86-64 (psABI 3.5.7), and gcc's DWARF
/// describes it so; <c>__int128_t</c>, <c>__uint128_t</c> and <c>__float128</c>
/// are the built-in types themselves (DWARF names no typedef for them).
/// </summary>
internal static class BuiltinTypes
{
    public const string VaListTag = "__va_list_tag";
    public const string VaList = "__builtin_va_list";

    public static void Declare(Binder binder) => binder.DeclareBuiltins();

    public static CType? Alias(string name) => name switch
    {
        "__int128_t" => ScalarType.Int128,
        "__uint128_t" => ScalarType.UnsignedInt128,
        "__float128" => ScalarType.Float128,
        "__float80" => ScalarType.LongDouble,
        "__builtin_ms_va_list" => new PointerType(ScalarType.Char),
        _ => null,
    };

    public static RecordDefinition VaListTagDefinition(RecordId id) => new(id,
    [
        new Field("gp_offset", ScalarType.UnsignedInt),
        new Field("fp_offset", ScalarType.UnsignedInt),
        new Field("overflow_arg_area", new PointerType(VoidType.Instance)),
        new Field("reg_save_area", new PointerType(VoidType.Instance)),
    ]);
}

public sealed partial class Binder
{
    internal void DeclareBuiltins()
    {
        var tag = new TagSymbol(TagKind.Struct, new RecordId(AggregateKind.Struct, BuiltinTypes.VaListTag), null);
        _file.DeclareTag(BuiltinTypes.VaListTag, tag);
        _store.Add(BuiltinTypes.VaListTagDefinition(tag.Record!), fileScope: true);
        var vaList = new TypedefType(BuiltinTypes.VaList, new ArrayType(tag.Type, 1));
        _file.DeclareOrdinary(new TypedefSymbol(vaList));
        SetTypedefAt(_names.Id(BuiltinTypes.VaList), vaList);
    }
}

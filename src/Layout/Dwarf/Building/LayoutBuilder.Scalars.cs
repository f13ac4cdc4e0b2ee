using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Dwarf;

internal sealed partial class LayoutBuilder
{
    private string RegisterBaseType(int index)
    {
        ref readonly var e = ref _dies[index];
        var name = RequireName(index, "base type");
        if (!_baseTypes.ContainsKey(name))
        {
            if (!e.Is(EntryFields.ByteSize)) throw Error(e.Offset, $"base type {name} without DW_AT_byte_size");
            if (!e.Is(EntryFields.Encoding)) throw Error(e.Offset, $"base type {name} without DW_AT_encoding");
            _baseTypes.Add(name, new BaseTypeLayout(name, e.ByteSize, Encoding(e)));
        }
        return name;
    }

    private BaseTypeEncoding Encoding(in DebugEntry e) => e.Encoding switch
    {
        DwAte.Signed => BaseTypeEncoding.Signed,
        DwAte.Unsigned => BaseTypeEncoding.Unsigned,
        DwAte.SignedChar => BaseTypeEncoding.SignedChar,
        DwAte.UnsignedChar => BaseTypeEncoding.UnsignedChar,
        DwAte.Boolean => BaseTypeEncoding.Boolean,
        DwAte.Float => BaseTypeEncoding.Float,
        DwAte.ComplexFloat => BaseTypeEncoding.ComplexFloat,
        // _Decimal32/64/128 (gcc extension, ISO/IEC TS 18661-2) are floating types;
        // the model has no separate kind for them.
        DwAte.DecimalFloat => BaseTypeEncoding.Float,
        // char16_t/char32_t/char8_t where gcc emits them: unsigned integers.
        DwAte.Utf => BaseTypeEncoding.Unsigned,
        _ => throw Error(e.Offset, $"unsupported base type encoding 0x{e.Encoding:x}"),
    };

    private EnumLayout BuildEnum(int index, string? name)
    {
        ref readonly var e = ref _dies[index];
        if (!e.Is(EntryFields.ByteSize)) throw Error(e.Offset, "complete enum without DW_AT_byte_size");
        if (name is null && SameAnonymousEnum(index) is { } seen) return seen;
        var constants = ImmutableArray.CreateBuilder<EnumConstant>();
        for (var child = e.FirstChild; child >= 0; child = _dies[child].NextSibling)
        {
            ref readonly var c = ref _dies[child];
            if (c.Tag != DwTag.Enumerator) continue;
            if (!c.Is(EntryFields.ConstValue)) throw Error(c.Offset, "enumerator without a constant DW_AT_const_value");
            constants.Add(new EnumConstant(RequireName(child, "enumerator"), c.ConstValue));
        }
        var list = constants.ToImmutable();
        var baseType = UnderlyingType(index, list);
        var anonymous = name is null;
        name ??= AnonymousNames.ForEnum(e.ByteSize, list);
        var layout = new EnumLayout(name, anonymous, e.ByteSize, baseType, list);
        if (anonymous && list.Length > 0) _anonymousEnumsByFirst.TryAdd(list[0].Name, layout);
        return layout;
    }

    /// <summary>
    /// Kernel headers declare many anonymous enums just for their constants, and
    /// every unit of a module repeats them. An enumerator name is unique in its
    /// scope (C11 6.2.1), so an earlier anonymous enum whose first enumerator has
    /// the same name is almost always the same enum: when size, base type and all
    /// constants agree it is reused rather than rebuilt and rehashed.
    /// </summary>
    private EnumLayout? SameAnonymousEnum(int index)
    {
        ref readonly var e = ref _dies[index];
        var first = e.FirstChild;
        while (first >= 0 && _dies[first].Tag != DwTag.Enumerator) first = _dies[first].NextSibling;
        if (first < 0 || _dies.Name(first) is not { } firstName) return null;
        if (!_anonymousEnumsByFirst.TryGetValue(firstName, out var seen) || seen.Size != e.ByteSize) return null;
        var at = 0;
        for (var child = first; child >= 0; child = _dies[child].NextSibling)
        {
            ref readonly var c = ref _dies[child];
            if (c.Tag != DwTag.Enumerator) continue;
            if (at >= seen.Constants.Length || !c.Is(EntryFields.ConstValue) || c.ConstValue != seen.Constants[at].Value
                || _dies.Name(child) != seen.Constants[at].Name)
            {
                return null;
            }
            at++;
        }
        if (at != seen.Constants.Length) return null;
        return UnderlyingType(index, seen.Constants) == seen.BaseType ? seen : null;
    }

    /// <summary>
    /// The enum's underlying base type name. gcc writes DW_AT_type on enums (DWARF 5
    /// section 5.7; also with -gdwarf-4 unless -gstrict-dwarf); without it the type is
    /// the one gcc would pick: unsigned unless a constant is negative (or DW_AT_encoding
    /// says signed), of the enum's size, spelled as gcc names base types.
    /// </summary>
    private string UnderlyingType(int index, ImmutableArray<EnumConstant> constants)
    {
        ref readonly var e = ref _dies[index];
        if (e.Is(EntryFields.Type))
        {
            var target = Target(index, e.Type);
            for (var hops = 0; hops <= MaxDepth; hops++)
            {
                ref readonly var t = ref _dies[target];
                if (t.Tag == DwTag.BaseType) return RegisterBaseType(target);
                if (t.Tag is not (DwTag.Typedef or DwTag.ConstType or DwTag.VolatileType) || !t.Is(EntryFields.Type)) break;
                target = Target(target, t.Type);
            }
            throw Error(e.Offset, "enum's DW_AT_type is not a base type");
        }
        var signed = e.Is(EntryFields.Encoding)
            ? e.Encoding is DwAte.Signed or DwAte.SignedChar
            : constants.Any(c => c.Value < 0);
        return (e.ByteSize, signed) switch
        {
            (1, true) => "signed char",
            (1, false) => "unsigned char",
            (2, true) => "short int",
            (2, false) => "short unsigned int",
            (4, true) => "int",
            (4, false) => "unsigned int",
            (8, true) => "long int",
            (8, false) => "long unsigned int",
            (16, true) => "__int128",
            (16, false) => "__int128 unsigned",
            _ => throw Error(e.Offset, $"enum of {e.ByteSize} bytes"),
        };
    }
}

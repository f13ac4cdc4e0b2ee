using System.Collections.Immutable;
using System.Text;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Layout.Symbols;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>
/// Random ISF inputs from a seed, and random edits of them, for properties of
/// the writer. They reach every path that reads beyond the record it writes or
/// that reports: typedef chains, unknown and cyclic typedefs, bit-fields over
/// typedefs, enums and non-scalars, too-wide bit-fields, anonymous members
/// (sharing an offset or not), repeated member and constant names, unsigned
/// 64-bit enum constants, base types absent from the set, typed symbols with
/// and without addresses, and names that need JSON escapes.
/// </summary>
/// <param name="loneSurrogates">
/// Whether names may hold invalid UTF-16 (a lone surrogate), which
/// <c>Utf8JsonWriter</c> writes as an escaped U+FFFD, so that such output no
/// longer reads back as the same string.
/// </param>
internal sealed class RandomIsfInputs(int seed, bool loneSurrogates = true)
{
    private readonly Random _random = new(seed);

    private const string LoneSurrogate = "lone\uD800";

    private static readonly string[] Names =
    [
        "a", "b", "c", "list_head", "task_struct", "page", "init_task", "linux_banner", "x_y", "Zed",
        "quote\"d", "back\\slash", "tab\tname", "ctl\u0001", "caf\u00e9", "emoji\U0001F600", LoneSurrogate, "<html&>", "plus+slash/", "`tick'",
    ];

    private static readonly string[] BaseNames = ["int", "unsigned int", "char", "long unsigned int", "_Bool", "short int", "double", "complex float", "mystery"];

    private string Name()
    {
        if (_random.Next(4) != 0) return "n" + _random.Next(12);
        var name = Names[_random.Next(Names.Length)];
        return loneSurrogates || name != LoneSurrogate ? name : "n";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public IsfInput Input()
    {
        var baseTypes = BaseNames.Where(_ => _random.Next(5) != 0)
            .Select(n => new BaseTypeLayout(n, Pick([1L, 2, 4, 8]), (BaseTypeEncoding)_random.Next(7)))
            .ToImmutableSortedDictionary(b => b.Name, b => b, StringComparer.Ordinal);
        var typedefs = ImmutableSortedDictionary.CreateBuilder<string, TypedefLayout>(StringComparer.Ordinal);
        for (var i = 0; i < _random.Next(8); i++)
        {
            var index = _random.Next(6);
            typedefs["t" + index] = Typedef(index);
        }
        var enums = ImmutableSortedDictionary.CreateBuilder<string, EnumLayout>(StringComparer.Ordinal);
        for (var i = 0; i < _random.Next(5); i++)
        {
            var e = Enum();
            enums[e.Name] = e;
        }
        var records = ImmutableSortedDictionary.CreateBuilder<string, RecordLayout>(StringComparer.Ordinal);
        for (var i = 0; i < 1 + _random.Next(12); i++)
        {
            var r = Record();
            if (!enums.ContainsKey(r.Name)) records[r.Name] = r;
        }
        var layouts = new LayoutSet(records.ToImmutable(), enums.ToImmutable(), typedefs.ToImmutable(), baseTypes);

        var addresses = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var types = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        for (var i = 0; i < _random.Next(8); i++)
        {
            var name = Name();
            if (_random.Next(4) != 0) addresses[name] = (ulong)_random.NextInt64() | (_random.Next(2) == 0 ? 0xffff_0000_0000_0000UL : 0);
            if (_random.Next(2) == 0) types[name] = Type(2);
        }
        var banner = _random.Next(2) == 0 ? KernelBanner.FromText("Linux version 6.1." + _random.Next(100) + " (gcc) #1 SMP\n", "random").Banner : null;
        return new IsfInput(layouts, addresses, types, banner, new IsfProducer(Name(), "1." + _random.Next(9)),
            [.. Sources()], [.. Sources()], _random.Next(4) != 0);
    }

    private IEnumerable<IsfSourceFile> Sources()
    {
        for (var i = 0; i < _random.Next(3); i++)
        {
            var hash = _random.Next(4) == 0 ? "not-a-hash" : Convert.ToHexString(_random.GetItems<byte>([0x0a, 0xbc, 0x12, 0xf3], 32));
            yield return new IsfSourceFile((IsfSourceKind)_random.Next(3), Name(), hash);
        }
    }

    /// <summary>
    /// Typedef tN names a type that uses only t0..tN-1 below a pointer or array
    /// (C cannot declare a typedef in terms of itself), or names t0..tN directly
    /// (itself: a cycle the writer reports). t6 is never declared.
    /// </summary>
    private TypedefLayout Typedef(int index) =>
        new("t" + index, _random.Next(4) == 0 ? new TypedefTypeRef("t" + _random.Next(index + 1)) : Type(2, index));

    private TypeRef Type(int depth, int typedefs = 7) => _random.Next(depth > 0 ? 9 : 5) switch
    {
        0 => new BaseTypeRef(Pick(BaseNames)),
        1 when typedefs > 0 => new TypedefTypeRef("t" + _random.Next(typedefs)),
        1 => new BaseTypeRef(Pick(BaseNames)),
        2 => new RecordTypeRef((RecordKind)_random.Next(2), Name()),
        3 => new EnumTypeRef(Name()),
        4 => _random.Next(2) == 0 ? VoidTypeRef.Instance : FunctionTypeRef.Instance,
        5 or 6 => new PointerTypeRef(Type(depth - 1, typedefs)),
        _ => new ArrayTypeRef(Type(depth - 1, typedefs), _random.Next(3) == 0 ? null : _random.Next(5)),
    };

    private MemberLayout Member()
    {
        var name = _random.Next(5) == 0 ? null : Name();
        var bitOffset = (long)_random.Next(256);
        if (_random.Next(4) == 0) return new MemberLayout(name, bitOffset, 1 + _random.Next(40), Type(1));
        return new MemberLayout(name, bitOffset / 8 * 8, null, Type(2));
    }

    private RecordLayout Record() =>
        new((RecordKind)_random.Next(2), Name(), _random.Next(3) == 0, _random.Next(64), null, [.. Enumerable.Range(0, _random.Next(7)).Select(_ => Member())]);

    private EnumLayout Enum() =>
        new(Name(), false, Pick([1L, 4, 8]), Pick(BaseNames),
            [.. Enumerable.Range(0, _random.Next(5)).Select(_ => new EnumConstant(Name(), _random.Next(3) == 0 ? long.MinValue + _random.Next(9) : _random.Next(-9, 99)))]);

    /// <summary>One to three random changes: of a record, typedef, enum, base type, or the symbols and banner.</summary>
    public IsfInput Edit(IsfInput input)
    {
        for (var n = 1 + _random.Next(3); n > 0; n--) input = EditOnce(input);
        return input;
    }

    private IsfInput EditOnce(IsfInput input)
    {
        var layouts = input.Layouts;
        switch (_random.Next(8))
        {
            case 0 when layouts.Records.Count > 0:
            {
                var old = Pick(layouts.Records.Values.ToList());
                var members = old.Members.Length > 0 && _random.Next(2) == 0
                    ? old.Members.SetItem(_random.Next(old.Members.Length), Member())
                    : old.Members.Add(Member());
                return input with { Layouts = layouts with { Records = layouts.Records.SetItem(old.Name, old with { Members = members }) } };
            }
            case 1:
            {
                var r = Record();
                return layouts.Enums.ContainsKey(r.Name) ? input : input with { Layouts = layouts with { Records = layouts.Records.SetItem(r.Name, r) } };
            }
            case 2 when layouts.Records.Count > 0:
                return input with { Layouts = layouts with { Records = layouts.Records.Remove(Pick(layouts.Records.Keys.ToList())) } };
            case 3:
            {
                var index = _random.Next(6);
                var typedefs = _random.Next(3) == 0 ? layouts.Typedefs.Remove("t" + index) : layouts.Typedefs.SetItem("t" + index, Typedef(index));
                return input with { Layouts = layouts with { Typedefs = typedefs } };
            }
            case 4:
            {
                var e = Enum();
                var enums = layouts.Enums.ContainsKey(e.Name) && _random.Next(3) == 0 ? layouts.Enums.Remove(e.Name) : layouts.Enums.SetItem(e.Name, e);
                return layouts.Records.ContainsKey(e.Name) ? input : input with { Layouts = layouts with { Enums = enums } };
            }
            case 5:
            {
                var name = Pick(BaseNames);
                var baseTypes = _random.Next(3) == 0
                    ? layouts.BaseTypes.Remove(name)
                    : layouts.BaseTypes.SetItem(name, new BaseTypeLayout(name, Pick([1L, 2, 4, 8]), (BaseTypeEncoding)_random.Next(7)));
                return input with { Layouts = layouts with { BaseTypes = baseTypes } };
            }
            case 6:
            {
                var types = new Dictionary<string, TypeRef>(input.SymbolTypes, StringComparer.Ordinal) { [Name()] = Type(2) };
                var addresses = new Dictionary<string, ulong>(input.SymbolAddresses, StringComparer.Ordinal) { [Name()] = (ulong)_random.Next() };
                return input with { SymbolTypes = types, SymbolAddresses = _random.Next(2) == 0 ? addresses : input.SymbolAddresses };
            }
            default:
                return input with { Banner = _random.Next(2) == 0 ? null : KernelBanner.FromText("Linux version 6.1." + _random.Next(100) + " (gcc) #1 SMP\n", "random").Banner };
        }
    }
}

using System.Globalization;
using System.Text;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// Writes a generated declaration set (<see cref="RandomDeclarations"/>) as GNU C
/// in varied spellings, to exercise the binder where the engine's own emitter
/// always writes one form: every integer (array bound, bit-field width,
/// aligned and vector_size argument, enumerator value) as a random constant
/// expression (<see cref="IntegerSpeller"/>); attributes in every position gcc
/// gives the same meaning (after the struct keyword or the closing brace,
/// before or after a member's declarator, <c>_Alignas</c> for a member's
/// <c>aligned(N)</c>, spelled with or without underscores); qualifiers before or
/// after the type; implicit enumerator values. Then extra declarations that
/// only a binder must understand: typedef chains, <c>typeof</c> of members,
/// and arrays sized by <c>sizeof</c>/<c>offsetof</c> of earlier structs.
/// </summary>
public sealed class ProofEmitter
{
    private readonly TypeTable _table;
    private readonly Declarations _declarations;
    private readonly Random _random;
    private readonly IntegerSpeller _speller;
    private readonly LayoutEngine _engine;
    private readonly string _prefix;
    private int _names;

    public ProofEmitter(Declarations declarations, int seed)
    {
        _declarations = declarations;
        _table = declarations.Table;
        _random = new Random(seed);
        _speller = new IntegerSpeller(_random);
        _engine = new LayoutEngine(X86_64SysV.Instance, _table);
        _prefix = "p" + seed.ToString("x", CultureInfo.InvariantCulture) + "_";
    }

    public static string Emit(Declarations declarations, int seed) => new ProofEmitter(declarations, seed).Emit();

    public string Emit()
    {
        var text = new StringBuilder();
        foreach (var id in _table.Records.Keys.Where(id => id.Tag is not null).OrderBy(id => id.Tag, StringComparer.Ordinal))
        {
            text.Append(id.Kind == AggregateKind.Struct ? "struct " : "union ").Append(id.Tag).Append(";\n");
        }
        var tagged = new List<RecordId>();
        foreach (var declaration in _declarations.Order)
        {
            text.Append(Emit(declaration)).Append('\n');
            if (declaration is RecordDeclaration r)
            {
                tagged.Add(r.Id);
                RegisterFacts(r.Id);
            }
        }
        text.Append(Extras(tagged));
        return text.ToString();
    }

    private string Emit(TopLevel declaration) => declaration switch
    {
        RecordDeclaration r => WithPragma(PackOf(r.Id), RecordBody(r.Id) + ";"),
        EnumDeclaration e => EnumBody(e.Id) + ";",
        TypedefDeclaration t => WithPragma(
            t.Typedef.Target.StripTypedefsAndQualifiers() is RecordType { Id.IsAnonymous: true } inner ? PackOf(inner.Id) : null,
            Typedef(t.Typedef)),
        _ => throw new ArgumentException("unknown declaration " + declaration),
    };

    private string Typedef(TypedefType typedef)
    {
        var aligned = typedef.Aligned is { } a ? Attribute(Aligned(a)) : null;
        if (aligned is not null && Chance(50)) return "typedef " + aligned + " " + Declaration(typedef.Target, typedef.Name, []) + ";";
        return "typedef " + Declaration(typedef.Target, typedef.Name, aligned is null ? [] : [Aligned(typedef.Aligned!.Value)]) + ";";
    }

    /// <summary>A declaration with the given attributes after the declarator (type attributes of mode and vector types added).</summary>
    private string Declaration(CType type, string name, IReadOnlyList<string> attributes, long? bitWidth = null, IReadOnlyList<string>? prefix = null)
    {
        var trailing = new List<string>();
        if (type is ModeType mode)
        {
            trailing.Add(Word("mode") + "(" + ModeName(mode.Mode) + ")");
            type = mode.Base;
        }
        var declarator = Declarator(type, name, trailing);
        if (bitWidth is { } width) declarator += " : " + _speller.Spell(width);
        trailing.AddRange(attributes);
        var before = prefix is { Count: > 0 } ? Attribute(prefix) + " " : "";
        if (trailing.Count > 0)
        {
            // Type attributes (mode, vector_size) and declaration attributes may go before the specifiers too.
            if (prefix is null && Chance(25)) return Attribute(trailing) + " " + declarator;
            return before + declarator + " " + Attribute(trailing);
        }
        return before + declarator;
    }

    private string Declarator(CType type, string inner, List<string> trailing)
    {
        switch (type)
        {
            case PointerType pointer:
                return Declarator(pointer.Target, Parenthesize(pointer.Target, "*" + inner), trailing);
            case QualifiedType { Unqualified: PointerType pointer } qualified:
                return Declarator(pointer.Target, Parenthesize(pointer.Target, "*" + Qualifiers(qualified.Qualifiers) + " " + inner), trailing);
            case QualifiedType qualified:
                var body = Declarator(qualified.Unqualified, inner, trailing);
                // "const T x" or "T const x": the same type (C11 6.7.2p2 allows any order of specifiers and qualifiers).
                return Chance(50) || qualified.Unqualified is not (ScalarType or TypedefType)
                    ? Qualifiers(qualified.Qualifiers) + " " + body
                    : InsertAfterSpecifier(body, Qualifiers(qualified.Qualifiers), qualified.Unqualified);
            case ArrayType array:
                return Declarator(array.Element, inner + "[" + (array.Length is { } n ? _speller.Spell(n) : "") + "]", trailing);
            case FunctionType function:
                var parameters = function.Parameters.Length == 0 ? "void" : string.Join(", ", function.Parameters.Select(p => Declarator(p, "", [])));
                return Declarator(function.Return, inner + "(" + parameters + (function.IsVariadic ? ", ..." : "") + ")", trailing);
            case VectorType vector:
                trailing.Add(Word("vector_size") + "(" + _speller.Spell(vector.SizeBytes) + ")");
                return Declarator(vector.Element, inner, trailing);
            default:
                var specifier = Specifier(type);
                return inner.Length == 0 ? specifier : specifier + " " + inner;
        }
    }

    private static string InsertAfterSpecifier(string body, string qualifiers, CType specifierType)
    {
        var specifier = specifierType is ScalarType s ? s.Spelling : ((TypedefType)specifierType).Name;
        return body.StartsWith(specifier, StringComparison.Ordinal) ? specifier + " " + qualifiers + body[specifier.Length..] : qualifiers + " " + body;
    }

    private static string Parenthesize(CType target, string declarator) =>
        target.Unqualified() is ArrayType or FunctionType ? "(" + declarator + ")" : declarator;

    private string Specifier(CType type) => type switch
    {
        VoidType => "void",
        ScalarType scalar => scalar.Spelling,
        TypedefType typedef => typedef.Name,
        RecordType { Id.IsAnonymous: true } record => RecordBody(record.Id),
        RecordType record => (record.Id.Kind == AggregateKind.Struct ? "struct " : "union ") + record.Id.Tag,
        EnumType { Id.IsAnonymous: true } @enum => EnumBody(@enum.Id),
        EnumType @enum => "enum " + @enum.Id.Tag,
        _ => throw new NotSupportedException("no specifier for " + type.Spelling),
    };

    private string RecordBody(RecordId id)
    {
        var definition = _table.FindRecord(id) ?? throw new InvalidOperationException(id + " is not defined");
        var a = definition.Attributes;
        var attributes = new List<string>();
        if (a.Packed) attributes.Add(Word("packed"));
        if (a.Aligned is { } recordAligned) attributes.Add(Aligned(recordAligned));
        if (a.TransparentUnion) attributes.Add(Word("transparent_union"));
        if (a.DesignatedInit) attributes.Add(Word("designated_init"));
        // Attributes of the type go after the keyword, after the closing brace, or some in each place (in order: the last aligned wins).
        var split = attributes.Count == 0 ? 0 : _random.Next(attributes.Count + 1);
        var text = new StringBuilder(id.Kind == AggregateKind.Struct ? "struct" : "union");
        if (split > 0) text.Append(' ').Append(Attribute(attributes.Take(split).ToList()));
        if (id.Tag is not null) text.Append(' ').Append(id.Tag);
        text.Append(" {\n");
        foreach (var field in definition.Fields) text.Append("  ").Append(Member(field)).Append(";\n");
        text.Append('}');
        if (split < attributes.Count) text.Append(' ').Append(Attribute(attributes.Skip(split).ToList()));
        return text.ToString();
    }

    private string Member(Field field)
    {
        var attributes = new List<string>();
        if (field.Attributes.Packed) attributes.Add(Word("packed"));
        string alignas = "";
        if (field.Attributes.Aligned is { } aligned)
        {
            // _Alignas(N) means aligned(N) on a member, but may not lower the natural alignment nor apply to a bit-field.
            var natural = _engine.AlignOf(field.Type);
            if (!aligned.Biggest && !field.IsBitField && natural.TryGet(out var n) && aligned.Bytes >= n && Chance(30))
            {
                alignas = "_Alignas(" + _speller.Spell(aligned.Bytes) + ") ";
            }
            else
            {
                attributes.Add(Aligned(aligned));
            }
        }
        var prefix = new List<string>();
        foreach (var attribute in attributes.ToList())
        {
            if (Chance(35))
            {
                prefix.Add(attribute);
                attributes.Remove(attribute);
            }
        }
        return alignas + Declaration(field.Type, field.Name ?? "", attributes, field.BitWidth, prefix);
    }

    private string EnumBody(EnumId id)
    {
        var definition = _table.FindEnum(id) ?? throw new InvalidOperationException(id + " is not defined");
        var attributes = new List<string>();
        if (definition.Packed) attributes.Add(Word("packed"));
        if (definition.Mode is { } mode) attributes.Add(Word("mode") + "(" + ModeName(mode) + ")");
        var afterBrace = Chance(50);
        var text = new StringBuilder("enum");
        if (attributes.Count > 0 && !afterBrace) text.Append(' ').Append(Attribute(attributes));
        if (id.Tag is not null) text.Append(' ').Append(id.Tag);
        text.Append(" { ");
        Int128? previous = null;
        var parts = new List<string>();
        foreach (var e in definition.Enumerators)
        {
            // An implicit value is the previous one plus one, computed in the previous constant's type: only written where that cannot overflow.
            var implicitOk = previous is { } p ? p + 1 == e.Value && p >= int.MinValue && p < int.MaxValue : e.Value == 0;
            parts.Add(implicitOk && Chance(50) ? e.Name : e.Name + " = " + _speller.Spell(e.Value));
            _speller.AddConstant(e.Name, e.Value);
            previous = e.Value;
        }
        text.Append(string.Join(", ", parts)).Append(Chance(20) ? ", }" : " }");
        if (attributes.Count > 0 && afterBrace) text.Append(' ').Append(Attribute(attributes));
        return text.ToString();
    }

    /// <summary>After a struct is emitted, expressions about it may size later arrays: sizeof it, and offsetof some members.</summary>
    private void RegisterFacts(RecordId id)
    {
        var tag = (id.Kind == AggregateKind.Struct ? "struct " : "union ") + id.Tag;
        if (_engine.SizeOf(new RecordType(id)).TryGet(out var size) && Chance(50)) _speller.AddFact($"sizeof({tag})", size);
        var definition = _table.FindRecord(id)!;
        foreach (var field in definition.Fields.Where(f => f.Name is not null && !f.IsBitField).Take(2))
        {
            if (_engine.OffsetOf(new RecordType(id), [new MemberDesignator(field.Name!)]).TryGet(out var offset))
            {
                _speller.AddFact($"__builtin_offsetof({tag}, {field.Name})", offset);
            }
        }
    }

    private static readonly Int128[] EnumValues =
    [
        0, 1, 2, 7, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, (Int128)int.MaxValue + 1, uint.MaxValue,
        (Int128)uint.MaxValue + 1, long.MaxValue, -1, -2, -128, -129, -32768, -32769, int.MinValue, (Int128)int.MinValue - 1, long.MinValue,
        ulong.MaxValue, (Int128)long.MaxValue + 1,
    ];

    /// <summary>
    /// More enums than the generator makes: values anywhere in 64 bits, signed
    /// or not, runs of implicit values, values that use earlier constants, and
    /// packed / mode(...) attributes that pick the underlying type.
    /// </summary>
    private string ExtraEnum()
    {
        var n = _names++;
        var count = 1 + _random.Next(6);
        var values = new List<Int128>();
        for (var i = 0; i < count; i++)
        {
            values.Add(i > 0 && Chance(40) && values[^1] < int.MaxValue && values[^1] >= int.MinValue ? values[^1] + 1 : EnumValues[_random.Next(EnumValues.Length)]);
        }
        // gcc has no type for a mix of negative values and values above LONG_MAX.
        if (values.Any(v => v < 0) && values.Any(v => v > long.MaxValue)) values = [.. values.Select(v => v > long.MaxValue ? long.MaxValue : v)];
        var attributes = new List<string>();
        if (Chance(30)) attributes.Add(Word("packed"));
        else if (Chance(15))
        {
            var min = values.Min();
            var max = values.Max();
            var bits = min < 0
                ? Math.Max(NeededSigned(min), NeededSigned(max))
                : NeededUnsigned(max);
            var modes = new[] { ("QI", 8), ("HI", 16), ("SI", 32), ("DI", 64), ("byte", 8), ("word", 64) }.Where(m => m.Item2 >= bits).ToArray();
            if (modes.Length > 0) attributes.Add(Word("mode") + "(" + modes[_random.Next(modes.Length)].Item1 + ")");
        }
        var tag = Chance(70) ? $"{_prefix}xe{n}" : null;
        var definition = new EnumDefinition(new EnumId(tag, tag is null ? "x" + n : null),
            [.. values.Select((v, i) => new Enumerator($"{_prefix.ToUpperInvariant()}X{n}_{i}", v))], false, null);
        var body = new StringBuilder("enum");
        var afterBrace = Chance(50);
        if (attributes.Count > 0 && !afterBrace) body.Append(' ').Append(Attribute(attributes));
        if (tag is not null) body.Append(' ').Append(tag);
        body.Append(" { ");
        Int128? previous = null;
        var parts = new List<string>();
        foreach (var e in definition.Enumerators)
        {
            var implicitOk = previous is { } p ? p + 1 == e.Value && p >= int.MinValue && p < int.MaxValue : e.Value == 0;
            parts.Add(implicitOk && Chance(60) ? e.Name : e.Name + " = " + _speller.Spell(e.Value));
            _speller.AddConstant(e.Name, e.Value);
            previous = e.Value;
        }
        body.Append(string.Join(", ", parts)).Append(" }");
        if (attributes.Count > 0 && afterBrace) body.Append(' ').Append(Attribute(attributes));
        return tag is null ? $"typedef {body} {_prefix}xet{n};\n" : body + ";\n";
    }

    private static int NeededSigned(Int128 value) => 129 - (int)Int128.LeadingZeroCount(value < 0 ? ~value : value);

    private static int NeededUnsigned(Int128 value) => Math.Max(1, 128 - (int)Int128.LeadingZeroCount(value));

    /// <summary>Declarations only a binder has to understand, built on the generated records.</summary>
    private string Extras(List<RecordId> tagged)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 25; i++) text.Append(ExtraEnum());
        foreach (var id in tagged)
        {
            if (!Chance(30)) continue;
            var tag = (id.Kind == AggregateKind.Struct ? "struct " : "union ") + id.Tag;
            var definition = _table.FindRecord(id)!;
            var n = _names++;
            var arrayable = !HasFlexibleArray(id, 0) && _engine.SizeOf(new RecordType(id)).IsOk;
            var chain = $"{_prefix}chain{n}";
            text.Append($"typedef {tag} {chain}_a;\ntypedef {chain}_a {chain}_b;\ntypedef const {chain}_b {chain}_c;\n");
            text.Append($"struct {chain}_user {{ {(arrayable ? $"{chain}_c x[2]; " : "")}{chain}_b *self; {chain}_c *const *pp; }};\n");
            var member = definition.Fields.FirstOrDefault(f => f.Name is not null && !f.IsBitField);
            if (member is null) continue;
            var typeofName = $"{_prefix}typeof{n}";
            text.Append($"typedef __typeof__((({tag} *)0)->{member.Name}) {typeofName};\n");
            var complete = _engine.SizeOf(member.Type).IsOk && !HasFlexibleArrayType(member.Type);
            text.Append($"struct {typeofName}_user {{ typeof({typeofName}) *p; char c; ");
            if (complete) text.Append($"char sized[sizeof({typeofName}) + {_speller.Spell(1)}]; ");
            text.Append($"char at[__builtin_offsetof({tag}, {member.Name}) + 1]; }};\n");
        }
        return text.ToString();
    }

    private bool HasFlexibleArray(RecordId id, int depth)
    {
        if (depth > 10 || _table.FindRecord(id) is not { } definition) return false;
        return definition.Fields.Any(f => HasFlexibleArrayType(f.Type) || (f.Type.StripTypedefsAndQualifiers() is RecordType r && HasFlexibleArray(r.Id, depth + 1)));
    }

    private static bool HasFlexibleArrayType(CType type) => type.StripTypedefsAndQualifiers() is ArrayType { Length: null };

    private int? PackOf(RecordId id) => _table.FindRecord(id)?.Attributes.PackPragma;

    private string WithPragma(int? pack, string declaration) => pack switch
    {
        null => declaration,
        { } n when Chance(50) => $"#pragma pack(push, {n})\n{declaration}\n#pragma pack(pop)",
        { } n => $"#pragma pack({n})\n{declaration}\n#pragma pack()",
    };

    /// <summary>An attribute name, as written in the GNU manual or with gcc's double underscores.</summary>
    private string Word(string name) => Chance(50) ? name : "__" + name + "__";

    private string Attribute(IReadOnlyList<string> attributes) => (Chance(80) ? "__attribute__" : "__attribute") + "((" + string.Join(", ", attributes) + "))";

    private string Attribute(string attribute) => Attribute([attribute]);

    /// <summary>Bare and explicit aligned both: the smaller first, so the larger applies whether the last (types) or the largest (members) wins.</summary>
    private string Aligned(AlignedAttribute aligned)
    {
        var word = Word("aligned");
        var explicitly = word + "(" + _speller.Spell(aligned.Bytes) + ")";
        if (!aligned.Biggest) return explicitly;
        if (aligned.Bytes == 0) return word;
        return aligned.Bytes > 16 ? word + ", " + explicitly : explicitly + ", " + word;
    }

    private static string Qualifiers(TypeQualifiers qualifiers) =>
        string.Join(" ", new[]
        {
            (qualifiers & TypeQualifiers.Const) != 0 ? "const" : null,
            (qualifiers & TypeQualifiers.Volatile) != 0 ? "volatile" : null,
            (qualifiers & TypeQualifiers.Restrict) != 0 ? "restrict" : null,
        }.Where(q => q is not null));

    private string ModeName(MachineMode mode)
    {
        var name = mode switch
        {
            MachineMode.Byte => "byte",
            MachineMode.Word => "word",
            MachineMode.Pointer => "pointer",
            MachineMode.UnwindWord => "unwind_word",
            _ => mode.ToString(),
        };
        return Chance(50) ? name : "__" + name + "__";
    }

    private bool Chance(int percent) => _random.Next(100) < percent;
}

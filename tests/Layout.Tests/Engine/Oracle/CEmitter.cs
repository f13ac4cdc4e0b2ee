using System.Globalization;
using System.Text;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// Writes a <see cref="Declarations"/> set as GNU C that gcc accepts:
/// forward declarations of every tag, then the top-level declarations in
/// order; anonymous records and enums inline where used; attributes where gcc
/// applies them to the same thing the type model says (record attributes after
/// the closing brace, member attributes after the declarator, <c>#pragma pack</c>
/// around a top-level definition). Reused by the DWARF comparison: the C it
/// writes is the source both sides read.
/// </summary>
public sealed class CEmitter(TypeTable table)
{
    public static string Emit(Declarations declarations) => new CEmitter(declarations.Table).EmitAll(declarations);

    public string EmitAll(Declarations declarations)
    {
        var text = new StringBuilder();
        foreach (var id in declarations.Table.Records.Keys.Where(id => id.Tag is not null).OrderBy(id => id.Tag, StringComparer.Ordinal))
        {
            text.Append(id.Kind == AggregateKind.Struct ? "struct " : "union ").Append(id.Tag).Append(";\n");
        }
        foreach (var declaration in declarations.Order) text.Append(Emit(declaration)).Append('\n');
        return text.ToString();
    }

    public string Emit(TopLevel declaration) => declaration switch
    {
        RecordDeclaration r => WithPragma(PackOf(r.Id), RecordBody(r.Id) + ";"),
        EnumDeclaration e => EnumBody(e.Id) + ";",
        TypedefDeclaration t => WithPragma(
            t.Typedef.Target.StripTypedefsAndQualifiers() is RecordType { Id.IsAnonymous: true } inner ? PackOf(inner.Id) : null,
            "typedef " + Declaration(t.Typedef.Target, t.Typedef.Name, t.Typedef.Aligned is { } a ? [Aligned(a)] : []) + ";"),
        _ => throw new ArgumentException("unknown declaration " + declaration),
    };

    /// <summary>A declaration of <paramref name="name"/> with <paramref name="type"/>, attributes after the declarator.</summary>
    public string Declaration(CType type, string name, IReadOnlyList<string> attributes, long? bitWidth = null)
    {
        var trailing = new List<string>();
        // mode() applies to the declared type as a whole, so it may only be the outermost type.
        if (type is ModeType mode)
        {
            trailing.Add("__mode__(" + ModeName(mode.Mode) + ")");
            type = mode.Base;
        }
        var text = Declarator(type, name, trailing);
        if (bitWidth is { } width) text += " : " + width.ToString(CultureInfo.InvariantCulture);
        trailing.AddRange(attributes);
        if (trailing.Count > 0) text += " __attribute__((" + string.Join(", ", trailing) + "))";
        return text;
    }

    /// <summary>
    /// C's inside-out declarator syntax: pointers prefix, arrays and functions
    /// suffix, parentheses where a pointer meets an array or function.
    /// A vector type contributes <c>vector_size</c>, which gcc applies to the
    /// innermost type of the declaration.
    /// </summary>
    private string Declarator(CType type, string inner, List<string> trailing)
    {
        switch (type)
        {
            case PointerType pointer:
                return Declarator(pointer.Target, Parenthesize(pointer.Target, "*" + inner), trailing);
            case QualifiedType { Unqualified: PointerType pointer } qualified:
                return Declarator(pointer.Target, Parenthesize(pointer.Target, "*" + Qualifiers(qualified.Qualifiers) + " " + inner), trailing);
            case QualifiedType qualified:
                return Qualifiers(qualified.Qualifiers) + " " + Declarator(qualified.Unqualified, inner, trailing);
            case ArrayType array:
                return Declarator(array.Element, inner + "[" + (array.Length?.ToString(CultureInfo.InvariantCulture) ?? "") + "]", trailing);
            case FunctionType function:
                var parameters = function.Parameters.Length == 0 ? "void" : string.Join(", ", function.Parameters.Select(p => Declarator(p, "", trailing: [])));
                return Declarator(function.Return, inner + "(" + parameters + (function.IsVariadic ? ", ..." : "") + ")", trailing);
            case VectorType vector:
                trailing.Add("__vector_size__(" + vector.SizeBytes.ToString(CultureInfo.InvariantCulture) + ")");
                return Declarator(vector.Element, inner, trailing);
            case ModeType:
                throw new NotSupportedException("mode() can only be emitted as the outermost type of a declaration");
            default:
                var specifier = Specifier(type);
                return inner.Length == 0 ? specifier : specifier + " " + inner;
        }
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
        var definition = table.FindRecord(id) ?? throw new InvalidOperationException(id + " is not defined");
        var text = new StringBuilder();
        text.Append(id.Kind == AggregateKind.Struct ? "struct" : "union");
        if (id.Tag is not null) text.Append(' ').Append(id.Tag);
        text.Append(" {\n");
        foreach (var field in definition.Fields)
        {
            if (InlineRecord(field.Type) is { } nested && PackOf(nested) != definition.Attributes.PackPragma)
            {
                throw new NotSupportedException("#pragma pack cannot differ between a record and an anonymous record inside it");
            }
            var attributes = new List<string>();
            if (field.Attributes.Packed) attributes.Add("__packed__");
            if (field.Attributes.Aligned is { } aligned) attributes.Add(Aligned(aligned));
            text.Append("  ").Append(Declaration(field.Type, field.Name ?? "", attributes, field.BitWidth)).Append(";\n");
        }
        text.Append('}');
        var recordAttributes = new List<string>();
        var a = definition.Attributes;
        if (a.Packed) recordAttributes.Add("__packed__");
        if (a.Aligned is { } recordAligned) recordAttributes.Add(Aligned(recordAligned));
        if (a.TransparentUnion) recordAttributes.Add("__transparent_union__");
        if (a.DesignatedInit) recordAttributes.Add("__designated_init__");
        if (recordAttributes.Count > 0) text.Append(" __attribute__((").Append(string.Join(", ", recordAttributes)).Append("))");
        return text.ToString();
    }

    private string EnumBody(EnumId id)
    {
        var definition = table.FindEnum(id) ?? throw new InvalidOperationException(id + " is not defined");
        var text = new StringBuilder("enum");
        var attributes = new List<string>();
        if (definition.Packed) attributes.Add("__packed__");
        if (definition.Mode is { } mode) attributes.Add("__mode__(" + ModeName(mode) + ")");
        if (attributes.Count > 0) text.Append(" __attribute__((").Append(string.Join(", ", attributes)).Append("))");
        if (id.Tag is not null) text.Append(' ').Append(id.Tag);
        text.Append(" { ");
        text.Append(string.Join(", ", definition.Enumerators.Select(e => e.Name + " = " + IntegerLiteral(e.Value))));
        text.Append(" }");
        return text.ToString();
    }

    /// <summary>The anonymous record written inline in a member declaration (through qualifiers and arrays, not typedefs).</summary>
    private static RecordId? InlineRecord(CType type)
    {
        while (true)
        {
            switch (type)
            {
                case QualifiedType q: type = q.Unqualified; break;
                case ArrayType a: type = a.Element; break;
                case RecordType { Id.IsAnonymous: true } r: return r.Id;
                default: return null;
            }
        }
    }

    private int? PackOf(RecordId id) => table.FindRecord(id)?.Attributes.PackPragma;

    private static string WithPragma(int? pack, string declaration) =>
        pack is { } n ? $"#pragma pack(push, {n})\n{declaration}\n#pragma pack(pop)" : declaration;

    /// <summary>
    /// Both bare and explicit: written smaller first, so that the larger applies
    /// both on members (gcc takes the largest) and on types (gcc takes the last);
    /// bare aligned is 16 bytes on x86-64.
    /// </summary>
    private static string Aligned(AlignedAttribute aligned)
    {
        var explicitly = "__aligned__(" + aligned.Bytes.ToString(CultureInfo.InvariantCulture) + ")";
        if (!aligned.Biggest) return explicitly;
        if (aligned.Bytes == 0) return "__aligned__";
        return aligned.Bytes > 16 ? "__aligned__, " + explicitly : explicitly + ", __aligned__";
    }

    private static string Qualifiers(TypeQualifiers qualifiers) =>
        string.Join(" ", new[]
        {
            (qualifiers & TypeQualifiers.Const) != 0 ? "const" : null,
            (qualifiers & TypeQualifiers.Volatile) != 0 ? "volatile" : null,
            (qualifiers & TypeQualifiers.Restrict) != 0 ? "restrict" : null,
        }.Where(q => q is not null));

    private static string ModeName(MachineMode mode) => mode switch
    {
        MachineMode.Byte => "__byte__",
        MachineMode.Word => "__word__",
        MachineMode.Pointer => "__pointer__",
        MachineMode.UnwindWord => "__unwind_word__",
        _ => "__" + mode + "__",
    };

    /// <summary>An integer constant gcc reads as that value: long long for what int cannot hold, unsigned long long beyond.</summary>
    public static string IntegerLiteral(Int128 value)
    {
        if (value >= int.MinValue && value <= int.MaxValue) return value.ToString(CultureInfo.InvariantCulture);
        if (value == long.MinValue) return "(-9223372036854775807LL - 1)";
        if (value >= long.MinValue && value <= long.MaxValue) return value.ToString(CultureInfo.InvariantCulture) + "LL";
        if (value > long.MaxValue && value <= ulong.MaxValue) return "0x" + ((ulong)value).ToString("x", CultureInfo.InvariantCulture) + "ULL";
        throw new NotSupportedException("enum value beyond 64 bits: " + value);
    }
}

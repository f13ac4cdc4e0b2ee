using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>The counts of type-specifier keywords (C11 6.7.2p2 lists the valid multisets).</summary>
    private struct KeywordCounts
    {
        public int Void, Char, Short, Int, Long, Float, Double, Signed, Unsigned, Bool, Complex, Int128, AutoType;
        public ScalarKind? FloatN;

        public readonly bool Any =>
            Void + Char + Short + Int + Long + Float + Double + Signed + Unsigned + Bool + Complex + Int128 + AutoType > 0 || FloatN is not null;
    }

    /// <summary>
    /// Binds declaration specifiers. <paramref name="declaresTagOnly"/> is set for a
    /// declaration without declarators ("struct s;"), where a tag without a body
    /// declares a new type in the current scope (C11 6.7.2.3p7).
    /// </summary>
    /// <summary>Slots: one per specifier, a token (keyword or typedef name) or a node (struct, union, enum, typeof, _Atomic( ), _Alignas, __attribute__).</summary>
    private DeclarationSpecifiers BindSpecifiers(GNode specifiers, bool declaresTagOnly)
    {
        var attributes = new AttributeSet();
        if (!specifiers.IsPresent)
        {
            // gnu11 implicit int ("x;" at file scope), already warned about by the parser.
            return new DeclarationSpecifiers(ScalarType.Int, StorageClass.None, attributes, null, false, false);
        }
        var counts = new KeywordCounts();
        var storage = StorageClass.None;
        var qualifiers = TypeQualifiers.None;
        CType? named = null;
        AlignedAttribute? alignas = null;
        var definesUntagged = false;
        foreach (var child in specifiers)
        {
            if (child.IsToken)
            {
                var token = child.Token;
                var keyword = token.Keyword;
                if (keyword == CKeyword.None)
                {
                    named = TypedefName(token) ?? ScalarType.Int;
                    continue;
                }
                switch (keyword)
                {
                    case CKeyword.Typedef: storage = StorageClass.Typedef; break;
                    case CKeyword.Extern: storage = StorageClass.Extern; break;
                    case CKeyword.Static: storage = StorageClass.Static; break;
                    case CKeyword.Auto: storage = StorageClass.Auto; break;
                    case CKeyword.Register: storage = StorageClass.Register; break;
                    case CKeyword.Void: counts.Void++; break;
                    case CKeyword.Char: counts.Char++; break;
                    case CKeyword.Short: counts.Short++; break;
                    case CKeyword.Int: counts.Int++; break;
                    case CKeyword.Long: counts.Long++; break;
                    case CKeyword.Float: counts.Float++; break;
                    case CKeyword.Double: counts.Double++; break;
                    case CKeyword.Signed: counts.Signed++; break;
                    case CKeyword.Unsigned: counts.Unsigned++; break;
                    case CKeyword.Bool: counts.Bool++; break;
                    case CKeyword.Complex: counts.Complex++; break;
                    case CKeyword.Int128: counts.Int128++; break;
                    case CKeyword.AutoType: counts.AutoType++; break;
                    // _FloatN are distinct types in gcc with the layout of float, double, long double (TS 18661-3).
                    case CKeyword.Float16: counts.FloatN = ScalarKind.Float16; break;
                    case CKeyword.Float32: counts.FloatN = ScalarKind.Float; break;
                    case CKeyword.Float64 or CKeyword.Float32x: counts.FloatN = ScalarKind.Double; break;
                    case CKeyword.Float64x: counts.FloatN = ScalarKind.LongDouble; break;
                    case CKeyword.Float128: counts.FloatN = ScalarKind.Float128; break;
                    case CKeyword.Float128x or CKeyword.Decimal32 or CKeyword.Decimal64 or CKeyword.Decimal128:
                        Report(SemanticDiagnostics.Unsupported, token, "type '" + token.ValueText + "'");
                        counts.FloatN = ScalarKind.Double;
                        break;
                    case CKeyword.Const: qualifiers |= TypeQualifiers.Const; break;
                    case CKeyword.Volatile: qualifiers |= TypeQualifiers.Volatile; break;
                    case CKeyword.Restrict: qualifiers |= TypeQualifiers.Restrict; break;
                    // _Atomic and the x86 address spaces (__seg_fs, __seg_gs) change no layout the kernel relies on.
                }
                continue;
            }
            var childNode = child.Node;
            switch (childNode.Kind)
            {
                case SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier:
                    named = BindRecordSpecifier(childNode, declaresTagOnly);
                    definesUntagged = childNode.HasSlot(3) && !childNode.Token(2).IsPresent;
                    break;
                case SyntaxKind.EnumSpecifier:
                    named = BindEnumSpecifier(childNode, declaresTagOnly);
                    break;
                case SyntaxKind.TypeofSpecifier:
                    named = BindTypeof(childNode) ?? ScalarType.Int;
                    break;
                case SyntaxKind.AtomicTypeSpecifier:
                    named = childNode.Node(2) is { IsPresent: true } inner ? BindTypeName(inner) ?? ScalarType.Int : ScalarType.Int;
                    break;
                case SyntaxKind.AlignasSpecifier:
                    if (Alignas(childNode) is { } a) alignas = alignas is { } known ? AlignedAttribute.Combine(known, a) : a;
                    break;
                case SyntaxKind.AttributeSpecifier:
                    ReadAttributes(childNode, ref attributes);
                    break;
            }
        }

        CType type;
        if (named is not null)
        {
            if (counts.Any) Report(SemanticDiagnostics.InvalidTypeSpecifiers, specifiers, "two or more data types in declaration specifiers");
            type = named;
        }
        else
        {
            type = FromKeywords(counts, specifiers);
        }
        return new DeclarationSpecifiers(QualifyObject(type, qualifiers), storage, attributes, alignas, definesUntagged, counts.AutoType > 0);
    }

    /// <summary>
    /// Qualifies a type; qualifiers on an array type, even one named by a
    /// typedef, apply to its elements instead (C11 6.7.3p9: "const arr_t" is an
    /// array of const int, and gcc's type, hence its DWARF, no longer carries
    /// the typedef name).
    /// </summary>
    private static CType QualifyObject(CType type, TypeQualifiers qualifiers)
    {
        if (qualifiers == TypeQualifiers.None) return type;
        var stripped = type;
        while (stripped is TypedefType typedef) stripped = typedef.Target;
        return stripped is ArrayType array
            ? array with { Element = QualifyObject(array.Element, qualifiers) }
            : CTypes.Qualify(type, qualifiers);
    }

    /// <summary>The arithmetic type a valid multiset of specifier keywords names (C11 6.7.2p2); none at all is implicit int.</summary>
    private CType FromKeywords(KeywordCounts c, GNode at)
    {
        if (c.AutoType > 0) return ScalarType.Int;
        if (c.Void > 0) return VoidType.Instance;
        if (c.Bool > 0) return ScalarType.Bool;
        if (c.FloatN is { } floatN) return new ScalarType(floatN);
        var unsigned = c.Unsigned > 0;
        if (unsigned && c.Signed > 0) Report(SemanticDiagnostics.InvalidTypeSpecifiers, at, "both 'signed' and 'unsigned' in declaration specifiers");
        if (c.Float > 0) return c.Complex > 0 ? ScalarType.ComplexFloat : ScalarType.Float;
        if (c.Double > 0)
        {
            var isLong = c.Long > 0;
            if (c.Complex > 0) return isLong ? ScalarType.ComplexLongDouble : ScalarType.ComplexDouble;
            return isLong ? ScalarType.LongDouble : ScalarType.Double;
        }
        if (c.Complex > 0 && c.Char + c.Short + c.Int + c.Long + c.Int128 + c.Signed + c.Unsigned == 0) return ScalarType.ComplexDouble;
        if (c.Complex > 0) Report(SemanticDiagnostics.Unsupported, at, "complex integer type");
        if (c.Char > 0) return unsigned ? ScalarType.UnsignedChar : c.Signed > 0 ? ScalarType.SignedChar : ScalarType.Char;
        if (c.Short > 0) return unsigned ? ScalarType.UnsignedShort : ScalarType.Short;
        if (c.Int128 > 0) return unsigned ? ScalarType.UnsignedInt128 : ScalarType.Int128;
        if (c.Long >= 2) return unsigned ? ScalarType.UnsignedLongLong : ScalarType.LongLong;
        if (c.Long == 1) return unsigned ? ScalarType.UnsignedLong : ScalarType.Long;
        return unsigned ? ScalarType.UnsignedInt : ScalarType.Int;
    }

    private CType? TypedefName(GToken token)
    {
        var name = token.ValueText;
        switch (_scope.FindOrdinary(name))
        {
            case TypedefSymbol typedef:
                return typedef.Typedef;
            case null when BuiltinTypes.Alias(name) is { } builtin:
                return builtin;
            default:
                // The parser reports an unknown type name on the token itself; say it once.
                if (!token.Green.HasDiagnostics) Report(SemanticDiagnostics.InvalidTypeSpecifiers, token, $"unknown type name '{name}'");
                return null;
        }
    }

    /// <summary><c>typeof</c> / <c>__typeof__</c> of a type name or of an expression (GCC "Typeof"). Slots: 0 keyword, 1 '(', 2 type name or expression, 3 ')'.</summary>
    private CType? BindTypeof(GNode @typeof)
    {
        var operand = @typeof.Node(2);
        if (!operand.IsPresent) return null;
        return operand.Kind == SyntaxKind.TypeName ? BindTypeName(operand) : _evaluator.TypeOf(operand);
    }

    /// <summary><c>_Alignas(type)</c> is that type's alignment; <c>_Alignas(0)</c> has no effect (C11 6.7.5p6). Slots: 0 keyword, 1 '(', 2 operand, 3 ')'.</summary>
    private AlignedAttribute? Alignas(GNode alignas)
    {
        var operand = alignas.Node(2);
        if (operand.Kind == SyntaxKind.TypeName)
        {
            if (BindTypeName(operand) is not { } type) return null;
            var alignment = Layout.AlignOf(type);
            if (alignment.TryGet(out var bytes)) return AlignedAttribute.Of(bytes);
            Report(SemanticDiagnostics.Layout, alignas, alignment.Problem.Message);
            return null;
        }
        if (_evaluator.EvaluateInteger(operand, "'_Alignas' argument") is not { } value) return null;
        return value == 0 ? null : AlignedAttribute.Of((long)value);
    }

    /// <summary>A type name (C11 6.7.7): specifiers and an abstract declarator; type attributes in it apply to the type. Slots: 0 specifier-qualifier list, 1 abstract declarator?.</summary>
    private CType? BindTypeName(GNode typeName)
    {
        if (typeName.Kind != SyntaxKind.TypeName) return null;
        var specifiers = BindSpecifiers(typeName.Node(0), declaresTagOnly: false);
        var attributes = new AttributeSet();
        var declared = ApplyDeclarator(specifiers.Type, typeName.Node(1), ref attributes, inParameter: false);
        attributes.Append(specifiers.Attributes);
        return ApplyTypeAttributes(declared.Type, attributes, typeName);
    }
}

using LayoutExpert.Semantics.Constants;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Reads the attributes that change layouts (GCC "Common Type Attributes",
    /// "Common Variable Attributes"): packed, aligned / aligned(N), mode(M),
    /// vector_size(N), transparent_union, designated_init, used (which objects gcc
    /// keeps, hence which types its DWARF keeps), and the kernel's
    /// randstruct plugin's randomize_layout / no_randomize_layout. Every other
    /// attribute is ignored, as gcc ignores an unknown one.
    /// Slots: AttributeSpecifier 0 keyword, 1 '(', 2 '(', 3 list of attributes,
    /// 4 ')', 5 ')'; Attribute 0 name, 1 '('?, 2 list of arguments, 3 ')'?.
    /// </summary>
    private void ReadAttributes(GNode specifier, ref AttributeSet into)
    {
        foreach (var attribute in specifier.Nodes(3, SyntaxKind.Attribute))
        {
            switch (AttributeName(attribute))
            {
                case "packed":
                    into.Packed = true;
                    break;
                case "aligned":
                    if (!attribute.Token(1).IsPresent)
                    {
                        into.AddAligned(AlignedAttribute.Bare);
                    }
                    else if (Argument(attribute, "aligned") is { } bytes)
                    {
                        into.AddAligned(AlignedAttribute.Of(bytes));
                    }
                    break;
                case "vector_size":
                    if (Argument(attribute, "vector_size") is { } size) into.VectorSize = size;
                    break;
                case "mode":
                    if (Mode(attribute) is { } mode) into.Mode = mode;
                    break;
                case "transparent_union":
                    into.TransparentUnion = true;
                    break;
                case "designated_init":
                    into.DesignatedInit = true;
                    break;
                case "randomize_layout":
                    into.Randomize = RandomizeLayout.Randomize;
                    break;
                case "no_randomize_layout":
                    into.Randomize = RandomizeLayout.NoRandomize;
                    break;
                case "used":
                    into.Used = true;
                    break;
            }
        }
    }

    /// <summary>The name with gcc's "__name__" spelling folded: "__aligned__" and "aligned" are one attribute.</summary>
    private static string AttributeName(GNode attribute)
    {
        var name = attribute.Token(0).ValueText;
        return name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) ? name[2..^2] : name;
    }

    private static List<GNode> Arguments(GNode attribute)
    {
        var arguments = new List<GNode>();
        foreach (var child in attribute.Node(2))
        {
            if (!child.IsToken) arguments.Add(child.Node);
        }
        return arguments;
    }

    private long? Argument(GNode attribute, string name)
    {
        var arguments = Arguments(attribute);
        if (arguments.Count != 1)
        {
            Report(SemanticDiagnostics.BadAttributeArgument, attribute, name);
            return null;
        }
        var value = _evaluator.EvaluateInteger(arguments[0], $"argument of attribute '{name}'");
        if (value is not { } v) return null;
        if (v > long.MaxValue || v < long.MinValue)
        {
            Report(SemanticDiagnostics.BadAttributeArgument, attribute, name);
            return null;
        }
        return (long)v;
    }

    /// <summary>mode(M) with M one of QI, HI, SI, DI, TI, byte, word, pointer, unwind_word (optionally __M__).</summary>
    private MachineMode? Mode(GNode attribute)
    {
        var arguments = Arguments(attribute);
        if (arguments is not [{ Kind: SyntaxKind.IdentifierName } identifier])
        {
            Report(SemanticDiagnostics.BadAttributeArgument, attribute, "mode");
            return null;
        }
        var name = identifier.Token(0).ValueText;
        if (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)) name = name[2..^2];
        MachineMode? mode = name switch
        {
            "QI" => MachineMode.QI,
            "HI" => MachineMode.HI,
            "SI" => MachineMode.SI,
            "DI" => MachineMode.DI,
            "TI" => MachineMode.TI,
            "byte" => MachineMode.Byte,
            "word" => MachineMode.Word,
            "pointer" => MachineMode.Pointer,
            "unwind_word" => MachineMode.UnwindWord,
            _ => null,
        };
        if (mode is null) Report(SemanticDiagnostics.Unsupported, attribute, $"mode '{name}'");
        return mode;
    }

    /// <summary>
    /// The attributes that make a new type from a declaration's type: mode(M)
    /// replaces the whole (integer or enum) type; vector_size(N) applies to the
    /// innermost type, through pointers, arrays and function returns, as gcc's
    /// handler does (a vector of the type's main variant: typedef names and
    /// qualifiers of the element go).
    /// </summary>
    private CType ApplyTypeAttributes(CType type, in AttributeSet attributes, GNode at)
    {
        if (attributes.Mode is { } mode)
        {
            var category = type.StripTypedefsAndQualifiers() switch
            {
                ScalarType s => s.Kind.IsInteger() ? TypeCategory.Integer : TypeCategory.Floating,
                EnumType => TypeCategory.Integer,
                ModeType => TypeCategory.Integer,
                _ => TypeCategory.Unknown,
            };
            if (category == TypeCategory.Integer) type = new ModeType(type, mode);
            else Report(SemanticDiagnostics.Unsupported, at, $"mode({mode}) on type '{type.Spelling}'");
        }
        if (attributes.VectorSize is { } size) type = Vector(type, size, 0);
        return type;
    }

    private static CType Vector(CType type, long size, int depth) => depth > 1000 ? type : type switch
    {
        PointerType p => new PointerType(Vector(p.Target, size, depth + 1)),
        ArrayType a => a with { Element = Vector(a.Element, size, depth + 1) },
        FunctionType f => f with { Return = Vector(f.Return, size, depth + 1) },
        QualifiedType { Unqualified: PointerType or ArrayType or FunctionType } q => CTypes.Qualify(Vector(q.Unqualified, size, depth + 1), q.Qualifiers),
        TypedefType { Target: PointerType or ArrayType or FunctionType } t => Vector(t.Target, size, depth + 1),
        _ => new VectorType(type.StripTypedefsAndQualifiers(), size),
    };
}

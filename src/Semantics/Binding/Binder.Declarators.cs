using System.Collections.Immutable;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    private readonly record struct Declared(string? Name, GToken NameToken, CType Type);

    /// <summary>
    /// Wraps the specifiers' type in each derivation of a declarator, from the
    /// outermost node in (C11 6.7.6: "int *a[4]" is Pointer(Array(a)), an array of
    /// 4 pointers). Attributes inside the declarator are added to
    /// <paramref name="attributes"/> as declaration attributes. In a parameter
    /// list an array bound is not evaluated: the parameter becomes a pointer
    /// (6.7.6.3p7), and the bound may name earlier parameters.
    /// Slots: IdentifierDeclarator 0 name; PointerDeclarator 0 '*', 1 qualifiers
    /// and attributes, 2 inner; ArrayDeclarator 0 inner, 1 '[', 2 qualifiers,
    /// 3 size, 4 ']'; FunctionDeclarator 0 inner, 1 '(', 2 parameters, 3 ')';
    /// ParenthesizedDeclarator 0 '(', 1 attributes, 2 inner, 3 ')'.
    /// </summary>
    private Declared ApplyDeclarator(CType type, GNode declarator, ref AttributeSet attributes, bool inParameter)
    {
        for (var depth = 0; declarator.IsPresent && depth < 10_000; depth++)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                {
                    var name = declarator.Token(0);
                    return new Declared(name.ValueText, name, type);
                }
                case SyntaxKind.PointerDeclarator:
                {
                    var qualifiers = TypeQualifiers.None;
                    foreach (var child in declarator.Node(1))
                    {
                        if (child.IsToken) qualifiers |= Qualifier(child.Token.Keyword);
                        else if (child.Kind == SyntaxKind.AttributeSpecifier) ReadAttributes(child.Node, ref attributes);
                    }
                    type = CTypes.Qualify(new PointerType(type), qualifiers);
                    declarator = declarator.Node(2);
                    break;
                }
                case SyntaxKind.ArrayDeclarator:
                    type = new ArrayType(type, inParameter ? null : ArrayLength(declarator));
                    declarator = declarator.Node(0);
                    break;
                case SyntaxKind.FunctionDeclarator:
                    type = BindFunctionType(type, declarator);
                    declarator = declarator.Node(0);
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    foreach (var attribute in declarator.Nodes(1, SyntaxKind.AttributeSpecifier)) ReadAttributes(attribute, ref attributes);
                    declarator = declarator.Node(2);
                    break;
                default:
                    declarator = default;
                    break;
            }
        }
        return new Declared(null, default, type);
    }

    private static TypeQualifiers Qualifier(CKeyword keyword) => keyword switch
    {
        CKeyword.Const => TypeQualifiers.Const,
        CKeyword.Volatile => TypeQualifiers.Volatile,
        CKeyword.Restrict => TypeQualifiers.Restrict,
        _ => TypeQualifiers.None,
    };

    /// <summary>An array bound: an integer constant expression at file scope (a variable length is an error there, C11 6.7.6.2p2).</summary>
    private long? ArrayLength(GNode array)
    {
        var size = array.Node(3);
        if (!size.IsPresent) return null;
        var operand = _evaluator.Evaluate(size);
        if (!operand.HasType) return 0;
        if (operand.Integer is not { } value)
        {
            var name = Shapes.Identifier(array);
            Report(SemanticDiagnostics.VariablyModified, size, name.IsPresent ? name.ValueText : "array");
            return 0;
        }
        if (value > long.MaxValue || value < long.MinValue)
        {
            Report(SemanticDiagnostics.Layout, size, "size of array is too large");
            return 0;
        }
        return (long)value;
    }

    /// <summary>
    /// A function type (C11 6.7.6.3): parameters bound in their own prototype
    /// scope and adjusted (array to pointer, function to pointer); "(void)" is
    /// no parameters; "()" and an identifier list give no prototype. GNU forward
    /// parameter declarations (before a ';' in the list) are not parameters.
    /// Parameter slots: 0 specifiers, 1 declarator?, 2 attributes.
    /// </summary>
    private CType BindFunctionType(CType returnType, GNode function)
    {
        var parameters = new List<GNode>();
        var variadic = false;
        foreach (var child in function.Node(2))
        {
            if (child.IsToken)
            {
                variadic |= child.Kind == SyntaxKind.DotDotDotToken;
                // GNU forward parameter declarations end with ';': what came before is not a parameter.
                if (child.Kind == SyntaxKind.SemicolonToken) parameters.Clear();
            }
            else if (child.Kind == SyntaxKind.ParameterDeclaration)
            {
                parameters.Add(child.Node);
            }
        }
        if (parameters.Count == 0) return new FunctionType(returnType, [], false, HasPrototype: false);
        if (parameters.Count == 1 && !parameters[0].Node(1).IsPresent && IsPlainVoid(parameters[0].Node(0)))
        {
            return new FunctionType(returnType, [], false, HasPrototype: true);
        }
        var outer = _scope;
        _scope = new Scope(outer, ScopeKind.Prototype);
        try
        {
            var types = ImmutableArray.CreateBuilder<CType>(parameters.Count);
            foreach (var parameter in parameters)
            {
                var specifiers = BindSpecifiers(parameter.Node(0), declaresTagOnly: false);
                var attributes = new AttributeSet();
                var declared = ApplyDeclarator(specifiers.Type, parameter.Node(1), ref attributes, inParameter: true);
                foreach (var attribute in parameter.Nodes(2, SyntaxKind.AttributeSpecifier)) ReadAttributes(attribute, ref attributes);
                attributes.Append(specifiers.Attributes);
                types.Add(AdjustParameter(ApplyTypeAttributes(declared.Type, attributes, parameter)));
            }
            return new FunctionType(returnType, types.MoveToImmutable(), variadic, HasPrototype: true);
        }
        finally
        {
            _scope = outer;
        }
    }

    private static bool IsPlainVoid(GNode specifiers) =>
        specifiers.SlotCount == 1 && specifiers.Token(0) is { IsPresent: true } token && token.Keyword == CKeyword.Void;

    /// <summary>C11 6.7.6.3p7-8: an array parameter is a pointer to its element type; a function parameter a pointer to it.</summary>
    private static CType AdjustParameter(CType type)
    {
        var stripped = type.StripTypedefsAndQualifiers();
        return stripped switch
        {
            ArrayType array => new PointerType(array.Element),
            FunctionType => new PointerType(type),
            _ => type,
        };
    }
}

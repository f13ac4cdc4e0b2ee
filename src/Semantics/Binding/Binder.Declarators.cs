using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    private readonly record struct Declared(string? Name, SyntaxToken? NameToken, CType Type);

    /// <summary>
    /// Wraps the specifiers' type in each derivation of a declarator, from the
    /// outermost node in (C11 6.7.6: "int *a[4]" is Pointer(Array(a)), an array of
    /// 4 pointers). Attributes inside the declarator are added to
    /// <paramref name="attributes"/> as declaration attributes. In a parameter
    /// list an array bound is not evaluated: the parameter becomes a pointer
    /// (6.7.6.3p7), and the bound may name earlier parameters.
    /// </summary>
    private Declared ApplyDeclarator(CType type, DeclaratorSyntax? declarator, AttributeSet attributes, bool inParameter)
    {
        var depth = 0;
        while (declarator is not null)
        {
            if (++depth > 10_000) break;
            switch (declarator)
            {
                case IdentifierDeclaratorSyntax identifier:
                    return new Declared(identifier.Identifier.ValueText, identifier.Identifier, type);
                case PointerDeclaratorSyntax pointer:
                    type = CTypes.Qualify(new PointerType(type), Qualifiers(pointer.Qualifiers));
                    foreach (var attribute in pointer.Attributes) ReadAttributes(attribute, attributes);
                    declarator = pointer.Inner;
                    break;
                case ArrayDeclaratorSyntax array:
                    type = new ArrayType(type, inParameter ? null : ArrayLength(array));
                    declarator = array.Inner;
                    break;
                case FunctionDeclaratorSyntax function:
                    type = BindFunctionType(type, function);
                    declarator = function.Inner;
                    break;
                case ParenthesizedDeclaratorSyntax parenthesized:
                    foreach (var attribute in parenthesized.Attributes) ReadAttributes(attribute, attributes);
                    declarator = parenthesized.Inner;
                    break;
                default:
                    declarator = null;
                    break;
            }
        }
        return new Declared(null, null, type);
    }

    private static TypeQualifiers Qualifiers(IEnumerable<CKeyword> keywords)
    {
        var qualifiers = TypeQualifiers.None;
        foreach (var keyword in keywords)
        {
            qualifiers |= keyword switch
            {
                CKeyword.Const => TypeQualifiers.Const,
                CKeyword.Volatile => TypeQualifiers.Volatile,
                CKeyword.Restrict => TypeQualifiers.Restrict,
                _ => TypeQualifiers.None,
            };
        }
        return qualifiers;
    }

    /// <summary>An array bound: an integer constant expression at file scope (a variable length is an error there, C11 6.7.6.2p2).</summary>
    private long? ArrayLength(ArrayDeclaratorSyntax array)
    {
        if (array.Size is not { } size) return null;
        var operand = _evaluator.Evaluate(size);
        if (!operand.HasType) return 0;
        if (operand.Integer is not { } value)
        {
            Report(SemanticDiagnostics.VariablyModified, size.Node, array.Identifier?.ValueText ?? "array");
            return 0;
        }
        if (value > long.MaxValue || value < long.MinValue)
        {
            Report(SemanticDiagnostics.Layout, size.Node, "size of array is too large");
            return 0;
        }
        return (long)value;
    }

    /// <summary>
    /// A function type (C11 6.7.6.3): parameters bound in their own prototype
    /// scope and adjusted (array to pointer, function to pointer); "(void)" is
    /// no parameters; "()" and an identifier list give no prototype. GNU forward
    /// parameter declarations (before a ';' in the list) are not parameters.
    /// </summary>
    private CType BindFunctionType(CType returnType, FunctionDeclaratorSyntax function)
    {
        var parameters = function.Parameters.ToList();
        if (parameters.Count == 0) return new FunctionType(returnType, [], false, HasPrototype: false);
        var (variadic, forward) = ListTokens(function);
        if (forward) parameters = AfterLastSemicolon(function, parameters);
        if (parameters.Count == 1 && parameters[0].Declarator is null && IsPlainVoid(parameters[0].Specifiers))
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
                var specifiers = BindSpecifiers(parameter.Specifiers, declaresTagOnly: false);
                var attributes = new AttributeSet();
                var declared = ApplyDeclarator(specifiers.Type, parameter.Declarator, attributes, inParameter: true);
                foreach (var attribute in parameter.Attributes) ReadAttributes(attribute, attributes);
                attributes.Append(specifiers.Attributes);
                types.Add(AdjustParameter(ApplyTypeAttributes(declared.Type, attributes, parameter.Node)));
            }
            return new FunctionType(returnType, types.MoveToImmutable(), variadic, HasPrototype: true);
        }
        finally
        {
            _scope = outer;
        }
    }

    /// <summary>Whether a parameter list holds '...' (variadic) and ';' (GNU forward declarations), read from the green list without making tokens.</summary>
    private static (bool Variadic, bool Forward) ListTokens(FunctionDeclaratorSyntax function)
    {
        var list = function.Node.Green.GetSlot(2);
        if (list is null) return (false, false);
        bool variadic = false, forward = false;
        for (var i = 0; i < list.SlotCount; i++)
        {
            var kind = list.GetSlot(i)?.Kind;
            variadic |= kind == SyntaxKind.DotDotDotToken;
            forward |= kind == SyntaxKind.SemicolonToken;
        }
        return (variadic, forward);
    }

    private static List<ParameterDeclarationSyntax> AfterLastSemicolon(FunctionDeclaratorSyntax function, List<ParameterDeclarationSyntax> parameters)
    {
        var list = function.Node.ChildAt(2).AsNode();
        if (list is null) return parameters;
        var result = new List<ParameterDeclarationSyntax>();
        foreach (var child in list.ChildNodesAndTokens())
        {
            if (child.AsToken() is { Kind: SyntaxKind.SemicolonToken }) result.Clear();
            else if (child.AsNode() is { } node && CSyntax.Wrap(node) is ParameterDeclarationSyntax parameter) result.Add(parameter);
        }
        return result;
    }

    private static bool IsPlainVoid(DeclarationSpecifiersSyntax? specifiers) =>
        specifiers is not null && specifiers.Items.Count() == 1 && specifiers.Has(CKeyword.Void);

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

using System.Collections.Immutable;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// An enum specifier (C11 6.7.2.2). Values as gcc's build_enumerator gives
    /// them: an explicit value is an integer constant expression of any integer
    /// type (GNU allows beyond int); an implicit one is the previous value plus
    /// one in the previous constant's type, an error when that overflows. A
    /// constant whose value fits in int has type int; once the enum is complete
    /// the others have the enum type (finish_enum). <c>packed</c> and
    /// <c>mode</c> after the keyword or the closing brace choose the underlying type.
    /// </summary>
    /// <remarks>Slots: 0 keyword, 1 attributes, 2 tag?, 3 '{'?, 4 enumerators, 5 '}'?, 6 attributes; Enumerator 0 name, 1 attributes, 2 '='?, 3 value?.</remarks>
    private CType BindEnumSpecifier(GNode specifier, bool declaresTagOnly)
    {
        var hasBody = specifier.HasSlot(3);
        var tagToken = specifier.Token(2);
        var tag = tagToken.IsPresent
            ? ResolveTag(TagKind.Enum, tagToken, declaresHere: hasBody || declaresTagOnly, specifier)
            : AnonymousTag(TagKind.Enum, specifier);
        var id = tag.Enum!;
        if (!hasBody || !FirstReadOfBody(specifier)) return tag.Type;
        if (Definitions.FindEnum(id) is not null)
        {
            Report(SemanticDiagnostics.Redefinition, specifier, id.Spelling);
            return tag.Type;
        }
        var attributes = new AttributeSet();
        foreach (var a in specifier.Nodes(1, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);

        var count = specifier.Count(4, SyntaxKind.Enumerator);
        var enumerators = ImmutableArray.CreateBuilder<Enumerator>(count);
        var declared = new List<EnumConstantSymbol>(count);
        Int128 next = 0;
        var nextType = ScalarKind.Int;
        var overflowed = false;
        foreach (var enumerator in specifier.Nodes(4, SyntaxKind.Enumerator))
        {
            var nameToken = enumerator.Token(0);
            Int128 value;
            ScalarKind type;
            if (enumerator.Node(3) is { IsPresent: true } expression)
            {
                var operand = _evaluator.Evaluate(expression);
                var category = operand.HasType ? TypeClass.Of(operand.Type!, Layout) : default;
                if (operand.HasType && category.Category == TypeCategory.Integer && operand.Integer is { } v)
                {
                    value = v;
                    type = category.Scalar;
                }
                else
                {
                    if (operand.HasType) Report(SemanticDiagnostics.NotAConstant, expression, $"enumerator value for '{nameToken.ValueText}'");
                    value = next;
                    type = nextType;
                }
            }
            else
            {
                if (overflowed) Report(SemanticDiagnostics.EnumOverflow, enumerator);
                value = next;
                type = nextType;
            }
            if (Integers.Fits(value, ScalarKind.Int)) type = ScalarKind.Int;
            // The next default value, computed in this constant's type (gcc: enum_next_value, enum_overflow).
            var incremented = Integers.Convert(value + 1, type);
            overflowed = type == ScalarKind.UnsignedInt128 ? (UInt128)incremented < (UInt128)value : incremented < value;
            next = incremented;
            nextType = type;

            var name = nameToken.ValueText;
            var stored = type == ScalarKind.UnsignedInt128 ? (Int128)(UInt128)value : value;
            enumerators.Add(new Enumerator(name, stored));
            var symbol = new EnumConstantSymbol(name, value, type == ScalarKind.Int ? ScalarType.Int : new ScalarType(type), id);
            DeclareOrdinary(symbol, nameToken);
            declared.Add(symbol);
        }
        foreach (var a in specifier.Nodes(6, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);
        if (attributes.AlignedLast is not null) Report(SemanticDiagnostics.Unsupported, specifier, "'aligned' on an enum type");
        AddDefinition(new EnumDefinition(id, enumerators.DrainToImmutable(), attributes.Packed, attributes.Mode));
        var enumType = new EnumType(id);
        foreach (var symbol in declared)
        {
            if (!Integers.Fits(symbol.Value, ScalarKind.Int) && ReferenceEquals(_scope.FindOrdinaryHere(symbol.Name), symbol))
            {
                _scope.DeclareOrdinary(symbol with { Type = enumType });
            }
        }
        return enumType;
    }
}

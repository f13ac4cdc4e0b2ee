using System.Collections.Immutable;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Parsing.Nodes;

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
    private CType BindEnumSpecifier(EnumSpecifierSyntax specifier, bool declaresTagOnly)
    {
        var tag = specifier.Tag is { } tagToken
            ? ResolveTag(TagKind.Enum, tagToken, declaresHere: specifier.HasBody || declaresTagOnly, specifier.Node)
            : AnonymousTag(TagKind.Enum, specifier.Node);
        var id = tag.Enum!;
        if (!specifier.HasBody) return tag.Type;
        if (_store.FindEnum(id) is not null)
        {
            Report(SemanticDiagnostics.Redefinition, specifier.Node, id.Spelling);
            return tag.Type;
        }
        var attributes = new AttributeSet();
        foreach (var a in specifier.Attributes) ReadAttributes(a, attributes);

        var enumerators = ImmutableArray.CreateBuilder<Enumerator>();
        var declared = new List<EnumConstantSymbol>();
        Int128 next = 0;
        var nextType = ScalarKind.Int;
        var overflowed = false;
        foreach (var enumerator in specifier.Enumerators)
        {
            Int128 value;
            ScalarKind type;
            if (enumerator.Value is { } expression)
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
                    if (operand.HasType) Report(SemanticDiagnostics.NotAConstant, expression.Node, $"enumerator value for '{enumerator.Identifier.ValueText}'");
                    value = next;
                    type = nextType;
                }
            }
            else
            {
                if (overflowed) Report(SemanticDiagnostics.EnumOverflow, enumerator.Node);
                value = next;
                type = nextType;
            }
            if (Integers.Fits(value, ScalarKind.Int)) type = ScalarKind.Int;
            // The next default value, computed in this constant's type (gcc: enum_next_value, enum_overflow).
            var incremented = Integers.Convert(value + 1, type);
            overflowed = type == ScalarKind.UnsignedInt128 ? (UInt128)incremented < (UInt128)value : incremented < value;
            next = incremented;
            nextType = type;

            var name = enumerator.Identifier.ValueText;
            var stored = type == ScalarKind.UnsignedInt128 ? (Int128)(UInt128)value : value;
            enumerators.Add(new Enumerator(name, stored));
            var symbol = new EnumConstantSymbol(name, value, new ScalarType(type), id);
            DeclareOrdinary(symbol, enumerator.Identifier);
            declared.Add(symbol);
        }
        foreach (var a in specifier.TrailingAttributes) ReadAttributes(a, attributes);
        if (attributes.AlignedLast is not null) Report(SemanticDiagnostics.Unsupported, specifier.Node, "'aligned' on an enum type");
        _store.Add(new EnumDefinition(id, enumerators.ToImmutable(), attributes.Packed, attributes.Mode), _scope.IsFile);
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

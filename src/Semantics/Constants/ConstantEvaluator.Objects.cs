using System.Collections.Immutable;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Constants;

internal sealed partial class ConstantEvaluator
{
    /// <summary>
    /// A name: an enumeration constant is an integer constant (C11 6.6p6); an
    /// object is an lvalue whose value is its address (a constant, 6.6p9); a
    /// function designator likewise.
    /// </summary>
    private Operand Identifier(GNode name)
    {
        var text = name.Token(0).ValueText;
        switch (context.LookupOrdinary(text))
        {
            case EnumConstantSymbol constant:
                return new Operand(constant.Type, IntegerConstant.Of(constant.Value), true);
            case GlobalVariable variable:
                return new Operand(variable.Type, new AddressConstant(variable.Name, 0), false, IsLvalue: true);
            case FunctionSymbol { Type: { } type } function:
                return new Operand(type, new AddressConstant(function.Name, 0), false);
            case FunctionSymbol function:
                return new Operand(new FunctionType(ScalarType.Int, [], HasPrototype: false), new AddressConstant(function.Name, 0), false);
            case TypedefSymbol:
                return Fail(name, SemanticDiagnostics.InvalidOperand, $"expected expression before '{text}'");
            default:
                return Fail(name, SemanticDiagnostics.Undeclared, text);
        }
    }

    private Operand AddressOf(GNode unary, GNode operandNode)
    {
        var operand = Evaluate(operandNode);
        if (!operand.HasType) return operand;
        if (operand.BitField is not null) return Fail(unary, SemanticDiagnostics.InvalidOperand, "cannot take address of bit-field");
        var isFunction = operand.Type!.StripTypedefsAndQualifiers() is FunctionType;
        if (!operand.IsLvalue && !isFunction) return Fail(unary, SemanticDiagnostics.InvalidOperand, "lvalue required as unary '&' operand");
        return new Operand(new PointerType(operand.Type!), operand.Value as AddressConstant, false);
    }

    /// <summary><c>*p</c>: an lvalue at the address p holds (C11 6.5.3.2p4).</summary>
    private Operand Dereference(GNode at, Operand pointer)
    {
        if (!pointer.HasType) return pointer;
        if (pointer.Type!.StripTypedefsAndQualifiers() is not PointerType p)
        {
            return Fail(at, SemanticDiagnostics.InvalidOperand, "invalid type argument of unary '*' (have '" + pointer.Type!.Spelling + "')");
        }
        return new Operand(p.Target, pointer.Value as AddressConstant, false, IsLvalue: true);
    }

    /// <summary>operand [ index ]. Slots: 0 operand, 1 '[', 2 index, 3 ']'.</summary>
    private Operand Subscript(GNode subscript)
    {
        var a = Rvalue(Evaluate(subscript.Node(0)));
        var b = Rvalue(Evaluate(subscript.Node(2)));
        if (!a.HasType || !b.HasType) return Operand.Error;
        // a[b] is *(a + b) (C11 6.5.2.1p2); either operand may be the pointer.
        var (pointer, index) = Classify(a.Type!).Category == TypeCategory.Pointer ? (a, b) : (b, a);
        if (Classify(pointer.Type!).Category != TypeCategory.Pointer || Classify(index.Type!).Category != TypeCategory.Integer)
        {
            return Fail(subscript, SemanticDiagnostics.InvalidOperand, "subscripted value is neither array nor pointer");
        }
        return Dereference(subscript, Offset(subscript, pointer, index, negate: false));
    }

    /// <summary>
    /// <c>s.m</c> and <c>p-&gt;m</c> (C11 6.5.2.3), members of anonymous structs
    /// and unions found through them (6.7.2.1p13); the address moves by the
    /// member's offset, from the layout engine.
    /// </summary>
    /// <remarks>Slots: 0 operand, 1 '.' or '->', 2 member.</remarks>
    private Operand Member(GNode access)
    {
        var operand = Evaluate(access.Node(0));
        var memberToken = access.Token(2);
        var isArrow = access.Token(1).Kind == SyntaxKind.ArrowToken;
        if (!operand.HasType || !memberToken.IsPresent) return Operand.Error;
        if (isArrow) operand = Dereference(access, Rvalue(operand));
        if (!operand.HasType) return operand;
        var objectType = operand.Type!;
        if (objectType.StripTypedefsAndQualifiers() is not RecordType record)
        {
            return Fail(access, SemanticDiagnostics.InvalidOperand, $"request for member '{memberToken.ValueText}' in something not a structure or union");
        }
        var name = memberToken.ValueText;
        if (context.Definitions.FindRecord(record.Id) is null)
        {
            return Fail(access, SemanticDiagnostics.Layout, $"invalid use of incomplete type '{record.Spelling}'");
        }
        if (FindMember(record.Id, name, 0) is not { } field)
        {
            return Fail(access, SemanticDiagnostics.NoSuchMember, record.Spelling, name);
        }
        AddressConstant? address = null;
        if (operand.Value is AddressConstant start && field.BitWidth is null)
        {
            var offset = Layout.OffsetOf(record, [new MemberDesignator(name)]);
            if (offset.TryGet(out var bytes)) address = start with { Offset = start.Offset + bytes };
        }
        return new Operand(field.Type, address, false, IsLvalue: operand.IsLvalue || isArrow, BitField: field.BitWidth is null ? null : field);
    }

    /// <summary>The member declaration a name finds in a record, searching anonymous members depth-first in order.</summary>
    private Field? FindMember(RecordId id, string name, int depth)
    {
        if (depth > 64 || context.Definitions.FindRecord(id) is not { } definition) return null;
        foreach (var field in definition.Fields)
        {
            if (field.Name == name) return field;
        }
        foreach (var field in definition.Fields)
        {
            if (field.IsAnonymousMember && field.Type.StripTypedefsAndQualifiers() is RecordType inner && FindMember(inner.Id, name, depth + 1) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary><c>__builtin_offsetof(type, a.b[i].c)</c>: a <c>size_t</c> integer constant expression.</summary>
    /// <remarks>Slots: 0 keyword, 1 '(', 2 type name, 3 ',', 4 list of designators, 5 ')'.</remarks>
    private Operand Offsetof(GNode offsetof)
    {
        if (!offsetof.Node(2).IsPresent) return Operand.Error;
        var type = context.BindTypeName(offsetof.Node(2));
        if (type is null) return Operand.Error;
        var path = ImmutableArray.CreateBuilder<Designator>();
        foreach (var child in offsetof.Node(4))
        {
            var step = child.Node;
            switch (step.Kind)
            {
                case SyntaxKind.FieldDesignator when step.Token(1).IsPresent:
                    path.Add(new MemberDesignator(step.Token(1).ValueText));
                    break;
                case SyntaxKind.ArrayDesignator:
                    if (EvaluateInteger(step.Node(1), "array index in offsetof") is not { } index) return Operand.Error;
                    path.Add(new IndexDesignator((long)index));
                    break;
                case SyntaxKind.None:
                    break;
                default:
                    return Operand.Error;
            }
        }
        var result = Layout.OffsetOf(type, path.ToImmutable());
        if (!result.TryGet(out var bytes)) return Fail(offsetof, SemanticDiagnostics.Layout, result.Problem.Message);
        return IntegerResult(bytes, Model.SizeType, ice: true);
    }
}

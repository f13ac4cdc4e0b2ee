using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    private CType BindRecordSpecifier(StructOrUnionSpecifierSyntax specifier, bool declaresTagOnly)
    {
        var kind = specifier.IsUnion ? TagKind.Union : TagKind.Struct;
        var tag = specifier.Tag is { } tagToken
            ? ResolveTag(kind, tagToken, declaresHere: specifier.HasBody || declaresTagOnly, specifier.Node)
            : AnonymousTag(kind, specifier.Node);
        var id = tag.Record!;
        if (!specifier.HasBody)
        {
            var attributes = new AttributeSet();
            foreach (var a in specifier.Attributes) ReadAttributes(a, attributes);
            return tag.Type;
        }
        if (_store.FindRecord(id) is not null)
        {
            Report(SemanticDiagnostics.Redefinition, specifier.Node, id.Spelling);
            return tag.Type;
        }
        var definition = BindRecordBody(id, specifier);
        _store.Add(definition, _scope.IsFile);
        return tag.Type;
    }

    /// <summary>
    /// The members and attributes of a struct or union definition. Attributes
    /// after the keyword and after the closing brace both apply to the type,
    /// in that order (the last <c>aligned</c> wins); the pack pragma is the one
    /// in force at the closing brace, where gcc lays the record out.
    /// </summary>
    private RecordDefinition BindRecordBody(RecordId id, StructOrUnionSpecifierSyntax specifier)
    {
        var attributes = new AttributeSet();
        foreach (var a in specifier.Attributes) ReadAttributes(a, attributes);
        var fields = ImmutableArray.CreateBuilder<Field>();
        foreach (var member in specifier.Members)
        {
            switch (member)
            {
                case MemberDeclarationSyntax declaration:
                    BindMember(declaration, fields);
                    break;
                case StaticAssertDeclarationSyntax assertion:
                    CheckStaticAssert(assertion);
                    break;
                case PreprocessorLineSyntax line:
                    Pragma(line);
                    break;
            }
        }
        foreach (var a in specifier.TrailingAttributes) ReadAttributes(a, attributes);
        var recordAttributes = new RecordAttributes(
            attributes.Packed,
            attributes.AlignedLast,
            attributes.TransparentUnion,
            attributes.DesignatedInit,
            attributes.Randomize,
            _pack.Current);
        return new RecordDefinition(id, fields.ToImmutable(), recordAttributes);
    }

    /// <summary>
    /// One member declaration (C11 6.7.2.1). No declarator and an untagged
    /// struct or union is an anonymous member (p13); other declarations that
    /// name nothing are dropped, as gcc drops them ("declaration does not
    /// declare anything"). A member takes the largest <c>aligned</c> among its
    /// attributes and <c>_Alignas</c>.
    /// </summary>
    private void BindMember(MemberDeclarationSyntax declaration, ImmutableArray<Field>.Builder fields)
    {
        var declarators = declaration.Declarators.ToList();
        var specifiers = BindSpecifiers(declaration.Specifiers, declaresTagOnly: declarators.Count == 0);
        if (declarators.Count == 0)
        {
            if (specifiers.DefinesUntaggedRecord)
            {
                fields.Add(new Field(null, specifiers.Type, null, FieldAttributesOf(specifiers.Attributes, specifiers.Alignas)));
            }
            else
            {
                Report(SemanticDiagnostics.DeclaresNothing, declaration.Node);
            }
            return;
        }
        foreach (var declarator in declarators)
        {
            var attributes = new AttributeSet();
            var declared = ApplyDeclarator(specifiers.Type, declarator.Declarator, attributes, inParameter: false);
            foreach (var a in declarator.Attributes) ReadAttributes(a, attributes);
            attributes.Append(specifiers.Attributes);
            var type = ApplyTypeAttributes(declared.Type, attributes, declarator.Node);
            long? width = null;
            if (declarator.IsBitField)
            {
                var value = _evaluator.EvaluateInteger(declarator.Width, $"bit-field '{declared.Name ?? "<anonymous>"}' width");
                if (value is not { } w) continue;
                width = w > long.MaxValue || w < long.MinValue ? long.MaxValue : (long)w;
            }
            if (declared.Name is null && width is null)
            {
                Report(SemanticDiagnostics.DeclaresNothing, declarator.Node);
                continue;
            }
            fields.Add(new Field(declared.Name, type, width, FieldAttributesOf(attributes, specifiers.Alignas)));
        }
    }

    private static FieldAttributes FieldAttributesOf(AttributeSet attributes, AlignedAttribute? alignas)
    {
        var aligned = attributes.AlignedLargest;
        if (alignas is { } a) aligned = aligned is { } known ? AlignedAttribute.Combine(known, a) : a;
        return new FieldAttributes(attributes.Packed, aligned);
    }
}

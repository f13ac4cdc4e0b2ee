using System.Collections.Immutable;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>Slots: 0 keyword, 1 attributes, 2 tag?, 3 '{'?, 4 members, 5 '}'?, 6 attributes after '}'.</summary>
    private CType BindRecordSpecifier(GNode specifier, bool declaresTagOnly)
    {
        var kind = specifier.Kind == SyntaxKind.UnionSpecifier ? TagKind.Union : TagKind.Struct;
        var hasBody = specifier.HasSlot(3);
        var tagToken = specifier.Token(2);
        var tag = tagToken.IsPresent
            ? ResolveTag(kind, tagToken, declaresHere: hasBody || declaresTagOnly, specifier)
            : AnonymousTag(kind, specifier);
        var id = tag.Record!;
        if (!hasBody || !FirstReadOfBody(specifier)) return tag.Type;
        if (Definitions.FindRecord(id) is not null || !_beingDefined.Add(id))
        {
            Report(SemanticDiagnostics.Redefinition, specifier, id.Spelling);
            return tag.Type;
        }
        var definition = BindRecordBody(id, specifier);
        _beingDefined.Remove(id);
        AddDefinition(definition);
        return tag.Type;
    }

    /// <summary>
    /// The members and attributes of a struct or union definition. Attributes
    /// after the keyword and after the closing brace both apply to the type,
    /// in that order (the last <c>aligned</c> wins); the pack pragma is the one
    /// in force at the closing brace, where gcc lays the record out.
    /// </summary>
    private RecordDefinition BindRecordBody(RecordId id, GNode specifier)
    {
        var attributes = new AttributeSet();
        foreach (var a in specifier.Nodes(1, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);
        var capacity = 0;
        foreach (var member in specifier.Nodes(4, SyntaxKind.MemberDeclaration))
        {
            capacity += Math.Max(1, member.Count(1, SyntaxKind.MemberDeclarator));
        }
        var fields = ImmutableArray.CreateBuilder<Field>(capacity);
        foreach (var child in specifier.Node(4))
        {
            var member = child.Node;
            switch (member.Kind)
            {
                case SyntaxKind.MemberDeclaration:
                    BindMember(member, fields);
                    break;
                case SyntaxKind.StaticAssertDeclaration:
                    CheckStaticAssert(member);
                    break;
                case SyntaxKind.PreprocessorLine:
                    Pragma(member);
                    break;
            }
        }
        foreach (var a in specifier.Nodes(6, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);
        var recordAttributes = new RecordAttributes(
            attributes.Packed,
            attributes.AlignedLast,
            attributes.TransparentUnion,
            attributes.DesignatedInit,
            attributes.Randomize,
            PackInForce());
        return new RecordDefinition(id, fields.DrainToImmutable(), recordAttributes);
    }

    /// <summary>
    /// One member declaration (C11 6.7.2.1). No declarator and an untagged
    /// struct or union is an anonymous member (p13); other declarations that
    /// name nothing are dropped, as gcc drops them ("declaration does not
    /// declare anything"). A member takes the largest <c>aligned</c> among its
    /// attributes and <c>_Alignas</c>.
    /// </summary>
    /// <summary>Slots: MemberDeclaration 0 specifiers, 1 list of declarators, 2 ';'; MemberDeclarator 0 declarator?, 1 ':'?, 2 width?, 3 attributes.</summary>
    private void BindMember(GNode declaration, ImmutableArray<Field>.Builder fields)
    {
        var hasDeclarators = false;
        foreach (var child in declaration.Node(1))
        {
            if (child.Kind == SyntaxKind.MemberDeclarator) hasDeclarators = true;
        }
        var specifiers = BindSpecifiers(declaration.Node(0), declaresTagOnly: !hasDeclarators);
        if (!hasDeclarators)
        {
            if (specifiers.DefinesUntaggedRecord)
            {
                fields.Add(new Field(null, specifiers.Type, null, FieldAttributesOf(specifiers.Attributes, specifiers.Alignas)));
            }
            else
            {
                Report(SemanticDiagnostics.DeclaresNothing, declaration);
            }
            return;
        }
        foreach (var declarator in declaration.Nodes(1, SyntaxKind.MemberDeclarator))
        {
            var attributes = new AttributeSet();
            var declared = ApplyDeclarator(specifiers.Type, declarator.Node(0), ref attributes, inParameter: false);
            foreach (var a in declarator.Nodes(3, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);
            attributes.Append(specifiers.Attributes);
            var type = ApplyTypeAttributes(declared.Type, attributes, declarator);
            long? width = null;
            if (declarator.Token(1).IsPresent)
            {
                var value = _evaluator.EvaluateInteger(declarator.Node(2), $"bit-field '{declared.Name ?? "<anonymous>"}' width");
                if (value is not { } w) continue;
                width = w > long.MaxValue || w < long.MinValue ? long.MaxValue : (long)w;
            }
            if (declared.Name is null && width is null)
            {
                Report(SemanticDiagnostics.DeclaresNothing, declarator);
                continue;
            }
            fields.Add(new Field(declared.Name, type, width, FieldAttributesOf(attributes, specifiers.Alignas)));
        }
    }

    private static FieldAttributes FieldAttributesOf(in AttributeSet attributes, AlignedAttribute? alignas)
    {
        var aligned = attributes.AlignedLargest;
        if (alignas is { } a) aligned = aligned is { } known ? AlignedAttribute.Combine(known, a) : a;
        return new FieldAttributes(attributes.Packed, aligned);
    }
}

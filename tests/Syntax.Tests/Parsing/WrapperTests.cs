using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>The typed red views a binder walks.</summary>
public class WrapperTests
{
    private static TranslationUnitSyntax Root(string text)
    {
        var tree = CParser.ParseText(new SourceText(text, "t.c"));
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.DoesNotContain(tree.GetDiagnostics(), d => d.IsError);
        return CSyntax.Root(tree)!;
    }

    [Fact]
    public void Struct_members_declarators_and_bit_fields()
    {
        var unit = Root("struct s { unsigned a : 3; char *names[4]; union { int i; }; } __attribute__((__aligned__(8)));");
        var declaration = Assert.IsType<DeclarationSyntax>(Assert.Single(unit.Members));
        var tag = Assert.IsType<StructOrUnionSpecifierSyntax>(declaration.Specifiers!.TypeSpecifierNode);
        Assert.False(tag.IsUnion);
        Assert.True(tag.HasBody);
        Assert.Equal("s", tag.Tag!.Value.ValueText);
        var members = tag.Members.Cast<MemberDeclarationSyntax>().ToList();
        Assert.Equal(3, members.Count);

        var bitField = Assert.Single(members[0].Declarators);
        Assert.True(bitField.IsBitField);
        Assert.Equal("a", bitField.Declarator!.Identifier!.Value.ValueText);
        Assert.Equal("3", Assert.IsType<NumberLiteralSyntax>(bitField.Width).Token.Text);
        Assert.Equal([CKeyword.Unsigned], members[0].Specifiers!.Keywords);

        var names = Assert.IsType<PointerDeclaratorSyntax>(Assert.Single(members[1].Declarators).Declarator);
        var array = Assert.IsType<ArrayDeclaratorSyntax>(names.Inner);
        Assert.Equal("4", Assert.IsType<NumberLiteralSyntax>(array.Size).Token.Text);
        Assert.Equal("names", names.Identifier!.Value.ValueText);

        Assert.Empty(members[2].Declarators);
        Assert.True(Assert.IsType<StructOrUnionSpecifierSyntax>(members[2].Specifiers!.TypeSpecifierNode).IsUnion);

        var attribute = Assert.Single(Assert.Single(tag.TrailingAttributes).Attributes);
        Assert.Equal("aligned", attribute.Name);
        Assert.Equal("8", Assert.IsType<NumberLiteralSyntax>(Assert.Single(attribute.Arguments)).Token.Text);
    }

    [Fact]
    public void Declarators_nest_from_the_outside_in()
    {
        var unit = Root("int (*a)[4], f(int, char *, ...), g(x, y);");
        var declarators = Assert.IsType<DeclarationSyntax>(Assert.Single(unit.Members)).Declarators.ToList();

        var pointerToArray = Assert.IsType<ArrayDeclaratorSyntax>(declarators[0].Declarator);
        var parenthesized = Assert.IsType<ParenthesizedDeclaratorSyntax>(pointerToArray.Inner);
        var pointer = Assert.IsType<PointerDeclaratorSyntax>(parenthesized.Inner);
        Assert.IsType<IdentifierDeclaratorSyntax>(pointer.Inner);
        Assert.Equal("a", pointerToArray.Identifier!.Value.ValueText);

        var function = Assert.IsType<FunctionDeclaratorSyntax>(declarators[1].Declarator);
        Assert.True(function.IsVariadic);
        var parameters = function.Parameters.ToList();
        Assert.Equal(2, parameters.Count);
        Assert.Null(parameters[0].Declarator);
        Assert.Null(Assert.IsType<PointerDeclaratorSyntax>(parameters[1].Declarator).Inner);
        Assert.Null(parameters[1].Declarator!.Identifier);

        var oldStyle = Assert.IsType<FunctionDeclaratorSyntax>(declarators[2].Declarator);
        Assert.Equal(["x", "y"], oldStyle.IdentifierList.Select(t => t.ValueText));
        Assert.Empty(oldStyle.Parameters);
    }

    [Fact]
    public void Specifiers_fold_alternate_spellings_and_name_typedefs()
    {
        var unit = Root("typedef unsigned int u32; static __const__ volatile u32 __attribute__((unused)) v;");
        var specifiers = unit.Members.Cast<DeclarationSyntax>().Last().Specifiers!;
        Assert.Equal([CKeyword.Static, CKeyword.Const, CKeyword.Volatile], specifiers.Keywords);
        Assert.Equal("u32", specifiers.TypedefName!.Value.ValueText);
        Assert.True(specifiers.Has(CKeyword.Const));
        Assert.Equal("unused", Assert.Single(Assert.Single(specifiers.Attributes).Attributes).Name);
        Assert.Null(specifiers.TypeSpecifierNode);
    }

    [Fact]
    public void Enumerators_typeof_and_alignas()
    {
        var unit = Root("enum e { A = 1 << 2, B }; typeof(int) t; typeof(t) u; _Alignas(16) int w;");
        var members = unit.Members.Cast<DeclarationSyntax>().ToList();
        var enumeration = Assert.IsType<EnumSpecifierSyntax>(members[0].Specifiers!.TypeSpecifierNode);
        var enumerators = enumeration.Enumerators.ToList();
        Assert.Equal(["A", "B"], enumerators.Select(e => e.Identifier.ValueText));
        var shift = Assert.IsType<BinaryExpressionSyntax>(enumerators[0].Value);
        Assert.Equal(SyntaxKind.LessLessToken, shift.Operator);
        Assert.Null(enumerators[1].Value);

        var ofType = Assert.IsType<TypeofSpecifierSyntax>(members[1].Specifiers!.TypeSpecifierNode);
        Assert.NotNull(ofType.TypeName);
        Assert.Null(ofType.Expression);
        var ofExpression = Assert.IsType<TypeofSpecifierSyntax>(members[2].Specifiers!.TypeSpecifierNode);
        Assert.Equal("t", Assert.IsType<IdentifierNameSyntax>(ofExpression.Expression).Name);

        var alignment = Assert.Single(members[3].Specifiers!.AlignmentSpecifiers);
        Assert.Equal("16", Assert.IsType<NumberLiteralSyntax>(alignment.Expression).Token.Text);
    }

    [Fact]
    public void Expressions_and_initializers()
    {
        var unit = Root("struct p { int x, y[2]; }; struct p v = { .y[1] = sizeof(struct p) - __builtin_offsetof(struct p, y[1]) };");
        var init = unit.Members.Cast<DeclarationSyntax>().Last().Declarators.Single();
        var list = Assert.IsType<InitializerListSyntax>(init.Initializer);
        var item = Assert.IsType<DesignatedInitializerSyntax>(Assert.Single(list.Items));
        var designators = item.Designators.ToList();
        Assert.Equal("y", Assert.IsType<FieldDesignatorSyntax>(designators[0]).Name!.Value.ValueText);
        Assert.Equal("1", Assert.IsType<NumberLiteralSyntax>(Assert.IsType<ArrayDesignatorSyntax>(designators[1]).Index).Token.Text);
        var difference = Assert.IsType<BinaryExpressionSyntax>(item.Initializer);
        Assert.Equal(SyntaxKind.MinusToken, difference.Operator);
        Assert.IsType<StructOrUnionSpecifierSyntax>(Assert.IsType<SizeofOrAlignofTypeSyntax>(difference.Left).TypeName!.Specifiers!.TypeSpecifierNode);
        var offsetof = Assert.IsType<OffsetofExpressionSyntax>(difference.Right);
        Assert.Equal(2, offsetof.Designators.Count());
    }

    [Fact]
    public void Function_definitions_keep_their_body_as_tokens()
    {
        var unit = Root("static inline int add(int a, int b) { return a + b; }");
        var definition = Assert.IsType<FunctionDefinitionSyntax>(Assert.Single(unit.Members));
        Assert.Equal("add", definition.Declarator!.Identifier!.Value.ValueText);
        Assert.Equal(["return", "a", "+", "b", ";"], definition.Body!.Contents.Select(t => t.Text));
        Assert.True(definition.Specifiers!.Has(CKeyword.Inline));
    }

    [Fact]
    public void Pragma_lines_are_visible_to_the_binder()
    {
        var unit = Root("#pragma pack(1)\nstruct s { char c; int i; };\n");
        var line = Assert.IsType<PreprocessorLineSyntax>(unit.Members.First());
        Assert.Equal("pragma", line.DirectiveName);
        Assert.Equal(["#", "pragma", "pack", "(", "1", ")"], line.Tokens.Select(t => t.Text));
    }

    [Fact]
    public void Red_positions_are_absolute()
    {
        var text = "int a;\nstruct s { long member; };";
        var unit = Root(text);
        var tag = (StructOrUnionSpecifierSyntax)unit.Members.Cast<DeclarationSyntax>().Last().Specifiers!.TypeSpecifierNode!;
        var member = tag.Members.Cast<MemberDeclarationSyntax>().Single().Declarators.Single().Declarator!.Identifier!.Value;
        Assert.Equal(text.IndexOf("member", StringComparison.Ordinal), member.Span.Start);
        Assert.Equal(2, member.Location!.Value.Line);
    }
}

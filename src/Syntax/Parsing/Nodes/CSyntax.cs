using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>Makes typed views of red nodes.</summary>
public static class CSyntax
{
    /// <summary>The translation unit at the root of a tree the C parser made, or null for another kind of tree.</summary>
    public static TranslationUnitSyntax? Root(SyntaxTree tree) => Wrap(tree.Root) as TranslationUnitSyntax;

    /// <summary>The typed view of a node of a C declaration kind; null for lists and other kinds.</summary>
    public static CSyntaxNode? Wrap(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.TranslationUnit => new TranslationUnitSyntax(node),
        SyntaxKind.Declaration => new DeclarationSyntax(node),
        SyntaxKind.FunctionDefinition => new FunctionDefinitionSyntax(node),
        SyntaxKind.StaticAssertDeclaration => new StaticAssertDeclarationSyntax(node),
        SyntaxKind.FileScopeAsm => new FileScopeAsmSyntax(node),
        SyntaxKind.EmptyDeclaration => new EmptyDeclarationSyntax(node),
        SyntaxKind.PreprocessorLine => new PreprocessorLineSyntax(node),
        SyntaxKind.SkippedTokens => new SkippedTokensSyntax(node),
        SyntaxKind.UnparsedBlock => new UnparsedBlockSyntax(node),
        SyntaxKind.DeclarationSpecifiers => new DeclarationSpecifiersSyntax(node),
        SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier => new StructOrUnionSpecifierSyntax(node),
        SyntaxKind.EnumSpecifier => new EnumSpecifierSyntax(node),
        SyntaxKind.MemberDeclaration => new MemberDeclarationSyntax(node),
        SyntaxKind.MemberDeclarator => new MemberDeclaratorSyntax(node),
        SyntaxKind.Enumerator => new EnumeratorSyntax(node),
        SyntaxKind.TypeofSpecifier => new TypeofSpecifierSyntax(node),
        SyntaxKind.AtomicTypeSpecifier => new AtomicTypeSpecifierSyntax(node),
        SyntaxKind.AlignasSpecifier => new AlignasSpecifierSyntax(node),
        SyntaxKind.AttributeSpecifier => new AttributeSpecifierSyntax(node),
        SyntaxKind.Attribute => new AttributeSyntax(node),
        SyntaxKind.AsmLabel => new AsmLabelSyntax(node),
        SyntaxKind.InitDeclarator => new InitDeclaratorSyntax(node),
        SyntaxKind.IdentifierDeclarator => new IdentifierDeclaratorSyntax(node),
        SyntaxKind.PointerDeclarator => new PointerDeclaratorSyntax(node),
        SyntaxKind.ArrayDeclarator => new ArrayDeclaratorSyntax(node),
        SyntaxKind.FunctionDeclarator => new FunctionDeclaratorSyntax(node),
        SyntaxKind.ParenthesizedDeclarator => new ParenthesizedDeclaratorSyntax(node),
        SyntaxKind.ParameterDeclaration => new ParameterDeclarationSyntax(node),
        SyntaxKind.TypeName => new TypeNameSyntax(node),
        SyntaxKind.InitializerList => new InitializerListSyntax(node),
        SyntaxKind.DesignatedInitializer => new DesignatedInitializerSyntax(node),
        SyntaxKind.FieldDesignator => new FieldDesignatorSyntax(node),
        SyntaxKind.ArrayDesignator => new ArrayDesignatorSyntax(node),
        SyntaxKind.IdentifierName => new IdentifierNameSyntax(node),
        SyntaxKind.NumberLiteral => new NumberLiteralSyntax(node),
        SyntaxKind.CharacterLiteral => new CharacterLiteralSyntax(node),
        SyntaxKind.StringLiteralExpression => new StringLiteralExpressionSyntax(node),
        SyntaxKind.ParenthesizedExpression => new ParenthesizedExpressionSyntax(node),
        SyntaxKind.StatementExpression => new StatementExpressionSyntax(node),
        SyntaxKind.CastExpression => new CastExpressionSyntax(node),
        SyntaxKind.CompoundLiteral => new CompoundLiteralSyntax(node),
        SyntaxKind.PrefixUnaryExpression => new PrefixUnaryExpressionSyntax(node),
        SyntaxKind.PostfixUnaryExpression => new PostfixUnaryExpressionSyntax(node),
        SyntaxKind.SizeofExpression or SyntaxKind.AlignofExpression => new SizeofOrAlignofExpressionSyntax(node),
        SyntaxKind.SizeofTypeExpression or SyntaxKind.AlignofTypeExpression => new SizeofOrAlignofTypeSyntax(node),
        SyntaxKind.BinaryExpression => new BinaryExpressionSyntax(node),
        SyntaxKind.ConditionalExpression => new ConditionalExpressionSyntax(node),
        SyntaxKind.AssignmentExpression => new AssignmentExpressionSyntax(node),
        SyntaxKind.CallExpression => new CallExpressionSyntax(node),
        SyntaxKind.SubscriptExpression => new SubscriptExpressionSyntax(node),
        SyntaxKind.MemberAccessExpression => new MemberAccessExpressionSyntax(node),
        SyntaxKind.OffsetofExpression => new OffsetofExpressionSyntax(node),
        SyntaxKind.TypesCompatibleExpression => new TypesCompatibleExpressionSyntax(node),
        SyntaxKind.ChooseExpression => new ChooseExpressionSyntax(node),
        SyntaxKind.VaArgExpression => new VaArgExpressionSyntax(node),
        SyntaxKind.GenericSelection => new GenericSelectionSyntax(node),
        SyntaxKind.GenericAssociation => new GenericAssociationSyntax(node),
        SyntaxKind.ErrorExpression => new ErrorExpressionSyntax(node),
        _ => null,
    };

    /// <summary>The keyword a token spells, or <see cref="CKeyword.None"/> (punctuators, names).</summary>
    public static CKeyword KeywordOf(SyntaxToken token) =>
        token.Kind == SyntaxKind.IdentifierToken ? CSyntaxFacts.GetKeyword(token.ValueText) : CKeyword.None;
}

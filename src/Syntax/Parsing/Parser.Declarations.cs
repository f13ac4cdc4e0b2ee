using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>External definitions (C11 6.9) and declarations (6.7).</summary>
internal sealed partial class Parser
{
    public GreenNode ParseTranslationUnit()
    {
        var items = RentList();
        while (true)
        {
            // Recovery from too deep nesting happens here, by skipping the rest of the declaration.
            _unwinding = false;
            if (AtEnd) break;
            var start = _position;
            if (TryReuse(start, items)) continue;
            var recording = StartRecording(start);
            if (StartsExternalDeclaration())
            {
                items.Add(ParseExternalDeclaration());
            }
            if (_position == start || _unwinding)
            {
                if (recording) StopRecording();
                _unwinding = false;
                ReportExpected("identifier or '('");
                if (SkipDeclaration(inBlock: false) is { } skipped) items.Add(skipped);
            }
            else if (recording)
            {
                Record(start, items[^1]);
            }
        }
        var declarations = ItemsList(items);
        return Node(SyntaxKind.TranslationUnit, declarations, TokenAt(_last));
    }

    /// <summary>The file-scope items' full widths and diagnostics flags summed so far (<see cref="SumItems"/>): the first <see cref="_itemsSummed"/> of them.</summary>
    private int _itemsWidth;
    private bool _itemsContainDiagnostics;
    private int _itemsSummed;

    /// <summary>Adds the items not summed yet to the sums (a taken block adds its own sums instead: see <see cref="TakeBlock"/>).</summary>
    private void SumItems(List<GreenNode> items)
    {
        for (var i = _itemsSummed; i < items.Count; i++)
        {
            var item = items[i];
            _itemsWidth += item.FullWidth;
            _itemsContainDiagnostics |= item.ContainsDiagnostics;
        }
        _itemsSummed = items.Count;
    }

    /// <summary>
    /// The translation unit's list of external declarations, as <see cref="ToList"/>
    /// would make it, but with the width and diagnostics flag summed as the
    /// items came: a unit taken from earlier parses is a few hundred blocks of
    /// 20,000 nodes, which are then not read again.
    /// </summary>
    private GreenNode? ItemsList(List<GreenNode> items)
    {
        // Small lists go through the cache like any other (ToList); large ones never would.
        if (items.Count <= 3) return ToList(items);
        SumItems(items);
        var node = new GreenInternalNode(SyntaxKind.List, [.. items], _itemsWidth, _itemsContainDiagnostics);
        items.Clear();
        _listPool.Push(items);
        return node;
    }

    private bool StartsExternalDeclaration() => CurrentKind switch
    {
        SyntaxKind.SemicolonToken or SyntaxKind.HashToken => true,
        SyntaxKind.IdentifierToken => CurrentKeyword is CKeyword.None or CKeyword.StaticAssert or CKeyword.Asm
            || CSyntaxFacts.StartsDeclarationSpecifiers(CurrentKeyword),
        _ => false,
    };

    private GreenNode ParseExternalDeclaration()
    {
        if (CurrentKind == SyntaxKind.SemicolonToken) return Node(SyntaxKind.EmptyDeclaration, EatToken());
        if (CurrentKind == SyntaxKind.HashToken) return ParsePreprocessorLine();
        if (StartsStaticAssert()) return ParseStaticAssert();
        if (CurrentKeyword == CKeyword.Asm) return ParseFileScopeAsm();
        return ParseDeclarationOrFunctionDefinition(allowFunctionDefinition: true);
    }

    /// <summary>
    /// A line the preprocessor passed through (gcc -E keeps #pragma; without -P
    /// it also writes line markers): from '#' to the end of its line. Kept so
    /// the binder can see "#pragma pack".
    /// </summary>
    private GreenNode ParsePreprocessorLine()
    {
        var items = RentList();
        while (!AtEnd)
        {
            var token = EatToken();
            items.Add(token);
            if (token.EndsLine) break;
        }
        return ToNode(SyntaxKind.PreprocessorLine, items)!;
    }

    /// <summary>
    /// _Static_assert (C11 6.7.10). "static_assert" is the &lt;assert.h&gt; macro in
    /// C11, but is accepted directly too where a declaration starts with it and '('.
    /// </summary>
    private bool StartsStaticAssert() =>
        CurrentKeyword == CKeyword.StaticAssert
        || (IsNameAt(_position) && NameAt(_position) == "static_assert" && PeekKind(1) == SyntaxKind.OpenParenToken);

    private GreenNode ParseStaticAssert()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.StaticAssertDeclaration, keyword, null, null, null, null, null, null);
        var condition = ParseConditionalExpression();
        var comma = TryEat(SyntaxKind.CommaToken);
        GreenNode? message = null;
        if (comma is not null)
        {
            if (CurrentKind == SyntaxKind.StringLiteralToken) message = ParseStringLiteral();
            else ReportExpected("string literal");
        }
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        var semicolon = close is null ? null : Expect(SyntaxKind.SemicolonToken, "';'");
        return Node(SyntaxKind.StaticAssertDeclaration, keyword, open, condition, comma, message, close, semicolon);
    }

    /// <summary>Basic asm at file scope (GCC "Basic Asm"): asm ( string-literal ) ;</summary>
    private GreenNode ParseFileScopeAsm()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        GreenNode? text = null;
        GreenToken? close = null;
        if (open is not null)
        {
            if (CurrentKind == SyntaxKind.StringLiteralToken) text = ParseStringLiteral();
            else ReportExpected("string literal");
            close = Expect(SyntaxKind.CloseParenToken, "')'");
        }
        var semicolon = close is null ? null : Expect(SyntaxKind.SemicolonToken, "';'");
        return Node(SyntaxKind.FileScopeAsm, keyword, open, text, close, semicolon);
    }

    /// <summary>
    /// A declaration or, when the first declarator declares a function and a
    /// body follows, a function definition (C11 6.9.1): both start with
    /// specifiers and a declarator, so the decision waits until after them.
    /// </summary>
    private GreenNode ParseDeclarationOrFunctionDefinition(bool allowFunctionDefinition)
    {
        var specifiers = ParseDeclarationSpecifiers(SpecifierContext.Declaration, out var info);
        if (CurrentKind == SyntaxKind.SemicolonToken)
        {
            return Node(SyntaxKind.Declaration, specifiers, null, EatToken());
        }
        if (specifiers is null)
        {
            // Nothing consumed: the caller skips and reports.
            if (!IsNameAt(_position)) return Node(SyntaxKind.Declaration, null, null, null);
            // gcc -std=gnu11: implicit int, with a warning (C90 6.5.2).
            ReportAt(_position, ParserDiagnostics.NoTypeOrStorageClass);
        }
        var declarator = ParseDeclarator(DeclaratorKind.Normal, info.TypeSeen);
        if (declarator is null) return Node(SyntaxKind.Declaration, specifiers, null, null);
        var asm = ParseAsmLabelOpt();
        var attributes = ParseAttributesOpt();
        if (allowFunctionDefinition && DeclaratorShape.DeclaresFunction(declarator, out var function))
        {
            var oldStyle = DeclaratorShape.HasIdentifierList(function!) && StartsDeclarationSpecifiersAt(_position);
            if (CurrentKind == SyntaxKind.OpenBraceToken || oldStyle)
            {
                return ParseFunctionDefinition(specifiers, declarator, asm, attributes);
            }
        }
        var items = RentList();
        items.Add(FinishInitDeclarator(declarator, asm, attributes, info));
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(EatToken());
            var next = ParseDeclarator(DeclaratorKind.Normal, info.TypeSeen);
            if (next is null) break;
            items.Add(FinishInitDeclarator(next, ParseAsmLabelOpt(), ParseAttributesOpt(), info));
        }
        var list = ToList(items);
        var semicolon = Expect(SyntaxKind.SemicolonToken, "'=', ',', ';', 'asm' or '__attribute__'");
        return Node(SyntaxKind.Declaration, specifiers, list, semicolon);
    }

    /// <summary>The rest of an init-declarator (GCC: declarator asm-label? attributes? (= initializer)?).</summary>
    private GreenNode FinishInitDeclarator(GreenNode declarator, GreenNode? asm, GreenNode? attributes, SpecifierInfo info)
    {
        // The identifier's scope starts right after its declarator (C11 6.2.1p7).
        Declare(declarator, info);
        var equals = TryEat(SyntaxKind.EqualsToken);
        var initializer = equals is null ? null : ParseInitializer();
        return Node(SyntaxKind.InitDeclarator, declarator, asm, attributes, equals, initializer);
    }

    private void Declare(GreenNode? declarator, SpecifierInfo info)
    {
        if (DeclaratorShape.GetIdentifier(declarator) is not { } identifier) return;
        var name = identifier.Name;
        if (info.IsTypedef) _scopes.DeclareTypedef(name);
        else _scopes.DeclareOrdinary(name);
    }

    /// <summary>A function definition; old-style (K&amp;R) parameter declarations are parsed, the body is kept as tokens.</summary>
    private GreenNode ParseFunctionDefinition(GreenNode? specifiers, GreenNode declarator, GreenNode? asm, GreenNode? attributes)
    {
        Declare(declarator, default);
        var items = RentList();
        while (CurrentKind != SyntaxKind.OpenBraceToken && StartsDeclarationSpecifiersAt(_position))
        {
            var start = _position;
            items.Add(ParseDeclarationOrFunctionDefinition(allowFunctionDefinition: false));
            if (_position == start) break;
        }
        var parameters = ToList(items);
        GreenNode? body = null;
        if (CurrentKind == SyntaxKind.OpenBraceToken) body = ParseUnparsedBlock();
        else ReportExpected("'{'");
        var definition = Node(SyntaxKind.FunctionDefinition, specifiers, declarator, asm, attributes, parameters, body);
        // gcc parses attributes between the declarator and the body, then rejects them.
        return attributes is null ? definition : WithDiagnosticAtStart(definition, ParserDiagnostics.AttributesAfterDeclaratorInDefinition);
    }
}

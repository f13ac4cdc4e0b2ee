using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>A function declarator whose signature was not bound yet (see <see cref="BinderOptions.BindFunctionSignatures"/>).</summary>
    private readonly record struct FunctionDeclaratorSite(GNode Specifiers, GNode Declarator, int ItemPosition)
    {
        /// <summary>The same site in an item that moved by <paramref name="delta"/> (a replayed record: same green nodes).</summary>
        public FunctionDeclaratorSite Moved(int delta) => new(Move(Specifiers, delta), Move(Declarator, delta), ItemPosition + delta);

        private static GNode Move(GNode node, int delta) => node.IsPresent ? new GNode(node.Green, node.Position + delta) : default;
    }

    /// <summary>
    /// A file-scope declaration: typedefs, objects and functions. With
    /// <paramref name="namesOnly"/> (a declaration of functions only), the
    /// functions are recorded by name and their signatures bound only if an
    /// expression needs one.
    /// </summary>
    /// <remarks>Slots: Declaration 0 specifiers?, 1 list of init-declarators, 2 ';'; InitDeclarator 0 declarator, 1 asm?, 2 attributes, 3 '='?, 4 initializer?.</remarks>
    private void BindDeclaration(GNode declaration, bool namesOnly)
    {
        var specifierNode = declaration.Node(0);
        if (namesOnly)
        {
            foreach (var init in declaration.Nodes(1, SyntaxKind.InitDeclarator))
            {
                var name = Shapes.Identifier(init.Node(0));
                if (!name.IsPresent) continue;
                var text = name.ValueText;
                if (_file.FindOrdinaryHere(text) is FunctionSymbol { Type: not null }) continue;
                SetUnbound(text, new FunctionDeclaratorSite(specifierNode, init.Node(0), _itemPosition));
                if (DeclareOrdinary(new FunctionSymbol(text, null, false), name)) SetLocation(text, name.Start);
            }
            CollectUses(declaration);
            ClearReferences();
            return;
        }
        var hasDeclarators = false;
        foreach (var child in declaration.Node(1))
        {
            if (child.Kind == SyntaxKind.InitDeclarator) hasDeclarators = true;
        }
        var specifiers = BindSpecifiers(specifierNode, declaresTagOnly: !hasDeclarators);
        CollectUses(specifierNode);
        if (!hasDeclarators)
        {
            if (!DeclaresTag(specifierNode) && !specifiers.DefinesUntaggedRecord) Report(SemanticDiagnostics.DeclaresNothing, declaration);
            ClearReferences();
            return;
        }
        foreach (var init in declaration.Nodes(1, SyntaxKind.InitDeclarator))
        {
            var defined = BindInitDeclarator(init, specifiers);
            CollectUses(init);
            // c-decl.cc finish_decl: a file-scope object with static storage (TREE_STATIC: not extern, or initialized) takes the used types.
            if (defined is var (name, neededAlone)) DefineObject(name, neededAlone);
            else ClearReferences();
        }
    }

    /// <summary>
    /// One declarator of a file-scope declaration. Returns the object it
    /// defines, if it defines one, and whether gcc outputs that object even
    /// when nothing refers to it (a public definition, or <c>used</c>).
    /// </summary>
    private (string Name, bool NeededAlone)? BindInitDeclarator(GNode init, in DeclarationSpecifiers specifiers)
    {
        var attributes = new AttributeSet();
        var declared = ApplyDeclarator(specifiers.Type, init.Node(0), ref attributes, inParameter: false);
        foreach (var a in init.Nodes(2, SyntaxKind.AttributeSpecifier)) ReadAttributes(a, ref attributes);
        attributes.Append(specifiers.Attributes);
        if (declared.Name is not { } name || !declared.NameToken.IsPresent) return null;
        var nameToken = declared.NameToken;
        if (specifiers.Storage == StorageClass.Typedef)
        {
            DeclareTypedef(name, nameToken, declared.Type, attributes, init);
            return null;
        }
        var type = ApplyTypeAttributes(declared.Type, attributes, init);
        if (type.StripTypedefsAndQualifiers() is FunctionType)
        {
            DeclareFunction(name, nameToken, type, isDefinition: false);
            return null;
        }
        var initializer = init.Node(4);
        if (specifiers.IsAutoType) type = AutoType(init, initializer, name) ?? type;
        type = CompleteFromInitializer(type, initializer);
        var isDefinition = specifiers.Storage != StorageClass.Extern || initializer.IsPresent;
        DeclareGlobal(name, nameToken, type, specifiers.Storage, isDefinition);
        return isDefinition ? (name, specifiers.Storage != StorageClass.Static || attributes.Used) : null;
    }

    /// <summary>Specifiers that name a tag (a struct, union or enum specifier with a tag, or an enum): "struct s;" declares something.</summary>
    private static bool DeclaresTag(GNode specifiers)
    {
        foreach (var child in specifiers)
        {
            if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier && child.Node.Token(2).IsPresent) return true;
            if (child.Kind == SyntaxKind.EnumSpecifier) return true;
        }
        return false;
    }

    /// <summary>
    /// A typedef (C11 6.7.8): <c>aligned</c> makes a variant of the type with
    /// that alignment (the last one wins); <c>packed</c> on a typedef is
    /// ignored by gcc, even when the typedef defines the struct ("'packed'
    /// attribute ignored"); <c>mode</c> and <c>vector_size</c> make a new type.
    /// Redefinition with the same type is allowed (C11 6.7p3).
    /// </summary>
    private void DeclareTypedef(string name, GToken nameToken, CType type, in AttributeSet attributes, GNode at)
    {
        if (attributes.Packed) Report(SemanticDiagnostics.AttributeIgnored, at, "packed");
        type = ApplyTypeAttributes(type, attributes, at);
        var typedef = new TypedefType(name, type, attributes.AlignedLast);
        switch (_scope.FindOrdinaryHere(name))
        {
            case TypedefSymbol existing when existing.Typedef.Equals(typedef):
                return;
            case TypedefSymbol existing when existing.Typedef.Target.Equals(typedef.Target) && typedef.Aligned is null:
                return;
            case TypedefSymbol:
                Report(SemanticDiagnostics.ConflictingTypes, nameToken, name);
                return;
            case not null:
                Report(SemanticDiagnostics.Redefinition, nameToken, name);
                return;
        }
        DeclareOrdinary(new TypedefSymbol(typedef), nameToken);
        if (_scope.IsFile) SetTypedef(name, typedef);
    }

    private void DeclareFunction(string name, GToken nameToken, CType type, bool isDefinition)
    {
        RemoveUnbound(name);
        var existing = _file.FindOrdinaryHere(name) as FunctionSymbol;
        // The first declaration's location stays (it is kept apart from the symbol, see SetLocation).
        if (DeclareOrdinary(new FunctionSymbol(name, type, isDefinition || existing?.IsDefined == true), nameToken) && existing is null) SetLocation(name, nameToken.Start);
    }

    /// <summary>
    /// A global variable; several declarations of one name combine into the
    /// composite type (C11 6.2.7p4), which completes an array of unknown size.
    /// </summary>
    private void DeclareGlobal(string name, GToken nameToken, CType type, StorageClass storage, bool isDefinition)
    {
        var linkage = storage == StorageClass.Static ? Linkage.Internal : Linkage.External;
        if (_file.FindOrdinaryHere(name) is GlobalVariable existing)
        {
            var composite = Composite(existing.Type, type);
            if (composite is null)
            {
                Report(SemanticDiagnostics.ConflictingTypes, nameToken, name);
                return;
            }
            _file.DeclareOrdinary(existing with { Type = composite, IsDefined = existing.IsDefined || isDefinition });
            return;
        }
        if (DeclareOrdinary(new GlobalVariable(name, type, linkage, isDefinition), nameToken)) SetLocation(name, nameToken.Start);
    }

    /// <summary>The composite of two declarations' types, or null when they are not compatible.</summary>
    private CType? Composite(CType a, CType b)
    {
        if (a.Equals(b)) return a;
        if (a.StripTypedefsAndQualifiers() is ArrayType x && b.StripTypedefsAndQualifiers() is ArrayType y
            && TypeCompatibility.Compatible(a, b, Layout))
        {
            return x.Length is null ? b : a;
        }
        return TypeCompatibility.Compatible(a, b, Layout) ? a : null;
    }

    /// <summary>gcc's <c>__auto_type</c>: the type of the initializer after lvalue conversion.</summary>
    private CType? AutoType(GNode init, GNode initializer, string name)
    {
        if (!initializer.IsPresent || initializer.Kind == SyntaxKind.InitializerList)
        {
            Report(SemanticDiagnostics.InvalidOperand, init, $"'__auto_type' requires an initialized data declaration ('{name}')");
            return null;
        }
        var type = _evaluator.TypeOf(initializer);
        return type?.StripTypedefsAndQualifiers() switch
        {
            ArrayType array => new PointerType(array.Element),
            FunctionType => new PointerType(type),
            _ => type?.Unqualified(),
        };
    }

    /// <summary>An array of unknown size completed by its initializer (C11 6.7.9p22): the number of elements, or a string's length.</summary>
    /// <remarks>Slots: InitializerList 0 '{', 1 items, 2 '}'; DesignatedInitializer 0 designators, 1 '=', 2 initializer; ArrayDesignator 0 '[', 1 index, 2 '...'?, 3 last?.</remarks>
    private CType CompleteFromInitializer(CType type, GNode initializer)
    {
        if (type is not ArrayType { Length: null } array || !initializer.IsPresent) return type;
        switch (initializer.Kind)
        {
            case SyntaxKind.StringLiteralExpression:
                return _evaluator.TypeOf(initializer) is ArrayType { Length: { } n } ? array with { Length = n } : type;
            case SyntaxKind.InitializerList:
            {
                var items = new List<GNode>();
                foreach (var child in initializer.Node(1))
                {
                    if (!child.IsToken) items.Add(child.Node);
                }
                if (items is [{ Kind: SyntaxKind.StringLiteralExpression } only]
                    && array.Element.StripTypedefsAndQualifiers() is ScalarType { Kind: ScalarKind.Char or ScalarKind.SignedChar or ScalarKind.UnsignedChar })
                {
                    return CompleteFromInitializer(type, only);
                }
                long index = 0, count = 0;
                foreach (var item in items)
                {
                    if (item.Kind == SyntaxKind.DesignatedInitializer)
                    {
                        GNode designator = default;
                        foreach (var d in item.Node(0))
                        {
                            if (!d.IsToken)
                            {
                                designator = d.Node;
                                break;
                            }
                        }
                        if (designator.Kind == SyntaxKind.ArrayDesignator)
                        {
                            var last = designator.Node(3).IsPresent ? designator.Node(3) : designator.Node(1);
                            if (_evaluator.EvaluateInteger(last, "array index in initializer") is { } i) index = (long)i;
                        }
                    }
                    index++;
                    count = Math.Max(count, index);
                }
                return array with { Length = count };
            }
            default:
                return type;
        }
    }

    /// <remarks>Slots: 0 specifiers?, 1 declarator, 2 asm?, 3 attributes, 4 old-style parameter declarations, 5 body.</remarks>
    private void BindFunctionDefinition(GNode definition)
    {
        var declarator = definition.Node(1);
        if (!declarator.IsPresent) return;
        var specifierNode = definition.Node(0);
        var identifier = Shapes.Identifier(declarator);
        if (!_options.BindFunctionSignatures && !Shapes.DefinesTag(specifierNode) && identifier.IsPresent)
        {
            var text = identifier.ValueText;
            if (_file.FindOrdinaryHere(text) is FunctionSymbol { Type: not null } known)
            {
                _file.DeclareOrdinary(known with { IsDefined = true });
                return;
            }
            SetUnbound(text, new FunctionDeclaratorSite(specifierNode, declarator, _itemPosition));
            if (DeclareOrdinary(new FunctionSymbol(text, null, true), identifier)) SetLocation(text, identifier.Start);
            return;
        }
        var specifiers = BindSpecifiers(specifierNode, declaresTagOnly: false);
        var none = new AttributeSet();
        var declared = ApplyDeclarator(specifiers.Type, declarator, ref none, inParameter: false);
        if (declared.Name is { } name && declared.NameToken.IsPresent) DeclareFunction(name, declared.NameToken, declared.Type, isDefinition: true);
    }

    /// <summary>Binds a function signature recorded by name only, in the scope at the end of the unit so far.</summary>
    private FunctionSymbol BindFunctionSignature(FunctionSymbol function)
    {
        // The site is another item's text: a record of this item could not reproduce it.
        _recorder?.Refuse("binding a function signature of another item");
        var site = UnboundSite(function.Name);
        RemoveUnbound(function.Name);
        var outer = _scope;
        var (node, position, anchorName, anchor) = (_itemNode, _itemPosition, _anchorName, _anchor);
        _scope = _file;
        EnterItem(default, site.ItemPosition, function.Name);
        try
        {
            var specifiers = BindSpecifiers(site.Specifiers, declaresTagOnly: false);
            var none = new AttributeSet();
            var declared = ApplyDeclarator(specifiers.Type, site.Declarator, ref none, inParameter: false);
            var bound = function with { Type = declared.Type };
            _file.DeclareOrdinary(bound);
            return bound;
        }
        finally
        {
            _scope = outer;
            (_itemNode, _itemPosition, _anchorName, _anchor) = (node, position, anchorName, anchor);
        }
    }

    /// <summary>Declares an ordinary identifier in the current scope; a name already used for another kind of thing is an error.</summary>
    private bool DeclareOrdinary(OrdinarySymbol symbol, GToken at)
    {
        var existing = _scope.FindOrdinaryHere(symbol.Name);
        if (existing is not null && existing.GetType() != symbol.GetType())
        {
            Report(SemanticDiagnostics.Redefinition, at, symbol.Name);
            return false;
        }
        if (existing is EnumConstantSymbol)
        {
            Report(SemanticDiagnostics.Redefinition, at, symbol.Name);
            return false;
        }
        _scope.DeclareOrdinary(symbol);
        return true;
    }

    /// <summary>_Static_assert (C11 6.7.10): the condition must be a nonzero integer constant.</summary>
    /// <remarks>Slots: 0 keyword, 1 '(', 2 condition, 3 ','?, 4 message?, 5 ')', 6 ';'.</remarks>
    private void CheckStaticAssert(GNode assertion)
    {
        var value = _evaluator.EvaluateInteger(assertion.Node(2), "static assertion expression");
        if (value == Int128.Zero)
        {
            var message = new System.Text.StringBuilder();
            foreach (var piece in assertion.Node(4))
            {
                if (piece.IsToken) message.Append(piece.Token.ValueText);
            }
            Report(SemanticDiagnostics.StaticAssertionFailed, assertion, message.ToString());
        }
    }

    /// <summary>#pragma pack(...); other pragmas change no layout.</summary>
    private void Pragma(GNode line)
    {
        _recorder?.Refuse("a pragma");
        var tokens = new List<string>();
        foreach (var token in line)
        {
            if (token.IsToken) tokens.Add(token.Token.ValueText);
        }
        if (tokens.Count < 3 || tokens[1] != "pragma" || tokens[2] != "pack") return;
        var arguments = new List<string>();
        var wellFormed = tokens.Count >= 5 && tokens[3] == "(" && tokens[^1] == ")";
        if (wellFormed)
        {
            for (var i = 4; i < tokens.Count - 1; i++)
            {
                if (tokens[i] == ",") continue;
                arguments.Add(tokens[i]);
            }
        }
        if (!wellFormed || !_pack.Apply(arguments)) Report(SemanticDiagnostics.BadPragma, line);
    }
}

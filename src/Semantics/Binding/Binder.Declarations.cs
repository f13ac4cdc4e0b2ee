using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>A function declarator whose signature was not bound yet (see <see cref="BinderOptions.BindFunctionSignatures"/>).</summary>
    private sealed record FunctionDeclaratorSite(DeclarationSpecifiersSyntax? Specifiers, DeclaratorSyntax Declarator);

    /// <summary>
    /// A file-scope declaration: typedefs, objects and functions. With
    /// <paramref name="namesOnly"/> (a declaration of functions only), the
    /// functions are recorded by name and their signatures bound only if an
    /// expression needs one.
    /// </summary>
    private void BindDeclaration(DeclarationSyntax declaration, bool namesOnly)
    {
        var declarators = declaration.Declarators.ToList();
        if (namesOnly)
        {
            foreach (var init in declarators)
            {
                if (init.Declarator?.Identifier is not { } name) continue;
                var text = name.ValueText;
                if (_file.FindOrdinaryHere(text) is FunctionSymbol { Type: not null }) continue;
                _unboundFunctions[text] = new FunctionDeclaratorSite(declaration.Specifiers, init.Declarator);
                DeclareOrdinary(new FunctionSymbol(text, null, false, name.Location), name);
            }
            return;
        }
        var specifiers = BindSpecifiers(declaration.Specifiers, declaresTagOnly: declarators.Count == 0);
        if (declarators.Count == 0)
        {
            var isTag = declaration.Specifiers?.TypeSpecifierNode is StructOrUnionSpecifierSyntax { Tag: not null } or EnumSpecifierSyntax
                || specifiers.DefinesUntaggedRecord;
            if (!isTag) Report(SemanticDiagnostics.DeclaresNothing, declaration.Node);
            return;
        }
        foreach (var init in declarators)
        {
            var attributes = new AttributeSet();
            var declared = ApplyDeclarator(specifiers.Type, init.Declarator, attributes, inParameter: false);
            foreach (var a in init.Attributes) ReadAttributes(a, attributes);
            attributes.Append(specifiers.Attributes);
            if (declared.Name is not { } name || declared.NameToken is not { } nameToken) continue;
            if (specifiers.Storage == StorageClass.Typedef)
            {
                DeclareTypedef(name, nameToken, declared.Type, attributes, init.Node);
                continue;
            }
            var type = ApplyTypeAttributes(declared.Type, attributes, init.Node);
            if (type.StripTypedefsAndQualifiers() is FunctionType)
            {
                DeclareFunction(name, nameToken, type, isDefinition: false);
                continue;
            }
            if (specifiers.IsAutoType) type = AutoType(init, name) ?? type;
            type = CompleteFromInitializer(type, init.Initializer);
            DeclareGlobal(name, nameToken, type, specifiers.Storage, isDefinition: specifiers.Storage != StorageClass.Extern || init.Initializer is not null);
        }
    }

    /// <summary>
    /// A typedef (C11 6.7.8): <c>aligned</c> makes a variant of the type with
    /// that alignment (the last one wins); <c>packed</c> on a typedef is
    /// ignored by gcc, even when the typedef defines the struct ("'packed'
    /// attribute ignored"); <c>mode</c> and <c>vector_size</c> make a new type.
    /// Redefinition with the same type is allowed (C11 6.7p3).
    /// </summary>
    private void DeclareTypedef(string name, SyntaxToken nameToken, CType type, AttributeSet attributes, SyntaxNode at)
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
            case { } other:
                Report(SemanticDiagnostics.Redefinition, nameToken, name);
                _ = other;
                return;
        }
        DeclareOrdinary(new TypedefSymbol(typedef), nameToken);
        if (_scope.IsFile) _typedefs[name] = typedef;
    }

    private void DeclareFunction(string name, SyntaxToken nameToken, CType type, bool isDefinition)
    {
        _unboundFunctions.Remove(name);
        var existing = _file.FindOrdinaryHere(name) as FunctionSymbol;
        DeclareOrdinary(new FunctionSymbol(name, type, isDefinition || existing?.IsDefined == true, existing?.Location ?? nameToken.Location), nameToken);
    }

    /// <summary>
    /// A global variable; several declarations of one name combine into the
    /// composite type (C11 6.2.7p4), which completes an array of unknown size.
    /// </summary>
    private void DeclareGlobal(string name, SyntaxToken nameToken, CType type, StorageClass storage, bool isDefinition)
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
        DeclareOrdinary(new GlobalVariable(name, type, linkage, isDefinition, nameToken.Location), nameToken);
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
    private CType? AutoType(InitDeclaratorSyntax init, string name)
    {
        if (init.Initializer is not ExpressionSyntax expression)
        {
            Report(SemanticDiagnostics.InvalidOperand, init.Node, $"'__auto_type' requires an initialized data declaration ('{name}')");
            return null;
        }
        var type = _evaluator.TypeOf(expression);
        return type?.StripTypedefsAndQualifiers() switch
        {
            ArrayType array => new PointerType(array.Element),
            FunctionType => new PointerType(type),
            _ => type?.Unqualified(),
        };
    }

    /// <summary>An array of unknown size completed by its initializer (C11 6.7.9p22): the number of elements, or a string's length.</summary>
    private CType CompleteFromInitializer(CType type, CSyntaxNode? initializer)
    {
        if (type is not ArrayType { Length: null } array || initializer is null) return type;
        switch (initializer)
        {
            case StringLiteralExpressionSyntax s:
                return _evaluator.TypeOf(s) is ArrayType { Length: { } n } ? array with { Length = n } : type;
            case InitializerListSyntax list:
            {
                if (list.Items.Count() == 1 && list.Items.First() is StringLiteralExpressionSyntax only
                    && array.Element.StripTypedefsAndQualifiers() is ScalarType { Kind: ScalarKind.Char or ScalarKind.SignedChar or ScalarKind.UnsignedChar })
                {
                    return CompleteFromInitializer(type, only);
                }
                long index = 0, count = 0;
                foreach (var item in list.Items)
                {
                    if (item is DesignatedInitializerSyntax designated && designated.Designators.FirstOrDefault() is ArrayDesignatorSyntax designator)
                    {
                        var at = _evaluator.EvaluateInteger(designator.RangeEnd ?? designator.Index, "array index in initializer");
                        if (at is { } i) index = (long)i;
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

    private void BindFunctionDefinition(FunctionDefinitionSyntax definition)
    {
        if (definition.Declarator is not { } declarator) return;
        if (!_options.BindFunctionSignatures && !DefinesType(definition.Specifiers) && declarator.Identifier is { } identifier)
        {
            var text = identifier.ValueText;
            if (_file.FindOrdinaryHere(text) is FunctionSymbol { Type: not null } known)
            {
                _file.DeclareOrdinary(known with { IsDefined = true });
                return;
            }
            _unboundFunctions[text] = new FunctionDeclaratorSite(definition.Specifiers, declarator);
            DeclareOrdinary(new FunctionSymbol(text, null, true, identifier.Location), identifier);
            return;
        }
        var specifiers = BindSpecifiers(definition.Specifiers, declaresTagOnly: false);
        var declared = ApplyDeclarator(specifiers.Type, definition.Declarator, new AttributeSet(), inParameter: false);
        if (declared.Name is { } name && declared.NameToken is { } token) DeclareFunction(name, token, declared.Type, isDefinition: true);
    }

    private static bool DefinesType(DeclarationSpecifiersSyntax? specifiers)
    {
        if (specifiers is null) return false;
        foreach (var child in specifiers.Node.ChildNodes())
        {
            if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier && child.Green.GetSlot(3) is not null) return true;
        }
        return false;
    }

    /// <summary>Binds a function signature recorded by name only, in the scope at the end of the unit so far.</summary>
    private FunctionSymbol BindFunctionSignature(FunctionSymbol function)
    {
        var site = _unboundFunctions[function.Name];
        _unboundFunctions.Remove(function.Name);
        var outer = _scope;
        _scope = _file;
        try
        {
            var specifiers = BindSpecifiers(site.Specifiers, declaresTagOnly: false);
            var declared = ApplyDeclarator(specifiers.Type, site.Declarator, new AttributeSet(), inParameter: false);
            var bound = function with { Type = declared.Type };
            _file.DeclareOrdinary(bound);
            return bound;
        }
        finally
        {
            _scope = outer;
        }
    }

    /// <summary>Declares an ordinary identifier in the current scope; a name already used for another kind of thing is an error.</summary>
    private void DeclareOrdinary(OrdinarySymbol symbol, SyntaxToken at)
    {
        var existing = _scope.FindOrdinaryHere(symbol.Name);
        if (existing is not null && existing.GetType() != symbol.GetType())
        {
            Report(SemanticDiagnostics.Redefinition, at, symbol.Name);
            return;
        }
        if (existing is EnumConstantSymbol)
        {
            Report(SemanticDiagnostics.Redefinition, at, symbol.Name);
            return;
        }
        _scope.DeclareOrdinary(symbol);
    }

    /// <summary>_Static_assert (C11 6.7.10): the condition must be a nonzero integer constant.</summary>
    private void CheckStaticAssert(StaticAssertDeclarationSyntax assertion)
    {
        var value = _evaluator.EvaluateInteger(assertion.Condition, "static assertion expression");
        if (value == Int128.Zero)
        {
            var message = assertion.Message is { } m ? string.Concat(m.Tokens.Select(t => t.ValueText)) : "";
            Report(SemanticDiagnostics.StaticAssertionFailed, assertion.Node, message);
        }
    }

    /// <summary>#pragma pack(...); other pragmas change no layout.</summary>
    private void Pragma(PreprocessorLineSyntax line)
    {
        var tokens = line.Tokens.Select(t => t.ValueText).ToList();
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
        if (!wellFormed || !_pack.Apply(arguments)) Report(SemanticDiagnostics.BadPragma, line.Node);
    }
}

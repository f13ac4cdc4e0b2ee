using System.Collections.Immutable;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Records what gcc's C front end records for debug information (see
/// <see cref="DebugTypeUses"/>): the file-wide list of used types, handed to
/// each file-scope object definition, and the references that decide which
/// definitions gcc keeps. The walk reads each file-scope item after it is
/// bound, in token order, as gcc's one-pass parser meets the same uses.
/// </summary>
public sealed partial class Binder
{
    /// <summary>gcc's types_used_by_cur_var_decl: types used at file scope since the last object definition.</summary>
    private readonly List<CType> _pendingTypes = [];

    private readonly List<TypesUsedByVariable> _byVariables = [];

    /// <summary>
    /// Every file-scope object and function definition, in the order first defined, found by name number
    /// (see <see cref="DefinedSlots"/>): replaying a definition is an array access, not a hash of its name.
    /// </summary>
    private readonly DefinedSlots _definedSymbols;

    /// <summary>The objects and functions named (evaluated) by the declarator being walked.</summary>
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>Enumerators of enums whose body is being walked: gcc gives them an integer type until finish_enum, so naming one uses no enum type.</summary>
    private readonly List<HashSet<string>> _openEnums = [];

    /// <summary>Parameter names of the prototypes being walked, which hide file-scope names.</summary>
    private readonly List<HashSet<string>> _parameterScopes = [];

    /// <summary>Inside sizeof, alignof, typeof, offsetof and __builtin_types_compatible_p: names there make no reference in gcc's symbol table.</summary>
    private int _unevaluated;

    /// <summary>Walks a bound piece of a file-scope item for used types and references.</summary>
    private void CollectUses(GNode node)
    {
        if (!node.IsPresent) return;
        switch (node.Kind)
        {
            case SyntaxKind.UnparsedBlock:
                // A function body (or a statement expression's block): gcc records its uses in the function (cfun), see ScanBody.
                return;
            case SyntaxKind.IdentifierName:
                UseName(node.Token(0));
                return;
            case SyntaxKind.CastExpression or SyntaxKind.CompoundLiteral:
                // c-parser.cc c_parser_cast_expression: used_types_insert (type_name->specs->type), before the operand.
                if (CastSpecifierType(node.Node(1).Node(0)) is { } type) AddPendingType(type);
                break;
            case SyntaxKind.SizeofExpression or SyntaxKind.SizeofTypeExpression or SyntaxKind.AlignofExpression or SyntaxKind.AlignofTypeExpression
                or SyntaxKind.TypeofSpecifier or SyntaxKind.TypesCompatibleExpression or SyntaxKind.OffsetofExpression:
                _unevaluated++;
                CollectChildren(node);
                _unevaluated--;
                return;
            case SyntaxKind.EnumSpecifier when node.HasSlot(3):
                CollectEnumBody(node);
                return;
            case SyntaxKind.FunctionDeclarator:
                CollectParameters(node);
                return;
        }
        CollectChildren(node);
    }

    private void CollectChildren(GNode node)
    {
        foreach (var child in node)
        {
            if (!child.IsToken) CollectUses(child.Node);
        }
    }

    /// <remarks>Slots: 0 keyword, 1 attributes, 2 tag?, 3 '{', 4 enumerators, 5 '}'?, 6 attributes; Enumerator 0 name, 1 attributes, 2 '='?, 3 value?.</remarks>
    private void CollectEnumBody(GNode specifier)
    {
        CollectUses(specifier.Node(1));
        var own = new HashSet<string>(StringComparer.Ordinal);
        _openEnums.Add(own);
        foreach (var enumerator in specifier.Nodes(4, SyntaxKind.Enumerator))
        {
            CollectUses(enumerator.Node(1));
            CollectUses(enumerator.Node(3));
            own.Add(enumerator.Token(0).ValueText);
        }
        _openEnums.RemoveAt(_openEnums.Count - 1);
        CollectUses(specifier.Node(6));
    }

    /// <remarks>Slots: 0 inner?, 1 '(', 2 parameters, 3 ')'?; a parameter's name hides a file-scope name in the parameters after it (C11 6.2.1p4).</remarks>
    private void CollectParameters(GNode declarator)
    {
        CollectUses(declarator.Node(0));
        var names = new HashSet<string>(StringComparer.Ordinal);
        _parameterScopes.Add(names);
        foreach (var parameter in declarator.Nodes(2, SyntaxKind.ParameterDeclaration))
        {
            CollectUses(parameter);
            if (Shapes.Identifier(parameter.Node(1)) is { IsPresent: true } name) names.Add(name.ValueText);
        }
        _parameterScopes.RemoveAt(_parameterScopes.Count - 1);
    }

    /// <summary>A name in an expression: an enumeration constant uses its enum type (c-typeck.cc build_external_ref); an object or function is a reference.</summary>
    private void UseName(GToken token)
    {
        if (!token.IsPresent) return;
        var name = token.ValueText;
        foreach (var scope in _parameterScopes)
        {
            if (scope.Contains(name)) return;
        }
        switch (_file.FindOrdinary(name))
        {
            case EnumConstantSymbol constant:
                foreach (var open in _openEnums)
                {
                    if (open.Contains(name)) return;
                }
                AddPendingType(new EnumType(constant.Enum));
                break;
            case GlobalVariable or FunctionSymbol when _unevaluated == 0:
                AddReference(name);
                break;
        }
    }

    /// <summary>
    /// The type a cast's specifiers name (gcc: type_name->specs->type, before
    /// the abstract declarator adds pointers): a typedef, a tag, or typeof;
    /// null for the basic types (no layout to keep) and for a struct, union or
    /// enum defined inside the cast (bound where the binder met it, if at all).
    /// </summary>
    private CType? CastSpecifierType(GNode specifiers)
    {
        foreach (var child in specifiers)
        {
            if (child.IsToken)
            {
                var token = child.Token;
                if (token.Keyword == CKeyword.None && _scope.FindOrdinary(token.ValueText) is TypedefSymbol typedef) return typedef.Typedef;
                continue;
            }
            var node = child.Node;
            switch (node.Kind)
            {
                case SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier when !node.HasSlot(3) && node.Token(2).IsPresent:
                    return _scope.FindTag(node.Token(2).ValueText)?.Type;
                case SyntaxKind.TypeofSpecifier:
                    return BindTypeof(node)?.Unqualified();
            }
        }
        return null;
    }

    /// <summary>
    /// A function definition: its specifiers, declarator and old-style
    /// parameter declarations are parsed before gcc sets cfun
    /// (c-decl.cc start_function, then store_parm_decls), so their uses go on
    /// the file-wide list; the body's go to the function.
    /// </summary>
    /// <remarks>Slots: 0 specifiers?, 1 declarator, 2 asm?, 3 attributes, 4 old-style parameter declarations, 5 body.</remarks>
    private void CollectFunctionDefinitionUses(GNode definition)
    {
        for (var slot = 0; slot < 5; slot++) CollectUses(definition.Node(slot));
        var name = Shapes.Identifier(definition.Node(1));
        if (!name.IsPresent)
        {
            ClearReferences();
            return;
        }
        var isStatic = false;
        var isInline = false;
        foreach (var child in definition.Node(0))
        {
            if (!child.IsToken) continue;
            isStatic |= child.Token.Keyword == CKeyword.Static;
            isInline |= child.Token.Keyword == CKeyword.Inline;
        }
        // Output on its own (cgraphunit.cc needed_p): a public definition, unless inline (an extern inline or C99
        // inline definition is not output; the kernel's inline is gnu_inline), or one marked used.
        var neededAlone = (!isStatic && !isInline) || HasUsedAttribute(definition.Node(0)) || HasUsedAttribute(definition.Node(3));
        DefineFunction(name.ValueText, neededAlone, definition.Node(5));
    }

    private static bool HasUsedAttribute(GNode list)
    {
        foreach (var specifier in list)
        {
            if (specifier.Kind != SyntaxKind.AttributeSpecifier) continue;
            foreach (var attribute in specifier.Node.Nodes(3, SyntaxKind.Attribute))
            {
                if (AttributeName(attribute) == "used") return true;
            }
        }
        return false;
    }

    /// <summary>gcc's finish_decl for a file-scope object definition: it takes every type used since the last one, and its references.</summary>
    private void DefineObject(string name, bool neededAlone) => DefineObject(_names.Id(name), name, neededAlone);

    private void DefineObject(int id, string name, bool neededAlone)
    {
        _recorder?.Op(new BindingOp(OpKind.DefineObject, name, Flag: neededAlone, Id: id));
        _byVariables.Add(new TypesUsedByVariable(name, [.. _pendingTypes]));
        _pendingTypes.Clear();
        AddReferences(ref Define(id, neededAlone));
        _references.Clear();
    }

    /// <summary>A function definition; its body is read only if gcc outputs the function (see <see cref="KeptSymbols"/>).</summary>
    private void DefineFunction(string name, bool neededAlone, GNode body) => DefineFunction(_names.Id(name), neededAlone, body);

    private void DefineFunction(int id, bool neededAlone, GNode body)
    {
        _recorder?.Op(new BindingOp(OpKind.DefineFunction, null, body.IsPresent ? body.Green : null, body.Position, neededAlone, id));
        ref var symbol = ref Define(id, neededAlone);
        AddReferences(ref symbol);
        _references.Clear();
        if (body.IsPresent)
        {
            symbol.Body = body.Green;
            symbol.BodyPosition = body.Position;
        }
    }

    private void AddPendingType(CType type)
    {
        _pendingTypes.Add(type);
        _recorder?.Op(new BindingOp(OpKind.PendingType, type));
    }

    private void AddReference(string name)
    {
        _references.Add(name);
        _recorder?.Op(new BindingOp(OpKind.AddReference, name));
    }

    private void ClearReferences()
    {
        _references.Clear();
        _recorder?.Op(new BindingOp(OpKind.ClearReferences));
    }

    private ref DefinedSlots.Definition Define(int id, bool neededAlone)
    {
        ref var symbol = ref _definedSymbols.Define(id);
        symbol.NeededAlone |= neededAlone;
        return ref symbol;
    }

    /// <summary>The references of the declarator just walked go to <paramref name="symbol"/> (made on first use: most definitions refer to nothing).</summary>
    private void AddReferences(ref DefinedSlots.Definition symbol)
    {
        if (_references.Count > 0) (symbol.References ??= new(StringComparer.Ordinal)).UnionWith(_references);
    }

    /// <summary>
    /// The definitions gcc's symbol table still holds when early debug info is
    /// finished (cgraphunit.cc analyze_functions): those output on their own
    /// (needed_p), and everything their initializers and bodies refer to
    /// (references to a declaration without a definition lead nowhere). The
    /// enum types the kept functions' bodies name come with them.
    /// </summary>
    private (ImmutableSortedSet<string> Kept, ImmutableArray<CType> BodyTypes) KeptSymbols(ResultCache? cache)
    {
        var kept = new HashSet<int>();
        var bodyTypes = new List<CType>();
        // Popped last first, as a stack made from the roots in definition order.
        var pending = new Stack<int>();
        for (var k = 0; k < _definedSymbols.Count; k++)
        {
            ref var root = ref _definedSymbols.At(k);
            if (root.NeededAlone) pending.Push(root.Id);
        }
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!kept.Add(id)) continue;
            ref var symbol = ref _definedSymbols.Of(id);
            if (symbol.Body is { } body) ScanBody(new GNode(body, symbol.BodyPosition), symbol.References ??= new(StringComparer.Ordinal), bodyTypes);
            if (symbol.References is not { } references) continue;
            foreach (var reference in references)
            {
                if (_names.TryId(reference, out var referenced) && _definedSymbols.IsDefined(referenced) && !kept.Contains(referenced)) pending.Push(referenced);
            }
        }
        return (KeptNames(kept, cache), [.. bodyTypes]);
    }

    /// <summary>
    /// The kept definitions' names, sorted: with a result cache, the last bind's
    /// set patched by the names that joined or left (a flip changes few; sorting
    /// ~2,000 names per bind cost more than the walk), else made whole.
    /// </summary>
    private ImmutableSortedSet<string> KeptNames(HashSet<int> kept, ResultCache? cache)
    {
        var names = _names.Names;
        if (cache?.Kept is not { } previous)
        {
            var made = kept.Select(id => names[id]).ToImmutableSortedSet(StringComparer.Ordinal);
            if (cache is not null) cache.KeepKept(made, kept);
            return made;
        }
        var builder = (ImmutableSortedSet<string>.Builder?)null;
        foreach (var id in cache.KeptIds)
        {
            if (!kept.Contains(id)) (builder ??= previous.ToBuilder()).Remove(names[id]);
        }
        foreach (var id in kept)
        {
            if (!cache.KeptIds.Contains(id)) (builder ??= previous.ToBuilder()).Add(names[id]);
        }
        var set = builder is null ? previous : builder.ToImmutable();
        cache.KeepKept(set, kept);
        return set;
    }

    /// <summary>
    /// A function body, a token run: the enumeration constants (their enum
    /// types go to the function, function.cc used_types_insert with cfun set),
    /// objects and functions it names, found by name at file scope (a local
    /// declaration hiding one of them, and casts inside bodies, are not seen).
    /// </summary>
    private void ScanBody(GNode body, HashSet<string> references, List<CType> types)
    {
        var tokens = new List<GToken>();
        Tokens(body, tokens);
        var previous = SyntaxKind.None;
        foreach (var token in tokens)
        {
            if (token.Kind == SyntaxKind.IdentifierToken && previous is not (SyntaxKind.DotToken or SyntaxKind.ArrowToken))
            {
                switch (_file.FindOrdinary(token.ValueText))
                {
                    case EnumConstantSymbol constant: types.Add(new EnumType(constant.Enum)); break;
                    case GlobalVariable or FunctionSymbol: references.Add(token.ValueText); break;
                }
            }
            previous = token.Kind;
        }
    }

    /// <summary>The tokens of a token run, in order.</summary>
    private static void Tokens(GNode node, List<GToken> into)
    {
        foreach (var child in node)
        {
            if (child.IsToken) into.Add(child.Token);
            else Tokens(child.Node, into);
        }
    }

    private DebugTypeUses DebugUses(ResultCache? cache)
    {
        var (kept, bodyTypes) = KeptSymbols(cache);
        return new DebugTypeUses([.. _byVariables], kept, bodyTypes);
    }
}

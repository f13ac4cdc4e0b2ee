using System.Collections.Immutable;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Binds a parsed GNU C translation unit: file-scope tags and typedefs
/// (C11 6.2.1, 6.2.3, 6.7.2.3), declarators to <see cref="CType"/>s, GNU
/// attributes where gcc applies them, <c>#pragma pack</c>, <c>typeof</c>, enums
/// and global variables. Declarations are bound in source order, and each
/// struct is added to the definitions at its closing brace; the layout engine
/// the caller supplies reads those definitions, so an array bound or enum
/// value may ask for the size of any type completed before it, as in C.
/// <para>
/// <code>
/// LayoutEngine? engine = null;
/// var unit = Binder.Bind(root, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions));
/// var set = LayoutSetBuilder.Build(engine!, unit.Types);
/// </code>
/// Never throws on bad input: problems become diagnostics with locations.
/// The binder reads the green tree with positions (<see cref="GNode"/>), not
/// the red tree: a kernel unit is 400,000 nodes, and making red nodes for
/// most of them costs more than binding.
/// </para>
/// </summary>
public sealed partial class Binder : IEvaluationContext
{
    private readonly DefinitionStore _store;
    private readonly NameTable _names;
    private readonly Scope _file;
    private readonly BinderOptions _options;
    private readonly ConstantEvaluator _evaluator;
    private readonly List<Diagnostic> _diagnostics = [];
    /// <summary>The file-scope typedefs by name number (see <see cref="NameTable"/>), and the numbers set, in the order first set.</summary>
    private readonly NameSlots<TypedefType> _typedefs;
    private readonly List<int> _typedefIds;
    /// <summary>
    /// Function declarations bound by name only (see <see cref="BinderOptions.BindFunctionSignatures"/>), by
    /// name number: the boxed site as recorded and how far its item moved since (replay stores a record's box, no copy).
    /// </summary>
    private readonly NameSlots<object> _unboundSites;
    private readonly NameSlots<int> _unboundMoves;
    private readonly PackPragmaState _pack = new();
    private readonly HashSet<RecordId> _beingDefined = [];
    private readonly HashSet<int> _bodiesRead = [];
    private readonly SourceText? _text;
    private Scope _scope;
    private BoundTranslationUnit? _result;

    private Binder(Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions options, SourceText? text, NameTable names, NameArrays arrays, BinderSizes sizes, DefinitionNumbers? numbers)
    {
        _options = options;
        _text = text;
        _names = names;
        _file = new Scope(null, ScopeKind.File, names, arrays.Ordinary, sizes, arrays.Tags);
        _unboundSites = arrays.UnboundSites;
        _unboundMoves = arrays.UnboundMoves;
        _locations = arrays.Locations;
        _store = new DefinitionStore(sizes, numbers);
        _typedefs = arrays.Typedefs;
        _typedefIds = arrays.TypedefIds;
        _typedefIds.EnsureCapacity(sizes.Typedefs);
        _anchorCounts = new(sizes.Anchors, StringComparer.Ordinal);
        _definedSymbols = arrays.Defined;
        _scope = _file;
        _engine = layout(_store);
        _recordingLayout = new RecordingLayout(this);
        _recordingDefinitions = new RecordingDefinitions(this);
        _evaluator = new ConstantEvaluator(this);
        BuiltinTypes.Declare(this);
    }

    /// <summary>
    /// Binds a parsed translation unit (trimmed first, see <see cref="Trimmer"/>).
    /// With <paramref name="reuse"/> and its layout identity set, a unit of the
    /// very nodes of one of the last few bound takes that bind's result whole,
    /// and <paramref name="layout"/> is given that bind's definitions.
    /// </summary>
    public static BoundTranslationUnit Bind(TranslationUnitSyntax unit, Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions? options = null, BindingReuse? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(layout);
        if (reuse?.TakeWhole(unit, options ?? BinderOptions.Default) is { } taken)
        {
            // The caller's engine reads the definitions the result's bind made (prototype-scope records included), as it would have.
            layout(taken.Definitions);
            return taken.Result;
        }
        var binder = BindTrimmed(Trimmer.Trim(unit, reuse?.Trims), layout, options, reuse);
        reuse?.KeepWhole(unit, binder._result!, binder._store);
        return binder._result!;
    }

    /// <summary>
    /// Binds a trimmed unit. With <paramref name="reuse"/>, items met before
    /// whose recorded reads answer the same are replayed, the others bound and
    /// recorded (see <see cref="BindingReuse"/>); the result is the same.
    /// </summary>
    public static BoundTranslationUnit Bind(TrimmedUnit unit, Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions? options = null, BindingReuse? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(layout);
        return BindTrimmed(unit, layout, options, reuse)._result!;
    }

    /// <summary>The binder that bound <paramref name="unit"/>, holding its result.</summary>
    private static Binder BindTrimmed(TrimmedUnit unit, Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions? options, BindingReuse? reuse)
    {
        var binder = new Binder(layout, options ?? BinderOptions.Default, unit.Source.Node.Tree?.Text, reuse?.Names ?? new NameTable(), reuse?.ClearedArrays() ?? new NameArrays(1024),
            reuse?.Sizes ?? default, reuse?.Definitions);
        if (reuse is null)
        {
            foreach (var item in unit.Items) binder.BindItem(item);
            binder._result = binder.Result(null);
            return binder;
        }
        reuse.Begin(binder._options);
        binder.ReplayOrBind(unit.Items, reuse);
        reuse.End();
        reuse.Sizes = binder.Sizes();
        binder._result = binder.Result(reuse.Results);
        return binder;
    }

    public IntegerModel Integers => _options.Integers;

    private BinderSizes Sizes() => new(_file.TagCount, _file.DeclaredIds.Count, _store.RecordCount, _store.EnumCount, _store.FileScopeRecordCount, _store.FileScopeEnumCount,
        _definedSymbols.Count, _anchorCounts.Count, _typedefIds.Count);

    /// <summary>The layout engine; while an item is recorded, a view that records its answers.</summary>
    public ITypeLayoutQueries Layout => _recorder is null ? _engine : _recordingLayout;

    /// <summary>The definitions bound so far; while an item is recorded, a view that records what it finds.</summary>
    public ITypeDefinitions Definitions => _recorder is null ? _store : _recordingDefinitions;

    public OrdinarySymbol? LookupOrdinary(string name)
    {
        var symbol = _scope.FindOrdinary(name);
        if (symbol is FunctionSymbol { Type: null } function && IsUnbound(name)) return BindFunctionSignature(function);
        return symbol;
    }

    CType? IEvaluationContext.BindTypeName(GNode typeName) => BindTypeName(typeName);

    void IEvaluationContext.Report(DiagnosticDescriptor descriptor, GNode at, params object[] args) => Report(descriptor, at, args);

    private void BindItem(TrimmedItem item)
    {
        var node = item.Node;
        EnterItem(node, node.Position, null);
        switch (node.Kind)
        {
            case SyntaxKind.Declaration:
                BindDeclaration(node, item.Kind == TrimmedKind.FunctionDeclaration && !_options.BindFunctionSignatures);
                break;
            case SyntaxKind.FunctionDefinition:
                BindFunctionDefinition(node);
                CollectFunctionDefinitionUses(node);
                break;
            case SyntaxKind.StaticAssertDeclaration:
                CheckStaticAssert(node);
                CollectUses(node);
                break;
            case SyntaxKind.PreprocessorLine:
                Pragma(node);
                break;
        }
    }

    private void Report(DiagnosticDescriptor descriptor, GNode at, params object[] args) =>
        ReportAt(descriptor, at.Start, args);

    private void Report(DiagnosticDescriptor descriptor, GToken at, params object[] args) =>
        ReportAt(descriptor, at.Start, args);

    private void ReportAt(DiagnosticDescriptor descriptor, int offset, object[] args)
    {
        var message = descriptor.Format(args);
        _recorder?.Reported(descriptor, message, offset);
        AddDiagnostic(descriptor, message, offset);
    }

    private void AddDiagnostic(DiagnosticDescriptor descriptor, string message, int offset)
    {
        if (_diagnostics.Count >= _options.MaxDiagnostics)
        {
            if (_diagnostics.Count == _options.MaxDiagnostics) _diagnostics.Add(new Diagnostic(SemanticDiagnostics.TooManyDiagnostics, SemanticDiagnostics.TooManyDiagnostics.MessageFormat, Locate(offset)));
            return;
        }
        _diagnostics.Add(new Diagnostic(descriptor, message, Locate(offset)));
    }

    private SourceLocation? Locate(int offset) => _text is null || offset > _text.Length ? null : _text.GetLocation(offset);
}

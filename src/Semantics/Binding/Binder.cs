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
    private readonly DefinitionStore _store = new();
    private readonly Scope _file = new(null, ScopeKind.File);
    private readonly BinderOptions _options;
    private readonly ConstantEvaluator _evaluator;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, TypedefType> _typedefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionDeclaratorSite> _unboundFunctions = new(StringComparer.Ordinal);
    private readonly PackPragmaState _pack = new();
    private readonly HashSet<RecordId> _beingDefined = [];
    private readonly SourceText? _text;
    private Scope _scope;

    private Binder(Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions options, SourceText? text)
    {
        _options = options;
        _text = text;
        _scope = _file;
        Layout = layout(_store);
        _evaluator = new ConstantEvaluator(this);
        BuiltinTypes.Declare(this);
    }

    /// <summary>Binds a parsed translation unit (trimmed first, see <see cref="Trimmer"/>).</summary>
    public static BoundTranslationUnit Bind(TranslationUnitSyntax unit, Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions? options = null) =>
        Bind(Trimmer.Trim(unit), layout, options);

    public static BoundTranslationUnit Bind(TrimmedUnit unit, Func<ITypeDefinitions, ITypeLayoutQueries> layout, BinderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(layout);
        var binder = new Binder(layout, options ?? BinderOptions.Default, unit.Source.Node.Tree?.Text);
        foreach (var item in unit.Items) binder.BindItem(item);
        return binder.Result();
    }

    public IntegerModel Integers => _options.Integers;

    public ITypeLayoutQueries Layout { get; }

    public ITypeDefinitions Definitions => _store;

    public OrdinarySymbol? LookupOrdinary(string name)
    {
        var symbol = _scope.FindOrdinary(name);
        if (symbol is FunctionSymbol { Type: null } function && _unboundFunctions.ContainsKey(name)) return BindFunctionSignature(function);
        return symbol;
    }

    CType? IEvaluationContext.BindTypeName(GNode typeName) => BindTypeName(typeName);

    void IEvaluationContext.Report(DiagnosticDescriptor descriptor, GNode at, params object[] args) => Report(descriptor, at, args);

    private void BindItem(TrimmedItem item)
    {
        var node = item.Node;
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

    private BoundTranslationUnit Result()
    {
        var globals = ImmutableSortedDictionary.CreateBuilder<string, GlobalVariable>(StringComparer.Ordinal);
        var functions = ImmutableSortedDictionary.CreateBuilder<string, FunctionSymbol>(StringComparer.Ordinal);
        var constants = ImmutableSortedDictionary.CreateBuilder<string, EnumConstantSymbol>(StringComparer.Ordinal);
        foreach (var symbol in _file.Ordinary)
        {
            switch (symbol)
            {
                case GlobalVariable g: globals[g.Name] = g; break;
                case FunctionSymbol f: functions[f.Name] = f; break;
                case EnumConstantSymbol c: constants[c.Name] = c; break;
            }
        }
        var table = new TypeTable(_store.FileScopeRecords(), _store.FileScopeEnums(), _typedefs.ToImmutableDictionary(StringComparer.Ordinal));
        return new BoundTranslationUnit(table, globals.ToImmutable(), functions.ToImmutable(), constants.ToImmutable(), DebugUses(), [.. _diagnostics]);
    }

    private void Report(DiagnosticDescriptor descriptor, GNode at, params object[] args) =>
        Report(descriptor, Locate(at.Start), args);

    private void Report(DiagnosticDescriptor descriptor, GToken at, params object[] args) =>
        Report(descriptor, Locate(at.Start), args);

    private void Report(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] args)
    {
        if (_diagnostics.Count >= _options.MaxDiagnostics)
        {
            if (_diagnostics.Count == _options.MaxDiagnostics) _diagnostics.Add(new Diagnostic(SemanticDiagnostics.TooManyDiagnostics, SemanticDiagnostics.TooManyDiagnostics.MessageFormat, location));
            return;
        }
        _diagnostics.Add(new Diagnostic(descriptor, descriptor.Format(args), location));
    }

    private SourceLocation? Locate(int offset) => _text is null || offset > _text.Length ? null : _text.GetLocation(offset);
}

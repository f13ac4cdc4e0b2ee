using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Finds or declares the tag a struct, union or enum specifier names
    /// (C11 6.7.2.3): a definition or a bare "struct s;" declares the tag in the
    /// current scope unless it is already declared there; any other use refers
    /// to the visible declaration, or declares a new incomplete type in the
    /// current scope. Struct, union and enum tags share one name space, so a
    /// tag reused with another keyword is an error (gcc: "defined as wrong kind
    /// of tag"); binding then goes on with a fresh type.
    /// </summary>
    private TagSymbol ResolveTag(TagKind kind, GToken tagToken, bool declaresHere, GNode specifier)
    {
        var tag = tagToken.ValueText;
        var existing = declaresHere ? _scope.FindTagHere(tag) : _scope.FindTag(tag);
        if (existing is not null)
        {
            if (existing.Kind == kind) return existing;
            Report(SemanticDiagnostics.WrongKindOfTag, tagToken, tag);
            return NewTag(kind, tag, Discriminator("conflict", specifier));
        }
        string? discriminator = null;
        if (!_scope.IsFile)
        {
            discriminator = Discriminator("prototype", specifier);
            Report(SemanticDiagnostics.DeclaredInParameterList, tagToken, TagSymbol.Spelling(kind) + " " + tag);
        }
        var symbol = NewTag(kind, tag, discriminator);
        _scope.DeclareTag(tag, symbol);
        return symbol;
    }

    private static TagSymbol NewTag(TagKind kind, string? tag, string? discriminator) => kind switch
    {
        TagKind.Struct => new TagSymbol(kind, new RecordId(AggregateKind.Struct, tag, discriminator), null),
        TagKind.Union => new TagSymbol(kind, new RecordId(AggregateKind.Union, tag, discriminator), null),
        _ => new TagSymbol(kind, null, new EnumId(tag, discriminator)),
    };

    /// <summary>An untagged struct, union or enum: a new type, named by where it is in its file-scope item.</summary>
    private TagSymbol AnonymousTag(TagKind kind, GNode specifier) =>
        NewTag(kind, null, Discriminator(_scope.IsFile ? "" : "prototype", specifier));

    /// <summary>
    /// Whether this is the first time this bind reads the body of the struct, union or enum specifier at
    /// <paramref name="specifier"/>'s position. One specifier defines one type: reading the same node again (the
    /// debug-use walk binds a cast's <c>typeof</c> after the constant evaluator did) names the type it already
    /// defined, not a redefinition.
    /// </summary>
    private bool FirstReadOfBody(GNode specifier) => _bodiesRead.Add(specifier.Position);
}

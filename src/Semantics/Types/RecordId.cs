namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The identity of a struct or union: what a <see cref="RecordType"/> refers to
/// and what <see cref="ITypeDefinitions"/> is keyed by. A file-scope tagged
/// record is <c>(Kind, Tag, null)</c>. An anonymous record has no tag and the
/// binder gives it a <c>Discriminator</c> unique in the translation unit
/// (a source position is a good choice: stable across unrelated edits); the
/// binder also uses one for a tag redeclared in an inner scope (C11 6.2.1p4).
/// </summary>
public sealed record RecordId(AggregateKind Kind, string? Tag, string? Discriminator = null)
{
    public bool IsAnonymous => Tag is null;

    public string Spelling =>
        (Kind == AggregateKind.Struct ? "struct " : "union ")
        + (Tag ?? "<anonymous>") + (Discriminator is null ? "" : "@" + Discriminator);

    public override string ToString() => Spelling;
}

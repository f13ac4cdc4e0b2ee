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
    /// <summary>The hash, made once: ids key every table of the binder and the layout engine, and hashing their strings each time was a tenth of a layout.</summary>
    private int hash;

    /// <summary>A copy (<c>with</c>) makes its own hash: the copied properties may be changed.</summary>
    private RecordId(RecordId original)
    {
        Kind = original.Kind;
        Tag = original.Tag;
        Discriminator = original.Discriminator;
    }

    public bool Equals(RecordId? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Kind == other.Kind && string.Equals(Tag, other.Tag, StringComparison.Ordinal)
            && string.Equals(Discriminator, other.Discriminator, StringComparison.Ordinal));

    public override int GetHashCode()
    {
        var h = hash;
        if (h != 0) return h;
        h = HashCode.Combine(Kind, Tag, Discriminator);
        return hash = h == 0 ? 1 : h;
    }

    public bool IsAnonymous => Tag is null;

    public string Spelling =>
        (Kind == AggregateKind.Struct ? "struct " : "union ")
        + (Tag ?? "<anonymous>") + (Discriminator is null ? "" : "@" + Discriminator);

    public override string ToString() => Spelling;
}

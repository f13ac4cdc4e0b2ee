namespace LayoutExpert.Semantics.Types;

/// <summary>The identity of an enum, as <see cref="RecordId"/> is for records (tag, or a discriminator when anonymous).</summary>
public sealed record EnumId(string? Tag, string? Discriminator = null)
{
    /// <summary>The hash, made once (see <see cref="RecordId"/>).</summary>
    private int hash;

    /// <summary>A copy (<c>with</c>) makes its own hash: the copied properties may be changed.</summary>
    private EnumId(EnumId original)
    {
        Tag = original.Tag;
        Discriminator = original.Discriminator;
    }

    public bool Equals(EnumId? other) =>
        ReferenceEquals(this, other)
        || (other is not null && string.Equals(Tag, other.Tag, StringComparison.Ordinal)
            && string.Equals(Discriminator, other.Discriminator, StringComparison.Ordinal));

    public override int GetHashCode()
    {
        var h = hash;
        if (h != 0) return h;
        h = HashCode.Combine(Tag, Discriminator);
        return hash = h == 0 ? 1 : h;
    }

    public bool IsAnonymous => Tag is null;

    public string Spelling => "enum " + (Tag ?? "<anonymous>") + (Discriminator is null ? "" : "@" + Discriminator);

    public override string ToString() => Spelling;
}

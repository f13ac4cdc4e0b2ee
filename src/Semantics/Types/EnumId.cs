namespace LayoutExpert.Semantics.Types;

/// <summary>The identity of an enum, as <see cref="RecordId"/> is for records (tag, or a discriminator when anonymous).</summary>
public sealed record EnumId(string? Tag, string? Discriminator = null)
{
    public bool IsAnonymous => Tag is null;

    public string Spelling => "enum " + (Tag ?? "<anonymous>") + (Discriminator is null ? "" : "@" + Discriminator);

    public override string ToString() => Spelling;
}

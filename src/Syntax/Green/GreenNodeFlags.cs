namespace LayoutExpert.Syntax.Green;

[Flags]
internal enum GreenNodeFlags : byte
{
    None = 0,

    /// <summary>The node or a node below it carries a diagnostic.</summary>
    ContainsDiagnostics = 1,

    /// <summary>The node is the one its <see cref="GreenNodeCache"/> hands out for its content.</summary>
    Cached = 2,
}

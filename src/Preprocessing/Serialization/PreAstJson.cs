namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The property names of the Pre-AST JSON, in one place. The document:
/// { format, version, producer, kernelRelease, architecture, moduleSource, contentHash,
///   searchPath: [dir...], forcedIncludes: [id...], sources: {name: id}, missing: [{include, from, line}],
///   files: [{ path, searchDir, includes: [[line, spelled, form, next, target, generated]],
///             hasInclude: {key: bool}, tree: [part...], eof: text }] }
/// A part is {text: "..."} (text lines), {line: "..."} (a control line),
/// {stray: "..."} (an #elif/#else/#endif outside any #if), or
/// {if: [{line, body: [part...]}...], endif: "..."} (a conditional with all its groups).
/// Every string holds source text exactly, so the JSON is readable and the tree
/// is rebuilt by lexing those strings.
/// </summary>
internal static class PreAstJson
{
    public const string FormatName = "layout-expert/pre-ast";
    public const string Format = "format";
    public const string Version = "version";
    public const string Producer = "producer";
    public const string KernelRelease = "kernelRelease";
    public const string Architecture = "architecture";
    public const string ModuleSource = "moduleSource";
    public const string ContentHash = "contentHash";
    public const string SearchPath = "searchPath";
    public const string ForcedIncludes = "forcedIncludes";
    public const string Sources = "sources";
    public const string Missing = "missing";
    public const string Include = "include";
    public const string From = "from";
    public const string Line = "line";
    public const string Files = "files";
    public const string Path = "path";
    public const string SearchDir = "searchDir";
    public const string Includes = "includes";
    public const string HasInclude = "hasInclude";
    public const string Tree = "tree";
    public const string EndOfFile = "eof";
    public const string Text = "text";
    public const string Stray = "stray";
    public const string If = "if";
    public const string Body = "body";
    public const string Endif = "endif";
}

using System.Collections.Immutable;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.PreAst;

/// <summary>
/// One file of the Pre-AST: its path as the compiler would name it (relative to
/// its kernel tree, e.g. "include/linux/list.h"), the search directory it was
/// found through (for #include_next; -1 when not found through the search
/// path), its preprocessing tree with every branch, and its resolved includes
/// and __has_include answers.
/// </summary>
public sealed class PreAstFile
{
    private SyntaxTree? _tree;

    public PreAstFile(int id, string path, int searchDir, GreenNode root, ImmutableArray<IncludeLink> includes,
        ImmutableSortedDictionary<string, bool> hasInclude)
    {
        Id = id;
        Path = path;
        SearchDir = searchDir;
        Root = root;
        Includes = includes;
        HasInclude = hasInclude;
    }

    public int Id { get; }

    public string Path { get; }

    public int SearchDir { get; }

    public GreenNode Root { get; }

    public ImmutableArray<IncludeLink> Includes { get; }

    /// <summary>Answers to <c>__has_include</c>/<c>__has_include_next</c> in this file's conditions, keyed by <see cref="HasIncludeKey"/>.</summary>
    public ImmutableSortedDictionary<string, bool> HasInclude { get; }

    /// <summary>The red view, with locations; made on first use.</summary>
    public SyntaxTree Tree => _tree ??= new SyntaxTree(new SourceText(Root.ToFullString(), Path), Root);

    public static string HasIncludeKey(string spelled, bool next) => (next ? "next:" : "") + spelled;

    public override string ToString() => Path;
}

using System.Collections.Immutable;
using LayoutExpert.Preprocessing.PreAst;

namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// gcc's header lookup (GCC manual, "Search Path"): a quoted name is looked
/// for first in the directory of the file that includes it, then like an
/// angled name along the -I chain; #include_next resumes the chain after the
/// directory the current file was found in (from the start when the current
/// file was not found through the chain). Config-dependent generated headers
/// resolve to a placeholder whether or not a frozen copy exists.
/// </summary>
public sealed class HeaderResolver(ImmutableArray<SearchDirectory> searchPath, IReadOnlyList<string> trees)
{
    private readonly Dictionary<string, bool> _exists = new(StringComparer.Ordinal);
    private readonly string[] _treeRoots = [.. trees.Select(t => Path.GetFullPath(t).TrimEnd('/') + "/")];

    public ImmutableArray<SearchDirectory> SearchPath { get; } = searchPath;

    public abstract record Resolution;

    public sealed record Found(string PhysicalPath, string LogicalPath, int SearchDir) : Resolution;

    public sealed record Generated(string LogicalPath) : Resolution;

    public sealed record NotFound : Resolution;

    public Resolution Resolve(string name, IncludeForm form, bool next, string includerPhysical, int includerSearchDir)
    {
        if (form == IncludeForm.Quoted && !next)
        {
            var local = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(includerPhysical)!, name));
            if (Exists(local)) return new Found(local, LogicalPathOf(local), -1);
        }
        var start = next && includerSearchDir >= 0 ? includerSearchDir + 1 : 0;
        for (var i = start; i < SearchPath.Length; i++)
        {
            var dir = SearchPath[i];
            var logical = Normalize(dir.LogicalPath + "/" + name);
            if (PreAst.PreAst.GeneratedHeaders.Contains(logical)) return new Generated(logical);
            var physical = Path.GetFullPath(Path.Combine(dir.PhysicalPath, name));
            if (Exists(physical)) return new Found(physical, logical, i);
        }
        return new NotFound();
    }

    /// <summary>A file's name relative to the kernel tree that holds it ("include/linux/list.h").</summary>
    public string LogicalPathOf(string physical)
    {
        foreach (var root in _treeRoots)
        {
            if (physical.StartsWith(root, StringComparison.Ordinal)) return physical[root.Length..];
        }
        return physical;
    }

    private bool Exists(string path)
    {
        if (!_exists.TryGetValue(path, out var exists))
        {
            exists = File.Exists(path);
            _exists[path] = exists;
        }
        return exists;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}

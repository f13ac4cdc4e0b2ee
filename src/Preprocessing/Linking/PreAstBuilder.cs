using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// build-pre-ast: parses the module source and the forced includes, follows
/// every #include of every branch through the kernel's search path, and links
/// the closure into one <see cref="PreAst.PreAst"/>. A file that holds
/// #include_next is kept once per search directory it was found through, since
/// where its #include_next resumes depends on that.
/// </summary>
public sealed class PreAstBuilder
{
    public const int FormatVersion = 2;

    private readonly PreAstBuildOptions _options;
    private readonly HeaderResolver _resolver;
    private readonly GreenNodeCache _cache = new();
    private readonly Dictionary<string, Parsed> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Physical, int SearchDir), int> _ids = [];
    private readonly List<Pending> _files = [];
    private readonly List<MissingInclude> _missing = [];

    private PreAstBuilder(PreAstBuildOptions options)
    {
        _options = options;
        _resolver = new HeaderResolver(options.Architecture.SearchPath(options.Trees), options.Trees);
    }

    private sealed record Parsed(GreenNode Root, SourceText Text, List<IncludeRequest> Includes, List<IncludeRequest> HasIncludes);

    private sealed record Pending(string Physical, string Logical, int SearchDir, Parsed Parsed)
    {
        public ImmutableArray<IncludeLink> Links { get; set; } = [];

        public ImmutableSortedDictionary<string, bool> HasInclude { get; set; } = ImmutableSortedDictionary<string, bool>.Empty;
    }

    public sealed record Result(PreAst.PreAst PreAst, ImmutableArray<Diagnostic> Diagnostics);

    public static Result Build(PreAstBuildOptions options) => new PreAstBuilder(options).Run();

    private Result Run()
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var mainPath = Path.GetFullPath(_options.ModuleName);
        var main = new SourceText(_options.ModuleText, Path.GetFileName(_options.ModuleName));
        AddFile(mainPath, main.Path, -1, Parse(mainPath, main));
        var sources = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        sources[main.Path] = PreAst.PreAst.MainFile;
        foreach (var (name, text) in _options.AdditionalSources)
        {
            // Named sources live beside the module source (their quoted includes look there).
            var physical = Path.Combine(Path.GetDirectoryName(mainPath)!, name);
            sources[name] = AddFile(physical, name, -1, Parse(physical, new SourceText(text, name)));
        }
        var forced = ImmutableArray.CreateBuilder<int>();
        foreach (var logical in _options.Architecture.ForcedIncludes)
        {
            var found = _options.Trees.Select(t => Path.GetFullPath(Path.Combine(t, logical))).FirstOrDefault(File.Exists);
            if (found is null)
            {
                _missing.Add(new MissingInclude("-include " + logical, "<command line>", 0));
                continue;
            }
            forced.Add(Enqueue(found, logical, -1));
        }
        for (var i = 0; i < _files.Count; i++) Link(_files[i]);
        foreach (var file in _files) diagnostics.AddRange(new Syntax.Red.SyntaxTree(file.Parsed.Text, file.Parsed.Root).GetDiagnostics());
        foreach (var missing in _missing)
        {
            diagnostics.Add(Diagnostic.Create(PreprocessorDiagnostics.IncludeNotFound,
                new SourceLocation(missing.From, new LinePosition(Math.Max(0, missing.Line - 1), 0)), missing.Spelled));
        }
        var files = _files.Select((f, id) => new PreAstFile(id, f.Logical, f.SearchDir, f.Parsed.Root, f.Links, f.HasInclude)).ToImmutableArray();
        var metadata = new PreAstMetadata(FormatVersion, KernelRelease(), _options.Architecture.Name, main.Path, ContentHash(files), Producer);
        var searchPath = _resolver.SearchPath.Select(d => d.LogicalPath).ToImmutableArray();
        var preAst = new PreAst.PreAst(metadata, searchPath, files, forced.ToImmutable(), [.. _missing]) { Sources = sources.ToImmutable() };
        return new Result(preAst, diagnostics.ToImmutable());
    }

    public static string Producer => "LayoutExpert " + (typeof(PreAstBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private void Link(Pending file)
    {
        var links = ImmutableArray.CreateBuilder<IncludeLink>(file.Parsed.Includes.Count);
        foreach (var request in file.Parsed.Includes)
        {
            if (request.Form == IncludeForm.Computed)
            {
                links.Add(new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, null));
                continue;
            }
            switch (_resolver.Resolve(request.Name, request.Form, request.Next, file.Physical, file.SearchDir))
            {
                case HeaderResolver.Found found:
                    links.Add(new IncludeLink(request.Line, request.Spelled, request.Form, request.Next,
                        Enqueue(found.PhysicalPath, found.LogicalPath, found.SearchDir), null));
                    break;
                case HeaderResolver.Generated generated:
                    links.Add(new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, generated.LogicalPath));
                    break;
                default:
                    links.Add(new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, null));
                    _missing.Add(new MissingInclude(request.Spelled, file.Logical, request.Line));
                    break;
            }
        }
        file.Links = links.MoveToImmutable();
        var answers = ImmutableSortedDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        foreach (var request in file.Parsed.HasIncludes)
        {
            var answer = _resolver.Resolve(request.Name, request.Form, request.Next, file.Physical, file.SearchDir);
            answers[PreAstFile.HasIncludeKey(request.Spelled, request.Next)] = answer is not HeaderResolver.NotFound;
        }
        file.HasInclude = answers.ToImmutable();
    }

    private int Enqueue(string physical, string logical, int searchDir)
    {
        var parsed = Parse(physical, null);
        // Only a file with #include_next needs to know which directory it came through.
        var key = (physical, parsed.Includes.Any(r => r.Next) || parsed.HasIncludes.Any(r => r.Next) ? searchDir : -1);
        if (_ids.TryGetValue(key, out var id)) return id;
        return AddFile(physical, _resolver.LogicalPathOf(physical) is var l && l != physical ? l : logical, key.Item2, parsed);
    }

    private int AddFile(string physical, string logical, int searchDir, Parsed parsed)
    {
        var id = _files.Count;
        _files.Add(new Pending(physical, logical, searchDir, parsed));
        _ids[(physical, searchDir)] = id;
        return id;
    }

    private Parsed Parse(string physical, SourceText? given)
    {
        if (_parsed.TryGetValue(physical, out var parsed)) return parsed;
        var text = given ?? new SourceText(File.ReadAllText(physical), _resolver.LogicalPathOf(physical));
        var root = DirectiveParser.ParseGreen(text.Text, _cache);
        var (includes, hasIncludes) = IncludeCollector.Collect(root, text);
        parsed = new Parsed(root, text, includes, hasIncludes);
        _parsed[physical] = parsed;
        return parsed;
    }

    private string KernelRelease()
    {
        foreach (var tree in _options.Trees)
        {
            var uts = Path.Combine(tree, "include/generated/utsrelease.h");
            if (File.Exists(uts))
            {
                var text = File.ReadAllText(uts);
                var start = text.IndexOf('"');
                var end = text.LastIndexOf('"');
                if (start >= 0 && end > start) return text[(start + 1)..end];
            }
            var release = Path.Combine(tree, "include/config/kernel.release");
            if (File.Exists(release)) return File.ReadAllText(release).Trim();
        }
        return "unknown";
    }

    /// <summary>SHA-256 over every file's path and text, in id order.</summary>
    public static string ContentHash(IEnumerable<PreAstFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Root.ToFullString()));
            hash.AppendData([0]);
        }
        return "sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}

using BenchmarkDotNet.Attributes;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Input;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Binding and layout of a big translation unit, parsed in the setup: the
/// project's module.c as kbuild preprocesses it for Debian 6.1 amd64
/// (scripts/build-module.sh then scripts/kbuild-preprocess.sh, about 5 MB),
/// and a glibc unit (gcc -E of the headers the parser tests use). Each
/// iteration builds the red tree afresh, binds (the engine answering sizeof as
/// binding goes), selects every file-scope type and builds the layout set.
/// </summary>
[MemoryDiagnoser]
public class BindLayoutBenchmarks
{
    private const string GlibcUnit =
        "#define _GNU_SOURCE\n#include <stdio.h>\n#include <stdlib.h>\n#include <signal.h>\n#include <sys/stat.h>\n"
        + "#include <pthread.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n#include <time.h>\n#include <termios.h>\n";

    private (CParseResult Parsed, SourceText Text) _kernel;
    private (CParseResult Parsed, SourceText Text) _glibc;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-bench-").FullName;
        KernelCache.FlavourTree(KernelInputs.Kernel, "amd64");
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "build-module.sh"), KernelInputs.Kernel, "amd64", dir]);
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "kbuild-preprocess.sh"), KernelInputs.Kernel, "amd64", dir]);
        _kernel = Parse(File.ReadAllText(Path.Combine(dir, "module.i")), "module.i");

        var glibc = Path.Combine(dir, "glibc.c");
        File.WriteAllText(glibc, GlibcUnit);
        _glibc = Parse(Gcc.Run(Gcc.Executable, ["-E", "-P", glibc]), "glibc.i");
    }

    private static (CParseResult, SourceText) Parse(string text, string path)
    {
        var cache = new GreenNodeCache();
        var stripped = PreprocessedSource.StripLineMarkers(Lexer.LexAll(text, cache), path);
        var parsed = CParser.ParseTranslationUnit(stripped.Tokens, cache);
        var errors = parsed.ToSyntaxTree(path).GetDiagnostics().Count(d => d.IsError);
        var source = new SourceText(parsed.Root.ToFullString(), path);
        var unit = BindAndLayout((parsed, source));
        Console.WriteLine($"// {path}: {text.Length / 1e6:F2} MB, {stripped.Tokens.Count:N0} tokens, {errors} parse errors; "
            + $"{unit.Records} records, {unit.Errors} binder errors");
        return (parsed, source);
    }

    private static (int Records, int Errors) BindAndLayout((CParseResult Parsed, SourceText Text) input)
    {
        var tree = new SyntaxTree(input.Text, input.Parsed.Root);
        LayoutEngine? engine = null;
        var unit = Binder.Bind(CSyntax.Root(tree)!, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions));
        var set = LayoutSetBuilder.Build(engine!, TypeSelection.All(unit)).Set;
        return (set.Records.Count, unit.Errors.Count());
    }

    [Benchmark]
    public int KernelModule() => BindAndLayout(_kernel).Records;

    [Benchmark]
    public int Glibc() => BindAndLayout(_glibc).Records;
}

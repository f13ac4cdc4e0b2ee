using System.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>
/// Real preprocessed translation units, made by the machine's gcc: they print
/// back exactly, have no diagnostics, and declare and define exactly the
/// functions gcc says they do (gcc -aux-info).
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private const string GlibcUnit =
        "#include <stdio.h>\n#include <stdlib.h>\n#include <signal.h>\n#include <sys/stat.h>\n"
        + "#include <pthread.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n";

    [Fact]
    public void Glibc_headers_parse_exactly_and_declare_the_functions_gcc_sees()
    {
        var text = GccOracle.Preprocess(GlibcUnit);
        var tree = ParseCorpus(text, "glibc.i");
        var members = CSyntax.Root(tree)!.Members.ToList();
        AssertSameFunctions(GccOracle.DeclaredFunctions(text), members);

        // What POSIX fixes about struct sockaddr_in (<netinet/in.h>): its members, in order.
        var sockaddr = FindStruct(members, "sockaddr_in");
        var fields = sockaddr.Members.OfType<MemberDeclarationSyntax>().SelectMany(m => m.Declarators).Select(d => d.Declarator!.Identifier!.Value.ValueText);
        Assert.Equal(["sin_family", "sin_port", "sin_addr", "sin_zero"], fields);
    }

    [Fact]
    public void Kernel_headers_parse_exactly_and_declare_the_functions_gcc_sees()
    {
        const string kernel = "6.12.117+deb12";
        var common = KernelCache.CommonTree(kernel);
        var flavour = KernelCache.FlavourTree(kernel, "amd64");
        string[] flags =
        [
            "-nostdinc", "-D__KERNEL__", "-DMODULE", "-DKBUILD_MODNAME=\"x\"", "-DKBUILD_BASENAME=\"x\"",
            "-I" + Path.Combine(common, "arch/x86/include"), "-I" + Path.Combine(flavour, "arch/x86/include/generated"),
            "-I" + Path.Combine(common, "include"), "-I" + Path.Combine(flavour, "include"),
            "-I" + Path.Combine(common, "arch/x86/include/uapi"), "-I" + Path.Combine(flavour, "arch/x86/include/generated/uapi"),
            "-I" + Path.Combine(common, "include/uapi"), "-I" + Path.Combine(flavour, "include/generated/uapi"),
            "-include", Path.Combine(common, "include/linux/compiler-version.h"),
            "-include", Path.Combine(common, "include/linux/kconfig.h"),
            "-include", Path.Combine(common, "include/linux/compiler_types.h"),
        ];
        var text = GccOracle.Preprocess("#include <linux/sched.h>\n#include <linux/fs.h>\n#include <linux/skbuff.h>\n", flags);
        var tree = ParseCorpus(text, "kernel.i");
        var members = CSyntax.Root(tree)!.Members.ToList();
        AssertSameFunctions(GccOracle.DeclaredFunctions(text), members);
        var task = FindStruct(members, "task_struct");
        Assert.True(task.Members.Count() > 100);
    }

    private SyntaxTree ParseCorpus(string text, string path)
    {
        var cache = new GreenNodeCache();
        var lexing = Stopwatch.StartNew();
        var tokens = Lexer.LexAll(text, cache);
        lexing.Stop();
        var parsing = Stopwatch.StartNew();
        var result = CParser.ParseTranslationUnit(tokens, cache);
        parsing.Stop();
        output.WriteLine($"{path}: {text.Length:N0} chars, {tokens.Count:N0} tokens; lexed in {lexing.ElapsedMilliseconds} ms, "
            + $"parsed in {parsing.ElapsedMilliseconds} ms = {tokens.Count / parsing.Elapsed.TotalSeconds:N0} tokens/s");
        Assert.True(text == result.Root.ToFullString(), "the tree does not print back the input");
        var tree = result.ToSyntaxTree(path);
        Assert.Equal("", string.Join("\n", tree.GetDiagnostics().Take(10)));
        return tree;
    }

    /// <summary>
    /// Ours: every function declaration and definition at file scope, by the
    /// line of its name. gcc also lists those inside bodies we do not parse,
    /// and names whose function type comes from a typedef or typeof ("extern
    /// typeof(f) g;"), which only a binder can tell.
    /// </summary>
    private void AssertSameFunctions(IReadOnlySet<string> gcc, IReadOnlyList<CSyntaxNode> members)
    {
        var ours = new HashSet<string>(StringComparer.Ordinal);
        var typeFromElsewhere = new HashSet<string>(StringComparer.Ordinal);
        var inBody = new HashSet<int>();
        foreach (var member in members)
        {
            switch (member)
            {
                case DeclarationSyntax declaration when declaration.Specifiers?.Has(CKeyword.Typedef) != true:
                    var named = declaration.Specifiers is { } specifiers
                        && (specifiers.TypedefName is not null || specifiers.TypeSpecifierNode is TypeofSpecifierSyntax);
                    foreach (var init in declaration.Declarators)
                    {
                        if (init.Declarator?.FunctionOfIdentifier is not null) ours.Add(Entry(init.Declarator.Identifier!.Value, "C"));
                        else if (named && init.Declarator?.Identifier is { } name) typeFromElsewhere.Add(Entry(name, "C"));
                    }
                    break;
                case FunctionDefinitionSyntax definition:
                    ours.Add(Entry(definition.Declarator!.Identifier!.Value, "F"));
                    var first = definition.Body!.OpenBrace.Location!.Value.Line;
                    var last = definition.Body.CloseBrace!.Value.Location!.Value.Line;
                    for (var line = first; line <= last; line++) inBody.Add(line);
                    break;
            }
        }
        var inBodies = gcc.Where(f => inBody.Contains(int.Parse(f[..f.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        var throughTypes = gcc.Intersect(typeFromElsewhere).Count();
        output.WriteLine($"functions: gcc {gcc.Count} ({inBodies.Count} inside bodies, {throughTypes} typed by a typedef or typeof), ours {ours.Count}");
        Assert.Empty(ours.Except(gcc).Take(20));
        Assert.Empty(gcc.Except(inBodies).Except(typeFromElsewhere).Except(ours).Take(20));
    }

    private static string Entry(SyntaxToken name, string kind) => $"{name.Location!.Value.Line}:{name.ValueText}:{kind}";

    private static StructOrUnionSpecifierSyntax FindStruct(IEnumerable<CSyntaxNode> members, string tag) =>
        members.OfType<DeclarationSyntax>()
            .Select(d => d.Specifiers?.TypeSpecifierNode as StructOrUnionSpecifierSyntax)
            .First(s => s is { HasBody: true } && s.Tag?.ValueText == tag)!;
}

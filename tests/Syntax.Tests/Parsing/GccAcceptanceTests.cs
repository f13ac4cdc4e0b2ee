namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>The valid inputs of the parser's theories are valid GNU C: gcc -std=gnu11 accepts every one.</summary>
public class GccAcceptanceTests
{
    [Fact]
    public void Gcc_accepts_every_valid_snippet()
    {
        var snippets = new List<string>();
        snippets.AddRange(First(DeclarationTests.Cases));
        snippets.AddRange(First(GnuExtensionTests.Cases));
        snippets.AddRange(First(TypedefNameTests.Cases));
        // Expressions in a function, where gcc allows every one of them (statement expressions, assignments).
        snippets.AddRange(First(ExpressionTests.Cases).Select(e => ExpressionTests.Prelude + "void test_fn(void) { __auto_type v = " + e + "; (void)v; }"));
        snippets.AddRange(First(ExpressionTests.InitializerCases).Select(d => ExpressionTests.Prelude + d));

        var dir = Directory.CreateTempSubdirectory("layoutexpert-accept-").FullName;
        try
        {
            var files = new List<string>();
            for (var i = 0; i < snippets.Count; i++)
            {
                var name = $"s{i}.c";
                File.WriteAllText(Path.Combine(dir, name), snippets[i] + "\n");
                files.Add(name);
            }
            var (exitCode, stderr) = GccOracle.SyntaxCheck(dir, files);
            var errors = stderr.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
            var report = string.Join("\n", errors.Select(e => e + "\n    in: " + snippets[int.Parse(e[1..e.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture)]));
            Assert.True(exitCode == 0 && errors.Count == 0, "gcc rejects:\n" + report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<string> First(TheoryData<string, string> data) => data.Select(row => (string)row[0]);
}

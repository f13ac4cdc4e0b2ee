using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>
/// Runs a C snippet through our preprocessor and through the real gcc
/// (`gcc -E -P -undef -nostdinc -std=gnu11`, so neither side has predefined
/// macros) and gives both token sequences.
/// </summary>
internal static class SnippetPreprocessor
{
    public static PreprocessResult Ours(string text, IConditionEvaluator? conditions = null, params (string Path, string Text)[] headers)
    {
        var tree = Linking.PreAstBuilderTests.Tree(headers);
        var preAst = PreAstBuilder.Build(new PreAstBuildOptions([tree], ArchitectureLayout.X86_64, Path.Combine(tree, "snippet.c"), text)).PreAst;
        var options = new PreprocessorOptions("", new Dictionary<string, string>(), new NoFeatures(), conditions ?? new NoConditions());
        return Preprocessor.Run(preAst with { ForcedIncludes = [] }, options);
    }

    public static List<string> OurTokens(string text, IConditionEvaluator? conditions = null) =>
        Ours(text, conditions).Tokens.Select(t => t.Text).ToList();

    public static List<string> GccTokens(string text)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-cpp-").FullName;
        var file = Path.Combine(dir, "snippet.c");
        File.WriteAllText(file, text);
        var output = Gcc.Run(Gcc.Executable, ["-E", "-P", "-undef", "-nostdinc", "-std=gnu11", file]);
        return Lexer.LexAll(output).Where(t => t.Kind != SyntaxKind.EndOfFileToken).Select(t => SyntaxFacts.ValueText(t.Text)).ToList();
    }

    /// <summary>C11 6.10.1 #if arithmetic as gcc does it (no feature tests, no assertions), diagnostics reported to the run.</summary>
    internal sealed class GccArithmetic : IConditionEvaluator
    {
        public long? Evaluate(IReadOnlyList<PPToken> tokens, ExpansionEnvironment environment, int directiveOrigin)
        {
            var result = LayoutExpert.Preprocessing.Conditions.IfExpressionEvaluator.Evaluate(tokens, null, directiveOrigin);
            foreach (var d in result.Diagnostics) environment.Diagnostics.Add(d.ToDiagnostic(environment.Locate));
            return result.IsSyntaxError ? null : result.IsTrue ? 1 : 0;
        }
    }

    /// <summary>Every feature test answered "no".</summary>
    internal sealed class NoFeatures : IFeatureAnswers
    {
        public long HasAttribute(string name) => 0;

        public long HasCAttribute(string name) => 0;

        public long HasCppAttribute(string name) => 0;

        public bool HasBuiltin(string name) => false;
    }

    /// <summary>For snippets with no #if arithmetic: evaluating one is a test error.</summary>
    internal sealed class NoConditions : IConditionEvaluator
    {
        public long? Evaluate(IReadOnlyList<PPToken> tokens, ExpansionEnvironment environment, int directiveOrigin) =>
            throw new InvalidOperationException("this snippet test has no #if arithmetic");
    }
}

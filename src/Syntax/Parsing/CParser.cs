using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// Parses GNU C (gcc 12, -std=gnu11) translation units after preprocessing
/// into green trees. The input is preprocessing tokens with their trivia, so
/// the tree prints back exactly the concatenation of the tokens' full texts.
/// Positions are never needed: diagnostics sit on green nodes with relative
/// offsets, and <see cref="CParseResult.Diagnostics"/> gives them relative to
/// the start of the first token; the caller maps them to files.
/// Never throws on bad input.
/// </summary>
public static class CParser
{
    /// <summary>
    /// Parses a token sequence (typically the preprocessor's output). An
    /// <see cref="SyntaxKind.EndOfFileToken"/> is expected only at the end;
    /// one is supplied (with no text) when the sequence does not end with one.
    /// </summary>
    public static CParseResult ParseTranslationUnit(IReadOnlyList<GreenToken> tokens, GreenNodeCache cache, CParserOptions? options = null)
    {
        var parser = new Parser(tokens, cache, options ?? CParserOptions.Default);
        var root = parser.ParseTranslationUnit();
        return new CParseResult(root, DiagnosticCollector.Collect(root));
    }

    /// <summary>
    /// Parses like <see cref="ParseTranslationUnit(IReadOnlyList{GreenToken}, GreenNodeCache, CParserOptions?)"/>,
    /// taking each external declaration from <paramref name="reuse"/> where an
    /// earlier parse read these very token objects under the same typedef names,
    /// and keeping the declarations it parses there for the next time. The
    /// result is the same as without <paramref name="reuse"/>; pass the same
    /// <paramref name="cache"/> every time, so equal tokens are the same objects.
    /// <see cref="ReusableDeclarations.LastParse"/> tells what was reused.
    /// </summary>
    public static CParseResult ParseTranslationUnit(IReadOnlyList<GreenToken> tokens, GreenNodeCache cache, ReusableDeclarations reuse, CParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reuse);
        options ??= CParserOptions.Default;
        return ParseWithReuse(number => new Parser(tokens, cache, options, reuse, number), reuse, options);
    }

    /// <summary>Parses input already in the parser's shape (no copy is made; see <see cref="ParserTokens"/>).</summary>
    public static CParseResult ParseTranslationUnit(ParserTokens tokens, GreenNodeCache cache, CParserOptions? options = null)
    {
        var parser = new Parser(tokens, cache, options ?? CParserOptions.Default);
        var root = parser.ParseTranslationUnit();
        return new CParseResult(root, DiagnosticCollector.Collect(root));
    }

    /// <summary>Parses input already in the parser's shape with <paramref name="reuse"/> (see <see cref="ParseTranslationUnit(IReadOnlyList{GreenToken}, GreenNodeCache, ReusableDeclarations, CParserOptions?)"/>).</summary>
    public static CParseResult ParseTranslationUnit(ParserTokens tokens, GreenNodeCache cache, ReusableDeclarations reuse, CParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reuse);
        options ??= CParserOptions.Default;
        return ParseWithReuse(number => new Parser(tokens, cache, options, reuse, number), reuse, options);
    }

    private static CParseResult ParseWithReuse(Func<int, Parser> makeParser, ReusableDeclarations reuse, CParserOptions options)
    {
        var number = reuse.BeginParse(options);
        Parser? parser = null;
        try
        {
            parser = makeParser(number);
            var root = parser.ParseTranslationUnit();
            parser.EndReuse();
            return new CParseResult(root, DiagnosticCollector.Collect(root));
        }
        finally
        {
            reuse.EndParse(parser?.Statistics() ?? default, parser?.InputVersion);
        }
    }

    /// <summary>Lexes and parses one C file that has no directives left (already preprocessed, or plain C).</summary>
    public static SyntaxTree ParseText(SourceText text, GreenNodeCache? cache = null, CParserOptions? options = null)
    {
        cache ??= new GreenNodeCache();
        var result = ParseTranslationUnit(Lexer.LexAll(text.Text, cache), cache, options);
        return new SyntaxTree(text, result.Root);
    }
}

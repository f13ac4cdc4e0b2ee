using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Tests;

/// <summary>Parses and binds C text with the test layout (<see cref="AbiLayout"/>).</summary>
public static class Bound
{
    public static BoundTranslationUnit Unit(string text, BinderOptions? options = null)
    {
        var tree = CParser.ParseText(new SourceText(text, "test.c"));
        var parseErrors = tree.GetDiagnostics().Where(d => d.IsError).ToList();
        Assert.True(parseErrors.Count == 0, "the test's C does not parse: " + string.Join("\n", parseErrors));
        return Binder.Bind(CSyntax.Root(tree)!, definitions => new AbiLayout(definitions), options);
    }

    /// <summary>Binds and asserts there was no error.</summary>
    public static BoundTranslationUnit Clean(string text, BinderOptions? options = null)
    {
        var unit = Unit(text, options);
        Assert.True(!unit.HasErrors, string.Join("\n", unit.Errors));
        return unit;
    }
}

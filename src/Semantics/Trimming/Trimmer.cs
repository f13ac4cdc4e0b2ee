using System.Collections.Immutable;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Trimming;

/// <summary>
/// Classifies the file-scope items of a parsed translation unit by what they
/// contribute to types and global objects (<see cref="TrimmedKind"/>) and
/// drops the rest. Function bodies are already token runs; here a function
/// definition keeps only what its specifiers and declarator declare: a struct
/// defined in its return type has file scope, while a tag first declared in a
/// parameter list has prototype scope (C11 6.2.1p4) and is a different type
/// from any later file-scope tag of that name (gcc warns that it "will not be
/// visible outside of this definition or declaration").
/// </summary>
public static class Trimmer
{
    public static TrimmedUnit Trim(TranslationUnitSyntax unit)
    {
        var items = ImmutableArray.CreateBuilder<TrimmedItem>();
        var dropped = 0;
        foreach (var member in unit.Members)
        {
            TrimmedKind? kind = member switch
            {
                DeclarationSyntax declaration => Classify(declaration),
                FunctionDefinitionSyntax => TrimmedKind.FunctionDefinition,
                StaticAssertDeclarationSyntax => TrimmedKind.StaticAssert,
                PreprocessorLineSyntax { DirectiveName: "pragma" } => TrimmedKind.Pragma,
                _ => null,
            };
            if (kind is { } k) items.Add(new TrimmedItem(k, member));
            else dropped++;
        }
        return new TrimmedUnit(unit, items.ToImmutable(), dropped);
    }

    private static TrimmedKind Classify(DeclarationSyntax declaration)
    {
        var specifiers = declaration.Specifiers;
        if (specifiers is null) return TrimmedKind.ObjectDeclaration;
        var hasDeclarators = false;
        var allFunctions = true;
        foreach (var declarator in declaration.Declarators)
        {
            hasDeclarators = true;
            if (declarator.Declarator?.FunctionOfIdentifier is null) allFunctions = false;
        }
        if (!hasDeclarators || DeclaresType(specifiers)) return TrimmedKind.TypeDeclaration;
        return allFunctions ? TrimmedKind.FunctionDeclaration : TrimmedKind.ObjectDeclaration;
    }

    /// <summary>A typedef, or specifiers that define a struct, union or enum (a body in braces).</summary>
    private static bool DeclaresType(DeclarationSpecifiersSyntax specifiers)
    {
        foreach (var item in specifiers.Items)
        {
            if (item.Keyword == CKeyword.Typedef) return true;
            if (item.Node is StructOrUnionSpecifierSyntax { HasBody: true } or EnumSpecifierSyntax { HasBody: true }) return true;
        }
        return false;
    }
}

using System.Collections.Immutable;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Trimming;

/// <summary>What one kept file-scope item contributes to the binder.</summary>
public enum TrimmedKind
{
    /// <summary>A typedef, or a declaration whose specifiers define or declare a struct, union or enum (possibly with declarators).</summary>
    TypeDeclaration,

    /// <summary>A declaration of objects (global variables), extern or not.</summary>
    ObjectDeclaration,

    /// <summary>A declaration of functions only ("int f(void), g(int);") whose specifiers define no type.</summary>
    FunctionDeclaration,

    /// <summary>A function definition; only its specifiers and declarator count, the body is never read.</summary>
    FunctionDefinition,

    /// <summary>_Static_assert: checked by the binder, a free consistency check of its layouts.</summary>
    StaticAssert,

    /// <summary>A #pragma line (pack pragmas change layouts).</summary>
    Pragma,
}

/// <summary>One kept item: its kind, its syntax kind and where its text starts in the unit. A struct: a kernel unit keeps 30,000 of them.</summary>
public readonly record struct TrimmedItem(TrimmedKind Kind, SyntaxKind SyntaxKind, int Position)
{
    internal GNode Node { get; init; }
}

/// <summary>
/// A translation unit cut down to what types and global objects depend on,
/// in source order (order matters: a pack pragma, or a struct completed
/// before a sizeof). <c>Dropped</c> counts the file-scope items left out
/// (asm, stray semicolons, line markers, recovered syntax errors).
/// </summary>
public sealed record TrimmedUnit(TranslationUnitSyntax Source, ImmutableArray<TrimmedItem> Items, int Dropped)
{
    public int Count(TrimmedKind kind) => Items.Count(i => i.Kind == kind);
}

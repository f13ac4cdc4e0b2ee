using System.Collections.Immutable;
using System.Runtime.InteropServices;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>The head section (see <see cref="PreAstFormat"/>): the Pre-AST's own fields, the kind names, and the tables' sizes.</summary>
internal sealed record Head(
    PreAstMetadata Metadata,
    ImmutableArray<string> SearchPath,
    ImmutableArray<int> ForcedIncludes,
    Dictionary<string, int> Sources,
    ImmutableArray<MissingInclude> Missing,
    SyntaxKind[] Kinds,
    int Strings,
    int Trivia,
    int TriviaNodes,
    int Tokens,
    int Files)
{
    public static Head Read(ReadOnlySpan<byte> section)
    {
        var head = new ByteReader(section);
        var metadata = new PreAstMetadata(PreAstBuilder.FormatVersion, Producer: head.String(), KernelRelease: head.String(),
            Architecture: head.String(), ModuleSource: head.String(), ContentHash: head.String());
        var searchPath = new string[head.Count()];
        for (var i = 0; i < searchPath.Length; i++) searchPath[i] = head.String();
        var forced = new int[head.Count()];
        for (var i = 0; i < forced.Length; i++) forced[i] = head.Varint();
        var sourceCount = head.Count();
        var sources = new Dictionary<string, int>(sourceCount, StringComparer.Ordinal);
        for (var i = 0; i < sourceCount; i++) sources[head.String()] = head.Varint();
        var missing = new MissingInclude[head.Count()];
        for (var i = 0; i < missing.Length; i++) missing[i] = new MissingInclude(head.String(), head.String(), head.Varint());
        var kinds = new SyntaxKind[head.Count()];
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = head.String();
            // By name, exactly: TryParse alone would also take numbers and comma lists.
            kinds[i] = Enum.TryParse<SyntaxKind>(kind, out var k) && k.ToString() == kind
                ? k
                : throw new InvalidDataException($"unknown syntax kind '{kind}'");
        }
        var result = new Head(metadata, ImmutableCollectionsMarshal.AsImmutableArray(searchPath), ImmutableCollectionsMarshal.AsImmutableArray(forced),
            sources, ImmutableCollectionsMarshal.AsImmutableArray(missing), kinds,
            Strings: head.Varint(), Trivia: head.Varint(), TriviaNodes: head.Varint(), Tokens: head.Varint(), Files: head.Varint());
        head.ExpectEnd("head");
        return result;
    }
}

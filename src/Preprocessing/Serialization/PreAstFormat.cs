namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The Pre-AST file, format version 2: binary, little-endian, one file.
/// <code>
/// preamble (fixed for every version)
///   0   22 bytes  "layout-expert/pre-ast\0"
///   22  u32       format version
///   26  32 bytes  SHA-256 of every byte from offset 58 to the end
/// body
///   58  u32       section count S
///       S x { u8 codec (0 stored, 1 deflate), u32 stored length, u32 decoded length }
///       the S sections' stored bytes, in order
/// sections (decoded)
///   0 head    producer, kernel release, architecture, module source, content hash (strings);
///             search path [string]; forced includes [id]; sources [(name, id)];
///             missing [(spelled, from, line)]; kinds [SyntaxKind name]; file count;
///             blocks [file count]; string, trivia, trivia-node and token counts
///   1 strings N byte lengths, then the N UTF-8 texts back to back
///   2 tokens  trivia [(kind, string)]; trivia nodes [(n, trivia...)] (n = 1: that trivia,
///             n &gt; 1: a List of them); tokens [(kind, string, leading, trailing)]
///             (trivia node + 1, 0 for none), most used first
///   3.. files one section per block of consecutive files, each file:
///             path, search dir + 1, includes [(line, spelled, form, next, target + 1,
///             generated: 0, or 1 and the string)], hasInclude [(key, answer)], parts, end-of-file leaf
/// tree
///   parts     count, then per part a tag: 0 text run, 1 control line, 2 stray
///             #elif/#else/#endif, each followed by a leaf; 3 conditional: group count,
///             per group its directive leaf and parts, then 0/1 and the #endif leaf
///   leaf      n &gt; 0 and n token indices; or 0 and a string index, the text to lex
///             (for the rare leaf whose tokens carry lexer diagnostics)
/// </code>
/// Integers in sections are unsigned LEB128 varints; a string outside the
/// string table is its UTF-8 byte length then the bytes; a list is its count
/// then its items. Kinds are stored by name, so renumbering
/// <see cref="Syntax.SyntaxKind"/> does not silently change old files.
/// The tokens are the lexer's output as build-pre-ast made it: a change to the
/// lexer's cutting must bump the version. Directive nodes (and their
/// diagnostics) are rebuilt at load by the shared DirectiveNodeBuilder.
/// </summary>
internal static class PreAstFormat
{
    public const string FormatName = "layout-expert/pre-ast";

    public static ReadOnlySpan<byte> Magic => "layout-expert/pre-ast\0"u8;

    public const int VersionOffset = 22;
    public const int DigestOffset = 26;
    public const int BodyOffset = 58;

    public const byte Stored = 0;
    public const byte Deflate = 1;

    /// <summary>No section decodes to more than this (a guard against a forged length).</summary>
    public const int MaxSectionLength = 1 << 28;

    public const int HeadSection = 0;
    public const int StringSection = 1;
    public const int TokenSection = 2;
    public const int FirstFileSection = 3;

    public const byte TextRunPart = 0;
    public const byte ControlLinePart = 1;
    public const byte StrayLinePart = 2;
    public const byte ConditionalPart = 3;
}

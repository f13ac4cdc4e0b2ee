namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The Pre-AST file, format version 2: binary, little-endian, one file.
/// <code>
/// preamble (the same for every version)
///   0   22 bytes  "layout-expert/pre-ast\0"
///   22  u32       format version
///   26  32 bytes  SHA-256 of every byte from offset 58 to the end
/// body
///   58  u32       section count S
///       S x { u8 kind, u8 codec (0 stored, 1 deflate), u32 stored length, u32 decoded length }
///       the S sections' stored bytes, in order
/// sections, in this order (decoded)
///   head      producer, kernel release, architecture, module source, content hash (strings);
///             search path [string]; forced includes [id]; sources [(name, id)];
///             missing [(spelled, from, line)]; kinds [SyntaxKind name];
///             string, trivia, trivia-node, token and file counts
///   strings   (several) N, N byte lengths, then the N UTF-8 texts back to back;
///             the string table is the sections' strings in order
///   trivia    trivia [(kind, string)]; trivia nodes [(n, trivia...)]
///             (n = 1: that trivia, n &gt; 1: a List of them)
///   tokens    (several) N, then N x (kind, string, leading, trailing), leading and trailing
///             a trivia node + 1 or 0 for none; the token table, most used first
///   files     (several) N, then N files, each: path, search dir + 1,
///             includes [(line, spelled, form, next, target + 1, generated: 0, or 1 and the string)],
///             hasInclude [(key, answer)], its parts, its end-of-file leaf
/// tree
///   parts     count, then per part a tag: 0 text run, 1 control line, 2 stray
///             #elif/#else/#endif, each followed by a leaf; 3 conditional: group count,
///             per group its directive leaf and parts, then 0/1 and the #endif leaf
///   leaf      n &gt; 0 and n token indices; or 0 and a string index, the text to lex
///             (for the rare leaf whose tokens carry lexer diagnostics)
/// </code>
/// Integers in sections are unsigned LEB128 varints; a string outside the
/// string table is its UTF-8 byte length then the bytes; a list is its count
/// then its items. Tables are cut into sections of a few thousand entries and
/// files into blocks so that every section decodes on its own, on any core.
/// Kinds are stored by name, so renumbering <see cref="Syntax.SyntaxKind"/>
/// does not silently change old files. The tokens are the lexer's output as
/// build-pre-ast made it: a change to the lexer's cutting must bump the
/// version. Directive nodes (and their diagnostics) are rebuilt at load by the
/// shared DirectiveNodeBuilder.
/// </summary>
internal static class PreAstFormat
{
    public const string FormatName = "layout-expert/pre-ast";

    public static ReadOnlySpan<byte> Magic => "layout-expert/pre-ast\0"u8;

    public const int VersionOffset = 22;
    public const int DigestOffset = 26;
    public const int BodyOffset = 58;
    public const int SectionEntrySize = 10;

    public const byte Stored = 0;
    public const byte Deflate = 1;

    /// <summary>No section decodes to more than this (a guard against a forged length).</summary>
    public const int MaxSectionLength = 1 << 28;

    public const int StringsPerSection = 8192;
    public const int TokensPerSection = 8192;
    /// <summary>Files are cut into about this many blocks (by encoded size), so loading spreads over the cores.</summary>
    public const int TargetFileBlocks = 16;

    public const byte TextRunPart = 0;
    public const byte ControlLinePart = 1;
    public const byte StrayLinePart = 2;
    public const byte ConditionalPart = 3;
}

/// <summary>What a section holds (see <see cref="PreAstFormat"/>); sections come in this order.</summary>
internal enum SectionKind : byte { Head, Strings, Trivia, Tokens, Files }

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Rebuilds the files of one block (see <see cref="PreAstFormat"/>): tokens
/// come ready-made from the <see cref="TokenTable"/>, and every node above them
/// is built by the <see cref="DirectiveNodeBuilder"/> the parser uses, so the
/// loaded tree is the parsed one. One decoder per loading thread: its node
/// cache, lexer and line buffer are not thread-safe.
/// </summary>
internal sealed class FileDecoder(TokenTable table) : DirectiveNodeBuilder(new GreenNodeCache())
{
    private readonly GreenToken[] _tokens = table.Tokens;
    private readonly string[] _strings = table.Strings;
    private readonly List<GreenToken> _line = new(64);
    private Lexer? _lexer;

    public PreAstFile Read(ref ByteReader reader, int id)
    {
        var path = reader.String();
        var searchDir = reader.Varint() - 1;
        var includes = new IncludeLink[reader.Count()];
        for (var i = 0; i < includes.Length; i++)
        {
            var line = reader.Varint();
            var spelled = reader.String();
            var form = reader.Byte() is var f && f <= (byte)IncludeForm.Computed ? (IncludeForm)f : throw new InvalidDataException($"include form {f}");
            var next = reader.Bool();
            var target = reader.Varint() - 1;
            var generated = reader.Bool() ? reader.String() : null;
            includes[i] = new IncludeLink(line, spelled, form, next, target, generated);
        }
        var hasInclude = ImmutableSortedDictionary<string, bool>.Empty.WithComparers(StringComparer.Ordinal);
        var answers = reader.Count();
        if (answers > 0)
        {
            var builder = hasInclude.ToBuilder();
            for (var i = 0; i < answers; i++) builder[reader.String()] = reader.Bool();
            hasInclude = builder.ToImmutable();
        }
        var parts = Parts(ref reader, depth: 0);
        Leaf(ref reader, endOfFile: true);
        if (_line is not [{ Kind: SyntaxKind.EndOfFileToken } eof]) throw new InvalidDataException($"{path} does not end with an end-of-file token");
        return new PreAstFile(id, path, searchDir, FileOf(parts, eof), ImmutableCollectionsMarshal.AsImmutableArray(includes), hasInclude);
    }

    private GreenNode? Parts(ref ByteReader reader, int depth)
    {
        var parts = new GreenNode?[reader.Count()];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = reader.Byte() switch
            {
                PreAstFormat.TextRunPart => TextRun(ref reader),
                PreAstFormat.ControlLinePart => ControlLine(Line(ref reader)),
                PreAstFormat.StrayLinePart => DirectiveLine(Line(ref reader), stray: true),
                PreAstFormat.ConditionalPart => Section(ref reader, depth + 1),
                var tag => throw new InvalidDataException($"unknown part tag {tag}"),
            };
        }
        return ListOf(parts);
    }

    /// <summary>A conditional, rebuilt group by group as <see cref="DirectiveParser"/> builds it.</summary>
    private GreenNode Section(ref ByteReader reader, int depth)
    {
        // The parser never nests sections deeper; a deeper one is corrupt (and would exhaust the stack).
        if (depth > DirectiveParser.MaxConditionalDepth) throw new InvalidDataException("conditionals nested too deep");
        var groups = reader.Count();
        if (groups == 0) throw new InvalidDataException("a conditional without groups");
        var opening = DirectiveLine(Line(ref reader));
        var first = GroupOf(SyntaxKind.IfGroup, opening, Parts(ref reader, depth));
        var later = new List<GreenNode>(groups - 1);
        var seenElse = false;
        for (var i = 1; i < groups; i++)
        {
            var directive = LaterDirective(Line(ref reader), seenElse);
            seenElse |= directive.Kind == SyntaxKind.ElseDirective;
            later.Add(GroupOf(directive.Kind == SyntaxKind.ElseDirective ? SyntaxKind.ElseGroup : SyntaxKind.ElifGroup,
                directive, Parts(ref reader, depth)));
        }
        var endif = reader.Bool() ? DirectiveLine(Line(ref reader)) : null;
        return IfSection(first, later, endif);
    }

    /// <summary>A directive line, in the line buffer (valid until the next leaf is read).</summary>
    private List<GreenToken> Line(ref ByteReader reader)
    {
        Leaf(ref reader);
        if (_line.Count == 0 || _line[0].Kind != SyntaxKind.HashToken) throw new InvalidDataException("a directive line that does not start with '#'");
        return _line;
    }

    private GreenInternalNode TextRun(ref ByteReader reader)
    {
        var count = reader.Count();
        if (count == 0)
        {
            Lex(_strings[reader.Index(_strings.Length, "string")], endOfFile: false);
            return TextRunOf([.. _line]);
        }
        var tokens = new GreenNode?[count];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = _tokens[reader.Index(_tokens.Length, "token")];
        return TextRunOf(tokens);
    }

    /// <summary>Reads a leaf's tokens into the line buffer.</summary>
    private void Leaf(ref ByteReader reader, bool endOfFile = false)
    {
        var count = reader.Count();
        if (count == 0)
        {
            Lex(_strings[reader.Index(_strings.Length, "string")], endOfFile);
            return;
        }
        _line.Clear();
        for (var i = 0; i < count; i++) _line.Add(_tokens[reader.Index(_tokens.Length, "token")]);
    }

    /// <summary>A leaf stored as text: lexed as the parser lexed it (the end-of-file token kept only for a file's end).</summary>
    private void Lex(string text, bool endOfFile)
    {
        _lexer ??= new Lexer("", Cache);
        _lexer.Reset(text);
        _lexer.LexInto(_line);
        if (endOfFile) return;
        if (_line[^1].FullWidth != 0) throw new InvalidDataException("trivia after the last token of a leaf");
        _line.RemoveAt(_line.Count - 1);
    }
}

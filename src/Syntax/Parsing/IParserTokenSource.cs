using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// Writes a lazy parser input's tokens into its buffer on demand (see
/// <see cref="ParserTokens.Source"/>): the parser asks for each page of the
/// buffer before it first reads there, so stretches it takes from earlier
/// parses on the input's word (<see cref="InputRepeats"/>) are never written.
/// A config flip's input is a million tokens, of which the parser reads a few
/// thousand around what changed.
/// </summary>
public interface IParserTokenSource
{
    /// <summary>Writes the tokens <c>[start, start + count)</c> into <paramref name="buffer"/> at those indices (never the end-of-file token, which is written already).</summary>
    void Fill(GreenToken[] buffer, int start, int count);
}

using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// What replaying a <see cref="FileRun"/> appends, flattened: every piece,
/// #if record and diagnostic of its segments and of its included runs', in
/// order. Made when the run is recorded, from its included runs' own
/// flattened outputs (array copies), so a replay appends a few arrays instead
/// of walking the thousands of segment objects its nested runs and text runs
/// are made of (a first MEMCG flip replays 6,266 runs of 13,400 segments but
/// only 5,842 pieces).
/// </summary>
internal sealed class ReplayOutput
{
    private ReplayOutput(ArraySegment<PPToken>[] pieces, int tokens, ConditionRecord[] conditions, Diagnostic[] diagnostics, int files)
    {
        Pieces = pieces;
        TokenCount = tokens;
        Conditions = conditions;
        Diagnostics = diagnostics;
        Files = files;
    }

    /// <summary>The pieces, none empty.</summary>
    public ArraySegment<PPToken>[] Pieces { get; }

    public int TokenCount { get; }

    public ConditionRecord[] Conditions { get; }

    public Diagnostic[] Diagnostics { get; }

    /// <summary>How many whole-file runs it stands for (the run itself and those nested in it; text runs are not counted).</summary>
    public int Files { get; }

    /// <summary>The flattened output of a run made of <paramref name="segments"/> (its included runs already flattened).</summary>
    public static ReplayOutput Of(IReadOnlyList<FileRunSegment> segments, bool isTextRun)
    {
        int pieceCount = 0, conditionCount = 0, diagnosticCount = 0, files = isTextRun ? 0 : 1;
        foreach (var segment in segments)
        {
            if (segment.Child is { } child)
            {
                var nested = child.ReplayOutput;
                pieceCount += nested.Pieces.Length;
                conditionCount += nested.Conditions.Length;
                diagnosticCount += nested.Diagnostics.Length;
                files += nested.Files;
                continue;
            }
            foreach (var piece in segment.Pieces)
            {
                if (piece.Count > 0) pieceCount++;
            }
            conditionCount += segment.Conditions.Length;
            diagnosticCount += segment.Diagnostics.Length;
        }
        var pieces = new ArraySegment<PPToken>[pieceCount];
        var conditions = conditionCount == 0 ? [] : new ConditionRecord[conditionCount];
        var diagnostics = diagnosticCount == 0 ? [] : new Diagnostic[diagnosticCount];
        int p = 0, c = 0, d = 0, tokens = 0;
        foreach (var segment in segments)
        {
            if (segment.Child is { } child)
            {
                var nested = child.ReplayOutput;
                nested.Pieces.CopyTo(pieces, p);
                p += nested.Pieces.Length;
                tokens += nested.TokenCount;
                nested.Conditions.CopyTo(conditions, c);
                c += nested.Conditions.Length;
                nested.Diagnostics.CopyTo(diagnostics, d);
                d += nested.Diagnostics.Length;
                continue;
            }
            foreach (var piece in segment.Pieces)
            {
                if (piece.Count == 0) continue;
                pieces[p++] = piece;
                tokens += piece.Count;
            }
            segment.Conditions.CopyTo(conditions, c);
            c += segment.Conditions.Length;
            segment.Diagnostics.CopyTo(diagnostics, d);
            d += segment.Diagnostics.Length;
        }
        return new ReplayOutput(pieces, tokens, conditions, diagnostics, files);
    }
}

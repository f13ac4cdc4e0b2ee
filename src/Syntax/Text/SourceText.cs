namespace LayoutExpert.Syntax.Text;

/// <summary>
/// The text of one source file with its path and a line map built on first use.
/// Lines end at '\n' ("\r\n" counts as one end); a backslash-newline splice
/// (C11 5.1.1.2p1, phase 2) still ends a physical line, which is what compilers
/// report in diagnostics.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;
    private string? _text;
    private readonly Func<string>? _makeText;

    public SourceText(string text, string path)
    {
        _text = text;
        Path = path;
        Length = text.Length;
    }

    /// <summary>
    /// A text of <paramref name="length"/> characters written only when first
    /// read: a preprocessed kernel unit is some 5 MB that is read only to
    /// locate a diagnostic, if any.
    /// </summary>
    public SourceText(Func<string> makeText, int length, string path)
    {
        _makeText = makeText;
        Path = path;
        Length = length;
    }

    /// <summary>
    /// A text written only when first read, whose line starts the caller
    /// knows (0, then one past each '\n'): locating an offset needs neither
    /// the text nor a scan of it.
    /// </summary>
    public SourceText(Func<string> makeText, int length, int[] lineStarts, string path) : this(makeText, length, path)
    {
        _lineStarts = CheckedLineStarts(lineStarts);
    }

    /// <summary>
    /// A text written only when first read, whose line starts the caller
    /// makes only when first needed (to locate an offset): a profile of a
    /// kernel unit that reports nothing never locates anything.
    /// </summary>
    public SourceText(Func<string> makeText, int length, Func<int[]> makeLineStarts, string path) : this(makeText, length, path)
    {
        _makeLineStarts = makeLineStarts;
    }

    private readonly Func<int[]>? _makeLineStarts;

    private static int[] CheckedLineStarts(int[] lineStarts) =>
        lineStarts.Length == 0 || lineStarts[0] != 0 ? throw new ArgumentException("line starts begin with 0", nameof(lineStarts)) : lineStarts;

    public string Text
    {
        get
        {
            if (_text is null)
            {
                var made = _makeText!();
                if (made.Length != Length) throw new InvalidOperationException($"the text of {Path} is {made.Length} characters, not {Length}");
                Interlocked.CompareExchange(ref _text, made, null);
            }
            return _text;
        }
    }

    public string Path { get; }

    public int Length { get; }

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= _makeLineStarts is { } make ? CheckedLineStarts(make()) : ComputeLineStarts(Text);

    public LinePosition GetLinePosition(int offset)
    {
        var starts = LineStarts;
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - starts[line]);
    }

    public int GetLineStart(int line) => LineStarts[line];

    public SourceLocation GetLocation(int offset) => new(Path, GetLinePosition(offset));

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        return [.. starts];
    }
}

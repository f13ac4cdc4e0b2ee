namespace LayoutExpert.Preprocessing.Tokens;

[Flags]
public enum PPTokenFlags : byte
{
    None = 0,

    /// <summary>White space came before the token (matters to # stringizing, C11 6.10.3.2p2, and to output spacing).</summary>
    LeadingSpace = 1,

    /// <summary>The token is the first on its logical line.</summary>
    StartOfLine = 2,

    /// <summary>
    /// An identifier that named a macro being expanded when it was read: it is
    /// never expanded again (C11 6.10.3.4p2, "painted blue").
    /// </summary>
    NoExpand = 4,

    /// <summary>A placemarker (C11 6.10.3.3p2): an empty argument next to ##. Never reaches the output.</summary>
    Placemarker = 8,

    /// <summary>
    /// The value of __COUNTER__, or a token pasted or stringized from one. A
    /// session replays a file with the counter values of the run that recorded
    /// it, so tests compare session output with fresh output modulo these.
    /// </summary>
    Counter = 16,
}

namespace LayoutExpert.Syntax;

/// <summary>
/// The single list of every kind of token, trivia and node in the project's
/// trees: preprocessing tokens (C11 6.4), directive nodes (C11 6.10) and, later,
/// C declaration nodes. <see cref="SyntaxFacts"/> is the one place that knows
/// what each kind means.
/// </summary>
public enum SyntaxKind : ushort
{
    None = 0,

    // Trivia.
    WhitespaceTrivia,
    EndOfLineTrivia,
    LineSpliceTrivia,
    BlockCommentTrivia,
    LineCommentTrivia,

    // Preprocessing tokens (C11 6.4p1).
    EndOfFileToken,
    IdentifierToken,
    PPNumberToken,
    CharacterLiteralToken,
    StringLiteralToken,
    HeaderNameToken,
    /// <summary>"each non-white-space character that cannot be one of the above" (C11 6.4p1).</summary>
    OtherToken,

    // Punctuators (C11 6.4.6), digraphs mapped to the kinds they spell.
    OpenBracketToken,
    CloseBracketToken,
    OpenParenToken,
    CloseParenToken,
    OpenBraceToken,
    CloseBraceToken,
    DotToken,
    ArrowToken,
    PlusPlusToken,
    MinusMinusToken,
    AmpersandToken,
    AsteriskToken,
    PlusToken,
    MinusToken,
    TildeToken,
    ExclamationToken,
    SlashToken,
    PercentToken,
    LessLessToken,
    GreaterGreaterToken,
    LessToken,
    GreaterToken,
    LessEqualsToken,
    GreaterEqualsToken,
    EqualsEqualsToken,
    ExclamationEqualsToken,
    CaretToken,
    BarToken,
    AmpersandAmpersandToken,
    BarBarToken,
    QuestionToken,
    ColonToken,
    SemicolonToken,
    DotDotDotToken,
    EqualsToken,
    AsteriskEqualsToken,
    SlashEqualsToken,
    PercentEqualsToken,
    PlusEqualsToken,
    MinusEqualsToken,
    LessLessEqualsToken,
    GreaterGreaterEqualsToken,
    AmpersandEqualsToken,
    CaretEqualsToken,
    BarEqualsToken,
    CommaToken,
    HashToken,
    HashHashToken,

    // Lists.
    List,

    // Preprocessing-file nodes (C11 6.10p1).
    PreprocessingFile,
    TextRun,
    IfSection,
    IfDirective,
    IfdefDirective,
    IfndefDirective,
    ElifDirective,
    ElifdefDirective,
    ElifndefDirective,
    ElseDirective,
    IfGroup,
    ElifGroup,
    ElseGroup,
    EndifDirective,
    DefineDirective,
    MacroParameterList,
    UndefDirective,
    IncludeDirective,
    ErrorDirective,
    WarningDirective,
    PragmaDirective,
    LineDirective,
    NullDirective,
    UnknownDirective,
}

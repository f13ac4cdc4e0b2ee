namespace LayoutExpert.Driver;

/// <summary>Process exit codes: scripts tell bad input from a usage mistake from a bug in the tool.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input is wrong (a missing file, a corrupt Pre-AST, a config with errors): the diagnostics say where.</summary>
    public const int InputError = 1;

    public const int Usage = 2;

    /// <summary>LayoutExpert itself failed (EX_SOFTWARE in sysexits.h).</summary>
    public const int InternalError = 70;
}

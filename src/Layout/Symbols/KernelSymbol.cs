namespace LayoutExpert.Layout.Symbols;

/// <summary>
/// One line of a System.map or /proc/kallsyms: <c>ADDRESS TYPE NAME [module]</c>.
/// <c>Type</c> is nm's one-letter symbol type exactly as printed (upper case
/// for global, lower case for local: T/t text, D/d data, B/b bss, R/r
/// read-only, W/w weak, A absolute, ...). <c>Module</c> is set only for the
/// kallsyms lines of loaded modules. <c>Line</c> is one-based.
/// </summary>
public sealed record KernelSymbol(ulong Address, char Type, string Name, string? Module, int Line)
{
    public bool IsGlobal => char.IsUpper(Type);
}

using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Rekall;

/// <summary>
/// Everything a Rekall Linux profile is made of. <c>ConfigOptions</c> maps
/// <c>CONFIG_X</c> to its value as the .config writes it (<c>y</c>, <c>m</c>,
/// <c>64</c>, <c>"a string"</c>); surrounding quotes are removed when written.
/// <c>Arch</c> is Rekall's name for the architecture (<c>AMD64</c> for x86-64).
/// <c>MaskAddressesTo48Bits</c> keeps the low 48 bits of each address, as Rekall's
/// own converter stored them.
/// </summary>
public sealed record RekallInput(
    LayoutSet Layouts,
    IReadOnlyDictionary<string, ulong> SymbolAddresses,
    IReadOnlyDictionary<string, string> ConfigOptions,
    string Arch = "AMD64",
    bool MaskAddressesTo48Bits = true);

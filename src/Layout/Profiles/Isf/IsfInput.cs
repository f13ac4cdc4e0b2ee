using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Symbols;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>Who wrote the profile: ISF's <c>metadata.producer</c>.</summary>
public sealed record IsfProducer(string Name, string Version);

/// <summary>
/// What an input file was, in the only words ISF 6.2.0 has for Linux inputs
/// (<c>metadata.linux.symbols[].kind</c> must match <c>^(dwarf|symtab|system-map)$</c>).
/// </summary>
public enum IsfSourceKind { Dwarf, Symtab, SystemMap }

/// <summary>One input file of the profile, recorded with its SHA-256 in the metadata.</summary>
public sealed record IsfSourceFile(IsfSourceKind Kind, string Name, string Sha256)
{
    /// <summary>An entry for a file on disk: its file name and the SHA-256 of its bytes.</summary>
    public static IsfSourceFile FromFile(IsfSourceKind kind, string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var hash = System.Security.Cryptography.SHA256.HashData(stream);
            return new IsfSourceFile(kind, Path.GetFileName(path), Convert.ToHexString(hash).ToLowerInvariant());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SymbolFileException(path, "cannot hash the input file: " + e.Message, e);
        }
    }

    internal string KindText => Kind switch
    {
        IsfSourceKind.Dwarf => "dwarf",
        IsfSourceKind.Symtab => "symtab",
        _ => "system-map",
    };
}

/// <summary>
/// Everything an ISF profile is made of.
/// <list type="bullet">
/// <item><c>SymbolAddresses</c>: name -> address, e.g. <see cref="SymbolTable.Addresses"/>.</item>
/// <item><c>SymbolTypes</c>: the declared type of the symbols whose declaration the
/// headers give (<c>extern struct task_struct init_task;</c>); typedefs are resolved when written.</item>
/// <item><c>Banner</c>: when given, <c>linux_banner</c> gets it as <c>constant_data</c>.</item>
/// <item><c>SymbolSources</c>/<c>TypeSources</c>: <c>metadata.linux.symbols</c> and <c>.types</c>.</item>
/// <item><c>MaskAddressesTo48Bits</c>: keep the low 48 bits of each address, as dwarf2json
/// (and Rekall) store kernel addresses; the canonical upper bits carry nothing.</item>
/// </list>
/// </summary>
public sealed record IsfInput(
    LayoutSet Layouts,
    IReadOnlyDictionary<string, ulong> SymbolAddresses,
    IReadOnlyDictionary<string, TypeRef> SymbolTypes,
    KernelBanner? Banner,
    IsfProducer Producer,
    ImmutableArray<IsfSourceFile> SymbolSources,
    ImmutableArray<IsfSourceFile> TypeSources,
    bool MaskAddressesTo48Bits = true);

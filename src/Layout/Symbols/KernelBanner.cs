using System.Collections.Immutable;
using System.Text;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Layout.Symbols;

/// <summary>
/// The kernel's <c>linux_banner</c> string: "Linux version ... \n", exactly the
/// line /proc/version prints (init/version.c builds both from the same parts).
/// Volatility 3 picks the profile for a memory image by comparing these bytes,
/// so they must be exact: <see cref="Text"/> holds the line with its newline,
/// <see cref="ConstantData"/> adds the C string's terminating NUL, as the
/// kernel's <c>const char linux_banner[]</c> holds it.
/// </summary>
public sealed class KernelBanner
{
    private KernelBanner(ImmutableArray<byte> text)
    {
        Text = text;
        ConstantData = [.. text, 0];
    }

    /// <summary>The banner line, newline included, no NUL.</summary>
    public ImmutableArray<byte> Text { get; }

    /// <summary>The bytes of <c>linux_banner</c> in the kernel image: <see cref="Text"/> plus a NUL.</summary>
    public ImmutableArray<byte> ConstantData { get; }

    public string TextString => Encoding.Latin1.GetString(Text.AsSpan());

    /// <summary>Reads /proc/version (or a copy of it); throws <see cref="SymbolFileException"/> when it cannot be read.</summary>
    public static BannerReadResult Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SymbolFileException(path, "cannot read the banner: " + e.Message, e);
        }
        return FromProcVersion(bytes, path);
    }

    /// <summary>A banner given as text (a command-line value, say); see <see cref="FromProcVersion"/>.</summary>
    public static BannerReadResult FromText(string text, string origin) =>
        FromProcVersion(Encoding.Latin1.GetBytes(text), origin);

    /// <summary>
    /// The banner from the bytes of /proc/version. A missing final newline (a
    /// shell's <c>$(cat /proc/version)</c> drops it) is added back with a
    /// warning; text after the first line is dropped with a warning.
    /// </summary>
    public static BannerReadResult FromProcVersion(ReadOnlySpan<byte> bytes, string origin)
    {
        var at = new SourceLocation(origin, new LinePosition(0, 0));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

        var newline = bytes.IndexOf((byte)'\n');
        var line = newline < 0 ? bytes : bytes[..newline];
        if (line.Length == 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.EmptyBanner, at));
            return new BannerReadResult(null, diagnostics.ToImmutable());
        }
        if (line.IndexOf((byte)0) >= 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.BannerHasNul, at));
            return new BannerReadResult(null, diagnostics.ToImmutable());
        }
        if (newline < 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.BannerWithoutNewline, at));
        }
        else if (newline + 1 < bytes.Length)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.BannerHasMoreLines, at));
        }
        if (!line.StartsWith("Linux version "u8))
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.BannerNotLinux, at));
        }

        ImmutableArray<byte> text = [.. line, (byte)'\n'];
        return new BannerReadResult(new KernelBanner(text), diagnostics.ToImmutable());
    }
}

public sealed record BannerReadResult(KernelBanner? Banner, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

using System.Collections.Immutable;
using System.Globalization;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Layout.Symbols;

/// <summary>
/// Reads System.map (written by the kernel build with <c>nm -n</c>) and
/// /proc/kallsyms. Both print one symbol a line, <c>ADDRESS TYPE NAME</c>, the
/// address in hex (16 digits on x86-64); kallsyms adds a tab and
/// <c>[module]</c> for symbols of loaded modules. A broken line becomes an
/// error diagnostic with its line number and the rest of the file is kept.
/// </summary>
public static class SymbolMapReader
{
    private const int X86_64AddressDigits = 16;

    /// <summary>Reads a file; throws <see cref="SymbolFileException"/> only when it cannot be read at all.</summary>
    public static SymbolTable Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SymbolFileException(path, "cannot read the symbol map: " + e.Message, e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses the text of a System.map or /proc/kallsyms; <paramref name="path"/> is used in diagnostics.</summary>
    public static SymbolTable Parse(string text, string path)
    {
        var entries = ImmutableArray.CreateBuilder<KernelSymbol>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var oddWidths = 0;
        string? firstOddAddress = null;
        var firstOddLine = 0;

        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;

            if (!TryParseLine(line, lineNumber, out var symbol, out var addressText))
            {
                diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.MalformedLine, At(path, lineNumber), Quote(line)));
                continue;
            }
            if (addressText.Length != X86_64AddressDigits)
            {
                if (oddWidths++ == 0)
                {
                    firstOddAddress = addressText;
                    firstOddLine = lineNumber;
                }
            }
            entries.Add(symbol);
        }

        if (oddWidths > 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.UnexpectedAddressWidth, At(path, firstOddLine), oddWidths, firstOddAddress!));
        }
        if (entries.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.NoSymbols, null));
        }
        else if (entries.All(s => s.Address == 0))
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.AllAddressesZero, null, entries.Count));
        }

        var modules = entries.Count(s => s.Module is not null);
        if (modules > 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.ModuleSymbolsSetAside, null, modules));
        }

        var table = new SymbolTable(path, entries.ToImmutable(), []);
        if (table.RepeatedNames.Length > 0)
        {
            diagnostics.Add(Diagnostic.Create(SymbolDiagnostics.RepeatedNames, null, table.RepeatedNames.Length, table.RepeatedNames[0]));
        }
        return new SymbolTable(path, table.Entries, diagnostics.ToImmutable());
    }

    private static bool TryParseLine(string line, int lineNumber, out KernelSymbol symbol, out string addressText)
    {
        symbol = null!;
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        addressText = fields.Length > 0 ? fields[0] : "";
        if (fields.Length is not (3 or 4)) return false;

        if (addressText.Length is 0 or > X86_64AddressDigits
            || !ulong.TryParse(addressText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address))
        {
            return false;
        }

        var type = fields[1];
        if (type.Length != 1 || !(char.IsAsciiLetter(type[0]) || type[0] == '?')) return false;

        string? module = null;
        if (fields.Length == 4)
        {
            var column = fields[3];
            if (column.Length < 3 || column[0] != '[' || column[^1] != ']') return false;
            module = column[1..^1];
        }

        symbol = new KernelSymbol(address, type[0], fields[2], module, lineNumber);
        return true;
    }

    private static SourceLocation At(string path, int lineNumber) => new(path, new LinePosition(lineNumber - 1, 0));

    private static string Quote(string line) => "'" + (line.Length > 120 ? line[..120] + "..." : line) + "'";
}

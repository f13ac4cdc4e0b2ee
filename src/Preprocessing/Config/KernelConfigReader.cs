using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// Reads a kernel .config (plain, or gzip-compressed like /proc/config.gz,
/// recognised by its magic bytes) the way Kconfig's conf_read does: lines
/// <c>CONFIG_X=value</c> set a symbol, <c># CONFIG_X is not set</c> and
/// <c>CONFIG_X=n</c> unset it, other comments and blank lines are ignored.
/// Anything else is an error with its file and line; reading goes on with the
/// next line. Never throws on bad content.
/// </summary>
public static class KernelConfigReader
{
    /// <summary>Largest configuration accepted after decompression (real ones are ~300 KB).</summary>
    public const int MaxBytes = 64 << 20;

    private const string Prefix = "CONFIG_";
    private const string HeadingMarker = "# Automatically generated file; DO NOT EDIT.";

    public static ConfigReadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var diagnostic = Diagnostic.Create(ConfigDiagnostics.CannotRead, new SourceLocation(path, default), e.Message);
            return new ConfigReadResult(new KernelConfig(path, null, []), [diagnostic]);
        }
        return Read(bytes, path);
    }

    /// <summary>Reads a configuration from its bytes; gzip data (1f 8b) is decompressed first.</summary>
    public static ConfigReadResult Read(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            if (Decompress(bytes.ToArray(), path, out var inflated) is { } failure)
            {
                return new ConfigReadResult(new KernelConfig(path, null, []), [failure]);
            }
            bytes = inflated;
        }
        if (bytes.Length > MaxBytes)
        {
            var diagnostic = Diagnostic.Create(ConfigDiagnostics.FileTooLarge, new SourceLocation(path, default), MaxBytes);
            return new ConfigReadResult(new KernelConfig(path, null, []), [diagnostic]);
        }
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) bytes = bytes[3..];
        return Parse(new UTF8Encoding(false, false).GetString(bytes), path);
    }

    private static Diagnostic? Decompress(byte[] compressed, string path, out byte[] inflated)
    {
        inflated = [];
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxBytes)
                {
                    return Diagnostic.Create(ConfigDiagnostics.FileTooLarge, new SourceLocation(path, default), MaxBytes);
                }
                output.Write(buffer, 0, read);
            }
            inflated = output.ToArray();
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Diagnostic.Create(ConfigDiagnostics.CorruptCompressedFile, new SourceLocation(path, default), e.Message);
        }
    }

    /// <summary>Reads a configuration from its text.</summary>
    public static ConfigReadResult Parse(string text, string path)
    {
        var state = new State(path);
        var lineNumber = 0;
        foreach (var rawLine in SplitLines(text))
        {
            lineNumber++;
            // conf_read strips one '\n' and a '\r' before it.
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            state.ReadLine(line, lineNumber);
        }
        return new ConfigReadResult(
            new KernelConfig(path, state.Title, [.. state.Entries.Where(e => e is not null)!]),
            state.Diagnostics.ToImmutable());
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text[start..end];
            start = end + 1;
        }
    }

    private sealed class State(string path)
    {
        public readonly List<ConfigEntry?> Entries = [];
        public readonly ImmutableArray<Diagnostic>.Builder Diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private bool _afterHeadingMarker;

        public string? Title { get; private set; }

        public void ReadLine(string line, int number)
        {
            var wasAfterMarker = _afterHeadingMarker;
            _afterHeadingMarker = false;
            if (line.Length == 0 || line.All(c => c is ' ' or '\t')) return;
            if (line[0] == '#')
            {
                ReadComment(line, number, wasAfterMarker);
                return;
            }
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                Report(ConfigDiagnostics.UnexpectedData, number, 0, Shorten(line));
                return;
            }
            var equals = line.IndexOf('=', Prefix.Length);
            var name = equals < 0 ? line[Prefix.Length..] : line[Prefix.Length..equals];
            if (!IsSymbolName(name))
            {
                Report(ConfigDiagnostics.BadSymbolName, number, Prefix.Length, Shorten(name));
                return;
            }
            if (equals < 0)
            {
                Report(ConfigDiagnostics.MissingEquals, number, line.Length, name);
                return;
            }
            var valueText = line[(equals + 1)..];
            if (valueText == "n")
            {
                Unset(name, number);
                return;
            }
            if (Classify(name, valueText, number, equals + 1) is { } value) Set(name, value, number);
        }

        private void ReadComment(string line, int number, bool wasAfterMarker)
        {
            if (line == HeadingMarker)
            {
                _afterHeadingMarker = Title is null;
                return;
            }
            if (wasAfterMarker && line.StartsWith("# ", StringComparison.Ordinal))
            {
                Title = line[2..];
                return;
            }
            // "# CONFIG_X is not set" (conf_read compares only "is not set" after the name).
            if (line.StartsWith("# " + Prefix, StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ', 2 + Prefix.Length);
                if (space > 0 && line.AsSpan(space + 1).StartsWith("is not set", StringComparison.Ordinal))
                {
                    var name = line[(2 + Prefix.Length)..space];
                    if (IsSymbolName(name)) Unset(name, number);
                }
            }
        }

        private ConfigValue? Classify(string name, string text, int number, int column)
        {
            if (text is "y") return new ConfigValue(ConfigValueKind.Yes, text);
            if (text is "m") return new ConfigValue(ConfigValueKind.Module, text);
            if (text.StartsWith('"'))
            {
                if (KconfigStrings.TryUnescape(text, out var close) is null)
                {
                    Report(ConfigDiagnostics.UnterminatedString, number, column, name);
                    return null;
                }
                if (close != text.Length - 1)
                {
                    Report(ConfigDiagnostics.BadValue, number, column + close + 1, Shorten(text), name);
                    return null;
                }
                if (text.Any(char.IsControl))
                {
                    Report(ConfigDiagnostics.BadValue, number, column, Shorten(text), name);
                    return null;
                }
                return new ConfigValue(ConfigValueKind.String, text);
            }
            if (IsDecimal(text)) return new ConfigValue(ConfigValueKind.Decimal, text);
            if (IsHex(text)) return new ConfigValue(ConfigValueKind.Hex, text);
            Report(ConfigDiagnostics.BadValue, number, column, Shorten(text), name);
            return null;
        }

        private void Set(string name, ConfigValue value, int number)
        {
            if (!_seen.Add(name)) Report(ConfigDiagnostics.Reassigned, number, 0, name);
            var entry = new ConfigEntry(name, value, number);
            if (_index.TryGetValue(name, out var at))
            {
                Entries[at] = entry;
            }
            else
            {
                _index[name] = Entries.Count;
                Entries.Add(entry);
            }
        }

        private void Unset(string name, int number)
        {
            if (!_seen.Add(name)) Report(ConfigDiagnostics.Reassigned, number, 0, name);
            if (_index.Remove(name, out var at)) Entries[at] = null;
        }

        private void Report(DiagnosticDescriptor descriptor, int line, int column, params object[] args) =>
            Diagnostics.Add(Diagnostic.Create(descriptor, new SourceLocation(path, new LinePosition(line - 1, column)), args));
    }

    /// <summary>Kconfig symbol names: letters, digits, '_' (and C needs them to be identifiers).</summary>
    private static bool IsSymbolName(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static bool IsDecimal(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>Kconfig hex: an optional 0x/0X, then hex digits (sym_string_valid, S_HEX).</summary>
    private static bool IsHex(string text)
    {
        var digits = KconfigStrings.StripHexPrefix(text);
        return digits.Length > 0 && digits.All(char.IsAsciiHexDigit);
    }

    /// <summary>Printable excerpt of a bad line for a message.</summary>
    private static string Shorten(string text)
    {
        var printable = new string([.. text.Take(60).Select(c => char.IsControl(c) || c == '\uFFFD' ? '?' : c)]);
        return text.Length > 60 ? printable + "..." : printable;
    }
}

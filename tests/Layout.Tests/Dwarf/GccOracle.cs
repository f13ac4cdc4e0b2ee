using System.Globalization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// The independent oracle: compiles <c>source</c> into a program that prints C
/// expressions (sizeof, offsetof, enum constants ...) evaluated by gcc itself.
/// BITPOS(T, m) and BITWIDTH(T, m) find a bit-field's position and width by
/// setting it to all ones in a zeroed object and looking at the bytes
/// (x86-64 is little-endian, so bit i is bit i%8 of byte i/8).
/// </summary>
public static class GccOracle
{
    private const string Prelude = """
        #include <stdio.h>
        #include <stddef.h>
        #include <string.h>
        #include <stdalign.h>
        static long long bitpos_(const unsigned char *p, size_t n)
        { for (size_t i = 0; i < n * 8; i++) if ((p[i / 8] >> (i % 8)) & 1) return (long long)i; return -1; }
        static long long bitcount_(const unsigned char *p, size_t n)
        { long long c = 0; for (size_t i = 0; i < n * 8; i++) c += (p[i / 8] >> (i % 8)) & 1; return c; }
        #define BITPOS(T, m) ({ T x_; memset(&x_, 0, sizeof x_); x_.m = -1; bitpos_((const unsigned char *)&x_, sizeof x_); })
        #define BITWIDTH(T, m) ({ T x_; memset(&x_, 0, sizeof x_); x_.m = -1; bitcount_((const unsigned char *)&x_, sizeof x_); })

        """;

    /// <summary>Evaluates each expression (cast to long long) with gcc; returns them by expression text.</summary>
    public static IReadOnlyDictionary<string, long> Evaluate(string source, IEnumerable<string> expressions)
    {
        var list = expressions.Distinct().ToList();
        var main = string.Join("\n", list.Select(e => $"    printf(\"%lld\\n\", (long long)({e}));"));
        var program = Prelude + source + "\nint main(void)\n{\n" + main + "\n    return 0;\n}\n";
        var output = Gcc.CompileAndRun(program, "-w", "-O0").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (output.Length != list.Count) throw new InvalidOperationException($"oracle printed {output.Length} lines for {list.Count} expressions");
        return list.Select((e, i) => (e, long.Parse(output[i], CultureInfo.InvariantCulture))).ToDictionary(p => p.e, p => p.Item2);
    }
}

using System.Text;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// The oracle: writes the declarations and a program asking gcc every probe,
/// compiles and runs it with the machine's gcc, and reads the facts it prints.
/// sizeof/__alignof__/offsetof answers come from static tables (constant
/// expressions, cheap to compile); a bit-field's position is found by setting it
/// to all ones in a zeroed object and scanning the bytes (little-endian, so bit
/// i of the object is bit i%8 of byte i/8).
/// </summary>
public static class GccProbe
{
    public static readonly string[] Flags = ["-std=gnu11", "-w", "-O0"];

    public static string Program(Declarations declarations, IReadOnlyList<Probe> probes)
    {
        var text = new StringBuilder();
        text.Append("#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\n\n");
        text.Append(CEmitter.Emit(declarations));
        text.Append("""

            #define KIND(x) _Generic((x), char: "char", signed char: "signed char", unsigned char: "unsigned char", \
              short: "short int", unsigned short: "short unsigned int", int: "int", unsigned int: "unsigned int", \
              long: "long int", unsigned long: "long unsigned int", long long: "long long int", \
              unsigned long long: "long long unsigned int", __int128: "__int128", unsigned __int128: "__int128 unsigned", \
              _Bool: "_Bool", default: "?")
            struct layout_fact { const char *label; unsigned long value; };
            struct layout_kind { const char *label; const char *kind; };
            static volatile unsigned __int128 layout_ones = ~(unsigned __int128)0;
            static void layout_bits(const char *label, const void *object, unsigned long size)
            {
              const unsigned char *bytes = object;
              long first = -1, count = 0;
              for (unsigned long i = 0; i < size * 8; i++)
                if ((bytes[i / 8] >> (i % 8)) & 1) { if (first < 0) first = (long)i; count++; }
              printf("%s|bit\t%ld:%ld\n", label, first, count);
            }

            """);

        text.Append("static const struct layout_fact layout_facts[] = {\n");
        foreach (var probe in probes)
        {
            switch (probe)
            {
                case TypeProbe t:
                    if (t.Complete) Fact(text, t.Label + "|size", $"sizeof({t.Subject})");
                    Fact(text, t.Label + "|align", $"__alignof__({t.Subject})");
                    break;
                case MemberProbe m:
                    Fact(text, m.Label + "|off", $"__builtin_offsetof({m.Subject}, {m.Path})");
                    if (m.Complete) Fact(text, m.Label + "|msize", $"sizeof((({m.Subject} *)0)->{m.Path})");
                    Fact(text, m.Label + "|malign", $"__alignof__((({m.Subject} *)0)->{m.Path})");
                    break;
            }
        }
        text.Append("  { 0, 0 }\n};\n");

        text.Append("static const struct layout_kind layout_kinds[] = {\n");
        foreach (var probe in probes.OfType<KindProbe>())
        {
            text.Append("  { \"").Append(probe.Label).Append("|kind\", KIND((").Append(probe.Subject).Append(")0) },\n");
        }
        text.Append("  { 0, 0 }\n};\n\n");

        text.Append("int main(void)\n{\n");
        text.Append("  for (const struct layout_fact *f = layout_facts; f->label; f++) printf(\"%s\\t%lu\\n\", f->label, f->value);\n");
        text.Append("  for (const struct layout_kind *k = layout_kinds; k->label; k++) printf(\"%s\\t%s\\n\", k->label, k->kind);\n");
        foreach (var probe in probes.OfType<BitFieldProbe>())
        {
            text.Append("  { static ").Append(probe.Subject).Append(" o; memset(&o, 0, sizeof o); o.").Append(probe.Path)
                .Append(" = layout_ones; layout_bits(\"").Append(probe.Label).Append("\", &o, sizeof o); }\n");
        }
        text.Append("  return 0;\n}\n");
        return text.ToString();
    }

    /// <summary>Runs gcc on the probe program and returns its facts, label to value.</summary>
    public static IReadOnlyDictionary<string, string> Measure(string program)
    {
        var output = Gcc.CompileAndRun(program, Flags);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t');
            facts[line[..tab]] = line[(tab + 1)..];
        }
        return facts;
    }

    /// <summary>Asks gcc for the values of integer constant expressions (sizeof, __alignof__, __builtin_offsetof ...) over the declarations.</summary>
    public static IReadOnlyList<long> Evaluate(Declarations declarations, params string[] expressions)
    {
        var text = new StringBuilder("#include <stdio.h>\n\n");
        text.Append(CEmitter.Emit(declarations)).Append("\nint main(void)\n{\n");
        foreach (var expression in expressions) text.Append("  printf(\"%ld\\n\", (long)(").Append(expression).Append("));\n");
        text.Append("  return 0;\n}\n");
        return Gcc.CompileAndRun(text.ToString(), Flags)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => long.Parse(line, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static void Fact(StringBuilder text, string label, string expression) =>
        text.Append("  { \"").Append(label).Append("\", ").Append(expression).Append(" },\n");
}

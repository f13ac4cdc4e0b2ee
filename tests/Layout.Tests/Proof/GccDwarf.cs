using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// gcc's side of the proof: the same C text compiled by the machine's gcc
/// (x86-64, gnu11, DWARF 5) and read back from the object's DWARF.
/// <c>-fno-eliminate-unused-debug-types</c> makes gcc describe every type of
/// the unit, not only those its objects use, so both sides cover the same set.
/// </summary>
public static class GccDwarf
{
    public static readonly string[] AllTypes = ["-std=gnu11", "-g", "-gdwarf-5", "-O0", "-w", "-fno-eliminate-unused-debug-types"];

    public static readonly string[] UsedTypes = ["-std=gnu11", "-g", "-gdwarf-5", "-O0", "-w"];

    /// <summary>gcc -E -P: the macro-free text both sides then read.</summary>
    public static string Preprocess(string source)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-cpp-").FullName;
        var file = Path.Combine(dir, "unit.c");
        File.WriteAllText(file, source);
        return Gcc.Run(Gcc.Executable, ["-E", "-P", "-std=gnu11", file]);
    }

    public static LayoutSet Layouts(string source, bool allTypes = true) =>
        DwarfReader.ReadLayouts(Gcc.CompileObject(source, allTypes ? AllTypes : UsedTypes));
}

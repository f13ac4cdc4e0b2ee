using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>Compiles C with the real gcc and reads the object's DWARF back.</summary>
public static class DwarfCompiler
{
    public static string Object(string source, string dwarfFlags, params string[] extra) =>
        Gcc.CompileObject(source, [.. DwarfFlags.Split(dwarfFlags), .. extra]);

    public static LayoutSet Layouts(string source, string dwarfFlags, params string[] extra) =>
        DwarfReader.ReadLayouts(ElfFile.Open(Object(source, dwarfFlags, extra)));
}

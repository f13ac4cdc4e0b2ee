namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>The gcc debug-info dialects every layout test runs against: each writes bit-fields, locations and forms differently.</summary>
public static class DwarfFlags
{
    /// <summary>gcc 12's default: DW_AT_data_bit_offset, implicit_const, line_strp.</summary>
    public const string Dwarf5 = "-gdwarf-5";

    /// <summary>Old-style DW_AT_bit_offset + DW_AT_byte_size bit-fields.</summary>
    public const string Dwarf4 = "-gdwarf-4";

    /// <summary>No GNU extensions: enums may lose DW_AT_type, no DW_AT_alignment.</summary>
    public const string Dwarf4Strict = "-gdwarf-4 -gstrict-dwarf";

    /// <summary>Member locations as DW_OP_plus_uconst expressions, ref_addr address-sized.</summary>
    public const string Dwarf2 = "-gdwarf-2";

    public static TheoryData<string> All => [Dwarf5, Dwarf4, Dwarf4Strict, Dwarf2];

    public static string[] Split(string flags) => ["-g", .. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-O0"];
}

namespace LayoutExpert.Layout.Dwarf;

// Numbers from the DWARF 5 standard, section 7 ("Data Representation"), plus
// the GNU extensions gcc emits. Only what this reader uses or must skip.

/// <summary>DW_TAG_* (DWARF 5, table 7.3).</summary>
internal static class DwTag
{
    public const ushort ArrayType = 0x01;
    public const ushort ClassType = 0x02;
    public const ushort EnumerationType = 0x04;
    public const ushort Member = 0x0d;
    public const ushort PointerType = 0x0f;
    public const ushort ReferenceType = 0x10;
    public const ushort CompileUnit = 0x11;
    public const ushort StructureType = 0x13;
    public const ushort SubroutineType = 0x15;
    public const ushort Typedef = 0x16;
    public const ushort UnionType = 0x17;
    public const ushort SubrangeType = 0x21;
    public const ushort BaseType = 0x24;
    public const ushort ConstType = 0x26;
    public const ushort Enumerator = 0x28;
    public const ushort PackedType = 0x2d;
    public const ushort VolatileType = 0x35;
    public const ushort RestrictType = 0x37;
    public const ushort UnspecifiedType = 0x3b;
    public const ushort SharedType = 0x40;
    public const ushort RvalueReferenceType = 0x42;
    public const ushort AtomicType = 0x47;
    public const ushort ImmutableType = 0x4b;
}

/// <summary>DW_AT_* (DWARF 5, table 7.5).</summary>
internal static class DwAt
{
    public const ushort Name = 0x03;
    public const ushort ByteSize = 0x0b;
    public const ushort BitOffset = 0x0c;
    public const ushort BitSize = 0x0d;
    public const ushort LowerBound = 0x22;
    public const ushort UpperBound = 0x2f;
    public const ushort ConstValue = 0x1c;
    public const ushort DataMemberLocation = 0x38;
    public const ushort Declaration = 0x3c;
    public const ushort Encoding = 0x3e;
    public const ushort Type = 0x49;
    public const ushort Count = 0x37;
    public const ushort Signature = 0x69;
    public const ushort DataBitOffset = 0x6b;
    public const ushort StrOffsetsBase = 0x72;
    public const ushort Alignment = 0x88;
}

/// <summary>DW_FORM_* (DWARF 5, table 7.6) and the GNU forms of the pre-standard split DWARF and dwz.</summary>
internal static class DwForm
{
    public const ushort Addr = 0x01;
    public const ushort Block2 = 0x03;
    public const ushort Block4 = 0x04;
    public const ushort Data2 = 0x05;
    public const ushort Data4 = 0x06;
    public const ushort Data8 = 0x07;
    public const ushort String = 0x08;
    public const ushort Block = 0x09;
    public const ushort Block1 = 0x0a;
    public const ushort Data1 = 0x0b;
    public const ushort Flag = 0x0c;
    public const ushort Sdata = 0x0d;
    public const ushort Strp = 0x0e;
    public const ushort Udata = 0x0f;
    public const ushort RefAddr = 0x10;
    public const ushort Ref1 = 0x11;
    public const ushort Ref2 = 0x12;
    public const ushort Ref4 = 0x13;
    public const ushort Ref8 = 0x14;
    public const ushort RefUdata = 0x15;
    public const ushort Indirect = 0x16;
    public const ushort SecOffset = 0x17;
    public const ushort Exprloc = 0x18;
    public const ushort FlagPresent = 0x19;
    public const ushort Strx = 0x1a;
    public const ushort Addrx = 0x1b;
    public const ushort RefSup4 = 0x1c;
    public const ushort StrpSup = 0x1d;
    public const ushort Data16 = 0x1e;
    public const ushort LineStrp = 0x1f;
    public const ushort RefSig8 = 0x20;
    public const ushort ImplicitConst = 0x21;
    public const ushort Loclistx = 0x22;
    public const ushort Rnglistx = 0x23;
    public const ushort RefSup8 = 0x24;
    public const ushort Strx1 = 0x25;
    public const ushort Strx2 = 0x26;
    public const ushort Strx3 = 0x27;
    public const ushort Strx4 = 0x28;
    public const ushort Addrx1 = 0x29;
    public const ushort Addrx2 = 0x2a;
    public const ushort Addrx3 = 0x2b;
    public const ushort Addrx4 = 0x2c;
    public const ushort GnuAddrIndex = 0x1f01;
    public const ushort GnuStrIndex = 0x1f02;
    public const ushort GnuRefAlt = 0x1f20;
    public const ushort GnuStrpAlt = 0x1f21;
}

/// <summary>DW_ATE_* (DWARF 5, table 7.11).</summary>
internal static class DwAte
{
    public const int Boolean = 0x02;
    public const int ComplexFloat = 0x03;
    public const int Float = 0x04;
    public const int Signed = 0x05;
    public const int SignedChar = 0x06;
    public const int Unsigned = 0x07;
    public const int UnsignedChar = 0x08;
    public const int DecimalFloat = 0x0f;
    public const int Utf = 0x10;
}

/// <summary>DW_UT_* (DWARF 5, table 7.2).</summary>
internal static class DwUt
{
    public const byte Compile = 0x01;
    public const byte Type = 0x02;
    public const byte Partial = 0x03;
    public const byte Skeleton = 0x04;
    public const byte SplitCompile = 0x05;
    public const byte SplitType = 0x06;
}

/// <summary>The DW_OP_* a member location can use (DWARF 5, table 7.9).</summary>
internal static class DwOp
{
    public const byte Const1u = 0x08;
    public const byte Const1s = 0x09;
    public const byte Const2u = 0x0a;
    public const byte Const2s = 0x0b;
    public const byte Const4u = 0x0c;
    public const byte Const4s = 0x0d;
    public const byte Const8u = 0x0e;
    public const byte Const8s = 0x0f;
    public const byte Constu = 0x10;
    public const byte Consts = 0x11;
    public const byte Plus = 0x22;
    public const byte PlusUconst = 0x23;
    public const byte Lit0 = 0x30;
    public const byte Lit31 = 0x4f;
}

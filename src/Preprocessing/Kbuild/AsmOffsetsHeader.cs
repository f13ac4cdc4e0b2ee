namespace LayoutExpert.Preprocessing.Kbuild;

/// <summary>
/// include/generated/asm-offsets.h. kbuild fills it with offsets gcc computed
/// from arch/x86/kernel/asm-offsets.c (not part of the headers); its macros
/// are read only by assembly (they sit under __ASSEMBLY__ or are used in .S
/// files). The C translation unit reaches the file (6.12: via
/// asm/nospec-branch.h) but reads none of its macros: preprocessing the module
/// with this empty guard gives exactly gcc's tokens, which the kernel oracle
/// test checks on every flavour.
/// </summary>
public static class AsmOffsetsHeader
{
    public const string Text =
        "#ifndef __ASM_OFFSETS_H__\n#define __ASM_OFFSETS_H__\n" +
        "/*\n * DO NOT MODIFY.\n *\n * Made by LayoutExpert: the macros kbuild puts here are read only by assembly.\n */\n\n#endif\n";
}

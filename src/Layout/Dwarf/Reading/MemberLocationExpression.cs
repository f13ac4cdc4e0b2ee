namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Evaluates a DW_AT_data_member_location given as a location expression
/// (DWARF 2 style, DWARF 5 section 5.7.6: the struct's address is pushed first,
/// the result is the member's address). gcc writes DW_OP_plus_uconst N; the
/// constant-pushing operations and DW_OP_plus are accepted too.
/// </summary>
internal static class MemberLocationExpression
{
    private const int MaxStack = 64;

    public static long Evaluate(ReadOnlySpan<byte> sectionData, string sectionName, int start, int length)
    {
        var r = new SpanReader(sectionData[..(start + length)], sectionName, start);
        Span<long> stack = stackalloc long[MaxStack];
        var depth = 1;
        stack[0] = 0;
        while (!r.AtEnd)
        {
            var at = r.Position;
            var op = r.U8();
            long push;
            switch (op)
            {
                case DwOp.PlusUconst:
                    stack[depth - 1] += (long)r.Uleb();
                    continue;
                case DwOp.Plus:
                    if (depth < 2) throw r.Error(at, "DW_OP_plus needs two stack entries");
                    stack[depth - 2] += stack[depth - 1];
                    depth--;
                    continue;
                case DwOp.Const1u: push = r.U8(); break;
                case DwOp.Const1s: push = (sbyte)r.U8(); break;
                case DwOp.Const2u: push = r.U16(); break;
                case DwOp.Const2s: push = (short)r.U16(); break;
                case DwOp.Const4u: push = r.U32(); break;
                case DwOp.Const4s: push = (int)r.U32(); break;
                case DwOp.Const8u or DwOp.Const8s: push = (long)r.U64(); break;
                case DwOp.Constu: push = (long)r.Uleb(); break;
                case DwOp.Consts: push = r.Sleb(); break;
                case >= DwOp.Lit0 and <= DwOp.Lit31: push = op - DwOp.Lit0; break;
                default:
                    throw r.Error(at, $"unsupported operation 0x{op:x2} in a member location expression");
            }
            if (depth == MaxStack) throw r.Error(at, "member location expression stack overflow");
            stack[depth++] = push;
        }
        return stack[depth - 1];
    }
}

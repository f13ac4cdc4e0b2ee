using System.Globalization;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// Writes an integer as one of many C constant expressions gcc evaluates to
/// it: literals in every base and suffix, character constants, arithmetic,
/// shifts, casts, conditionals, <c>sizeof</c>/<c>_Alignof</c> of scalars and
/// arrays (x86-64 ABI sizes), earlier enumeration constants, <c>offsetof</c>
/// and <c>sizeof</c> of earlier structs, and the GNU built-ins
/// (<c>__builtin_choose_expr</c>, <c>__builtin_constant_p</c>,
/// <c>__builtin_types_compatible_p</c>). Every intermediate value stays within
/// the type the expression computes in, so the expression's value is the
/// number asked for whatever gcc's types are. Facts about earlier declarations
/// (an enum constant's value, a struct's size) are registered by the emitter.
/// </summary>
public sealed class IntegerSpeller(Random random)
{
    private readonly List<(string Name, Int128 Value)> _constants = [];
    private readonly List<(string Expression, long Value)> _facts =
    [
        ("sizeof(char)", 1), ("sizeof(short)", 2), ("sizeof(int)", 4), ("sizeof(long)", 8), ("sizeof(long long)", 8),
        ("sizeof(__int128)", 16), ("sizeof(float)", 4), ("sizeof(double)", 8), ("sizeof(long double)", 16), ("sizeof(void *)", 8),
        ("_Alignof(short)", 2), ("__alignof__(int)", 4), ("__alignof__(long double)", 16), ("_Alignof(char *)", 8),
        ("sizeof(int[3])", 12), ("sizeof(char[7][2])", 14), ("sizeof 'a'", 4), ("sizeof(\"abc\")", 4),
        ("sizeof(_Bool)", 1), ("sizeof(__int128_t)", 16),
    ];

    /// <summary>Registers an enumeration constant gcc will know when later expressions are read.</summary>
    public void AddConstant(string name, Int128 value) => _constants.Add((name, value));

    /// <summary>Registers an expression about an earlier declaration (sizeof a struct, offsetof a member) and its value.</summary>
    public void AddFact(string expression, long value) => _facts.Add((expression, value));

    public string Spell(Int128 value) => Spell(value, 3, false, false);

    /// <summary>
    /// A negative value is spelled with signed operands only: an unsigned
    /// operand would wrap it, and a wrapped value converted to a wider signed
    /// type (or compared as an enumerator value) is another number.
    /// </summary>
    private string Spell(Int128 value, int depth, bool signedOnly, bool wide)
    {
        if (value > long.MaxValue) return Unsigned64((ulong)value, depth);
        // Beyond int, every operand is written 64-bit so that no intermediate overflows int.
        wide |= value > int.MaxValue || value < int.MinValue;
        signedOnly |= value < 0;
        if (depth <= 0 || random.Next(4) == 0) return Literal(value, wide, signedOnly);
        switch (random.Next(wide ? 6 : 16))
        {
            case 0:
            {
                var b = random.Next(-1000, 1000);
                var a = value - b;
                if (!Fits(a, wide)) break;
                // A negative operand makes the sum's intermediate values signed: the other operand must be signed too.
                signedOnly |= a < 0 || b < 0;
                return $"({Spell(a, depth - 1, signedOnly, wide)} + {Spell(b, depth - 1, signedOnly, wide)})";
            }
            case 1:
            {
                var b = random.Next(0, 1000);
                var a = value + b;
                if (!Fits(a, wide)) break;
                return $"({Spell(a, depth - 1, signedOnly, wide)} - {Spell(b, depth - 1, signedOnly, wide)})";
            }
            case 2:
            {
                var k = random.Next(2, 5);
                if (value % k != 0) break;
                return $"({Spell(value / k, depth - 1, signedOnly, wide)} * {k})";
            }
            case 3:
                return $"(1 ? {Spell(value, depth - 1, signedOnly, wide)} : {random.Next(100)})";
            case 4:
            {
                var k = random.Next(1, 4);
                if (value < 0 || value > (wide ? long.MaxValue >> 4 : int.MaxValue >> 4)) break;
                return $"(({Spell(value, depth - 1, signedOnly, wide)} << {k}) >> {k})";
            }
            case 5:
                if (value < 0) break;
                return $"__extension__ ({Spell(value, depth - 1, signedOnly, wide)} | 0)";
            case 6:
                return $"__builtin_choose_expr({Truth(true)}, {Spell(value, depth - 1, signedOnly, wide)}, {random.Next(10)}.5)";
            case 7:
                return $"(__builtin_constant_p({Spell(value, depth - 1, signedOnly, wide)}) ? {Spell(value, depth - 1, signedOnly, wide)} : -1)";
            case 8:
                return $"(__builtin_types_compatible_p(int, signed) * {Spell(value, depth - 1, signedOnly, wide)})";
            case 9:
            {
                if (value < 0 || value > 200) break;
                return $"(int)(unsigned char)({Spell(value + 256, depth - 1, signedOnly, wide)})";
            }
            case 10:
            {
                // The facts are size_t: only for values that cannot wrap.
                if (_facts.Count == 0 || signedOnly) break;
                var (expression, fact) = _facts[random.Next(_facts.Count)];
                var rest = value - fact;
                if (!Fits(rest, wide)) break;
                return $"({expression} + {Spell(rest, depth - 1, signedOnly, wide)})";
            }
            case 11:
            {
                if (_constants.Count == 0) break;
                var (name, constant) = _constants[random.Next(_constants.Count)];
                if (constant > int.MaxValue || constant < int.MinValue) break;
                var rest = value - constant;
                if (!Fits(rest, wide)) break;
                return $"({name} + {Spell(rest, depth - 1, signedOnly, wide)})";
            }
            case 12:
            {
                if (value <= 0 || value > 4096 || signedOnly) break;
                return $"sizeof(char[{Spell(value, depth - 1, signedOnly, wide)}])";
            }
            case 13:
                return $"(({Truth(random.Next(2) == 0)}) ? {Spell(value, depth - 1, signedOnly, wide)} : {Spell(value, depth - 1, signedOnly, wide)})";
            case 14:
                if (value < 0) break;
                return $"(~~{Spell(value, depth - 1, signedOnly, wide)})";
            case 15:
                if (value < -(1L << 30) || value > 1L << 30) break;
                return $"-(- {Spell(value, depth - 1, signedOnly, wide)})";
        }
        return Literal(value, wide, signedOnly);
    }

    private static bool Fits(Int128 value, bool wide) =>
        wide ? value >= long.MinValue && value <= long.MaxValue : value >= int.MinValue && value <= int.MaxValue;

    private string Truth(bool value) => random.Next(4) switch
    {
        0 => value ? "1" : "0",
        1 => value ? "(3 > 2)" : "(2 >= 3)",
        2 => value ? "!0" : "!1",
        _ => value ? "(sizeof(int) == 4 && 1)" : "(sizeof(int) != 4 || 0)",
    };

    /// <summary>A literal of the value: decimal, hex, octal, with or without a suffix, or a character constant.</summary>
    private string Literal(Int128 value, bool wide, bool signedOnly)
    {
        if (value < 0)
        {
            // A negative value: minus applied to a positive literal (C has no negative literals); the minimum needs care.
            if (value == long.MinValue) return "(-9223372036854775807LL - 1)";
            if (value == int.MinValue && !wide) return "(-2147483647 - 1)";
            return "(-" + Literal(-value, wide, signedOnly: true) + ")";
        }
        var v = (ulong)value;
        if (v < 127 && v >= 32 && v != '\'' && v != '\\' && random.Next(6) == 0) return "'" + (char)v + "'";
        if (v < 128 && random.Next(8) == 0) return "'\\" + Convert.ToString((int)v, 8) + "'";
        if (v < 256 && random.Next(8) == 0) return "(unsigned char)'\\x" + v.ToString("x", CultureInfo.InvariantCulture) + "'";
        var suffix = wide ? (random.Next(2) == 0 ? "LL" : "l") : random.Next(5) switch
        {
            0 when !signedOnly => "u",
            1 => "L",
            2 when !signedOnly => "ul",
            3 => "LL",
            _ => "",
        };
        // A hexadecimal or octal literal above INT_MAX is unsigned int in C (6.4.4.1p5).
        var radixOk = !signedOnly || v <= int.MaxValue;
        return random.Next(4) switch
        {
            0 when radixOk => "0x" + v.ToString(random.Next(2) == 0 ? "x" : "X", CultureInfo.InvariantCulture) + suffix,
            1 when v != 0 && radixOk => "0" + Convert.ToString((long)v, 8) + suffix,
            _ => v.ToString(CultureInfo.InvariantCulture) + suffix,
        };
    }

    private string Unsigned64(ulong value, int depth)
    {
        if (depth > 0 && random.Next(2) == 0)
        {
            var b = (ulong)random.Next(0, 1000);
            return $"({Unsigned64(value - b, depth - 1)} + {b}ULL)";
        }
        return random.Next(2) == 0 ? "0x" + value.ToString("x", CultureInfo.InvariantCulture) + "ULL" : value.ToString(CultureInfo.InvariantCulture) + "uLL";
    }
}

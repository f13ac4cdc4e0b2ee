using System.Globalization;
using System.Text;

namespace LayoutExpert.Semantics.Tests.Constants;

/// <summary>
/// Random integer constant expressions over every integer type: literals in
/// every base and suffix (up to gcc's decimal-to-__int128 rule), character
/// constants, casts, sizeof, every unary and binary operator, the
/// conditional. Undefined behaviour that gcc's folder resolves in its own way
/// is avoided: divisors are never zero ("| 1"), only unsigned values are shifted
/// left, and shift counts stay below the width.
/// </summary>
public sealed class IntegerExpressions(Random random)
{
    private static readonly string[] Types =
    [
        "_Bool", "char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned int", "long", "unsigned long",
        "long long", "unsigned long long", "__int128", "unsigned __int128",
    ];

    private static readonly string[] WideUnsigned = ["unsigned int", "unsigned long", "unsigned long long", "unsigned __int128"];

    private static readonly string[] Binary = ["+", "-", "*", "&", "|", "^", "<", ">", "<=", ">=", "==", "!=", "&&", "||"];

    private static readonly ulong[] Values =
    [
        0, 1, 2, 3, 7, 8, 15, 31, 32, 63, 64, 100, 127, 128, 255, 256, 1000, 32767, 32768, 65535, 65536, 0x7fffffff, 0x80000000,
        0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 12345678901,
    ];

    public string Next() => Expression(4);

    private string Expression(int depth)
    {
        if (depth == 0 || random.Next(4) == 0) return Leaf();
        switch (random.Next(9))
        {
            case 0:
                return Pick(["-", "~", "!", "+"]) + "(" + Expression(depth - 1) + ")";
            case 1 or 2 or 3:
                return "(" + Expression(depth - 1) + " " + Pick(Binary) + " " + Expression(depth - 1) + ")";
            case 4:
                return "(" + Expression(depth - 1) + " " + Pick(["/", "%"]) + " (" + Expression(depth - 1) + " | 1))";
            case 5:
                return "((" + Pick(WideUnsigned) + ")" + Expression(depth - 1) + " << " + random.Next(32).ToString(CultureInfo.InvariantCulture) + ")";
            case 6:
                return "((" + Pick(Types[6..]) + ")" + Expression(depth - 1) + " >> " + random.Next(32).ToString(CultureInfo.InvariantCulture) + ")";
            case 7:
                return "(" + Expression(depth - 1) + " ? " + Expression(depth - 1) + " : " + Expression(depth - 1) + ")";
            default:
                return "((" + Pick(Types) + ")" + Expression(depth - 1) + ")";
        }
    }

    private string Leaf()
    {
        switch (random.Next(8))
        {
            case 0:
                return "sizeof(" + Pick(Types) + ")";
            case 1:
                return Pick(["'a'", "'\\n'", "'\\377'", "'\\x80'", "'ab'", "'\\0'", "L'x'", "u'y'", "U'z'"]);
            case 2:
                return "((" + Pick(Types) + ")" + Literal() + ")";
            default:
                return Literal();
        }
    }

    private string Literal()
    {
        var value = Values[random.Next(Values.Length)];
        var text = new StringBuilder();
        switch (random.Next(4))
        {
            case 0: text.Append("0x").Append(value.ToString("x", CultureInfo.InvariantCulture)); break;
            case 1 when value != 0: text.Append('0').Append(Convert.ToString((long)value, 8)); break;
            case 2: text.Append("0b").Append(Convert.ToString((long)value, 2)); break;
            default: text.Append(value.ToString(CultureInfo.InvariantCulture)); break;
        }
        text.Append(Pick(["", "", "u", "U", "l", "L", "ul", "LU", "ll", "LL", "ull", "uLL", "llu"]));
        return text.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

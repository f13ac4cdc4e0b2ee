using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Kbuild;

public class TimeconstHeaderTests
{
    /// <summary>Every Debian flavour ships the timeconst.h kbuild made for its HZ (250): ours is the same, byte for byte.</summary>
    [Theory]
    [InlineData("6.1.0-56", "amd64")]
    [InlineData("6.1.0-56", "rt-amd64")]
    [InlineData("6.12.117+deb12", "cloud-amd64")]
    public void Equals_the_header_kbuild_made(string kernel, string flavour)
    {
        var shipped = File.ReadAllText(Path.Combine(KernelCache.FlavourTree(kernel, flavour), "include", "generated", "timeconst.h"));
        Assert.Contains("HZ == 250", shipped);
        Assert.Equal(shipped, TimeconstHeader.Write(250));
    }

    /// <summary>
    /// Other HZ values, checked by the definition of the constants: the
    /// multiplier is ceil(2^s * n / d), at least 2^31, with the least such shift.
    /// </summary>
    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(24)]
    public void Constants_follow_their_definition(long hz)
    {
        var text = TimeconstHeader.Write(hz);
        var values = text.Split('\n').Where(l => l.StartsWith("#define ", StringComparison.Ordinal) && l.Contains('\t'))
            .Select(l => l[8..].Split('\t', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1]);
        static System.Numerics.BigInteger Hex(string u64) =>
            System.Numerics.BigInteger.Parse("0" + u64["U64_C(0x".Length..^1], System.Globalization.NumberStyles.HexNumber);
        foreach (var (name, n, d) in new[] { ("HZ_TO_MSEC", 1000L, hz), ("MSEC_TO_HZ", hz, 1000L), ("HZ_TO_USEC", 1_000_000L, hz), ("USEC_TO_HZ", hz, 1_000_000L) })
        {
            var s = int.Parse(values[name + "_SHR32"], System.Globalization.CultureInfo.InvariantCulture);
            var mul = Hex(values[name + "_MUL32"]);
            var ceil = (System.Numerics.BigInteger.Pow(2, s) * n + d - 1) / d;
            Assert.Equal(ceil, mul);
            Assert.True(mul >= System.Numerics.BigInteger.Pow(2, 31));
            Assert.True(s == 0 || (System.Numerics.BigInteger.Pow(2, s - 1) * n + d - 1) / d < System.Numerics.BigInteger.Pow(2, 31));
        }
        Assert.Contains($"#if HZ != {hz}\n", text);
    }
}

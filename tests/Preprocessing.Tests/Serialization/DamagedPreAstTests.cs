using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Preprocessing.Tests.Serialization;

/// <summary>
/// A damaged Pre-AST file, however damaged, is a <see cref="PreAstFormatException"/>
/// with a one-line message: never another exception. Damage as it comes
/// (truncation, flipped bytes) is caught by the checksum; damage re-sealed
/// with a fresh checksum reaches the decoder, which must refuse it as cleanly
/// (or load it, when the edit happens to be well formed).
/// </summary>
public class DamagedPreAstTests
{
    private static readonly Lazy<byte[]> Kernel = new(() => PreAstFileFormatTests.Save(KernelPreAsts.Get("6.1.0-56", false).PreAst));
    private static readonly Lazy<byte[]> OddStored = new(() => PreAstFileFormatTests.Save(PreAstFileFormatTests.OddPreAst()));
    private static readonly Lazy<byte[]> OddDeflated = new(() => PreAstFileFormatTests.Save(PreAstFileFormatTests.OddPreAst(), compress: true));

    /// <summary>True when the bytes load, or fail with a one-line format error; any other exception fails the property.</summary>
    private static bool LoadsOrFailsCleanly(byte[] bytes, bool mustFail)
    {
        try
        {
            PreAstReader.Read(bytes, "damaged.preast");
            return !mustFail;
        }
        catch (PreAstFormatException e)
        {
            if (!e.Message.StartsWith("damaged.preast: ", StringComparison.Ordinal) || e.Message.Any(char.IsControl))
            {
                throw new InvalidOperationException("not a one-line message: " + e.Message.ReplaceLineEndings("\\n"));
            }
            return true;
        }
    }

    private static Gen<(int At, byte Value)[]> Flips(int length) =>
        from count in Gen.Choose(1, 6)
        from spots in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, length - 1), Gen.Choose(1, 255)), count)
        select spots.Select(s => (s.Item1, (byte)s.Item2)).ToArray();

    private static byte[] Flip(byte[] original, (int At, byte Value)[] flips)
    {
        var bytes = (byte[])original.Clone();
        foreach (var (at, value) in flips) bytes[at] ^= value;
        return bytes;
    }

    [Fact]
    public void Truncation_anywhere_fails_cleanly()
    {
        foreach (var file in new[] { Kernel.Value, OddStored.Value, OddDeflated.Value })
        {
            Prop.ForAll(Gen.Choose(0, file.Length - 1).ToArbitrary(), length => LoadsOrFailsCleanly(file[..length], mustFail: true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150));
        }
        // Every length of the small file, and every length of the kernel's near its ends.
        var odd = OddDeflated.Value;
        for (var length = 0; length < odd.Length; length++) Assert.True(LoadsOrFailsCleanly(odd[..length], mustFail: true), $"length {length}");
        var kernel = Kernel.Value;
        foreach (var length in Enumerable.Range(0, 200).Concat(Enumerable.Range(kernel.Length - 200, 200)))
        {
            Assert.True(LoadsOrFailsCleanly(kernel[..length], mustFail: true), $"length {length}");
        }
    }

    [Fact]
    public void Flipped_bytes_fail_cleanly()
    {
        foreach (var file in new[] { Kernel.Value, OddStored.Value, OddDeflated.Value })
        {
            Prop.ForAll(Flips(file.Length).ToArbitrary(), flips => LoadsOrFailsCleanly(Flip(file, flips), mustFail: true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150));
        }
    }

    /// <summary>Flips past the checksum, into sections stored plain (so they reach the table and tree decoders) and deflated.</summary>
    [Fact]
    public void Resealed_damage_fails_cleanly_or_loads()
    {
        foreach (var file in new[] { OddStored.Value, OddDeflated.Value })
        {
            var body = from flips in Flips(file.Length - 58) select flips.Select(f => (f.At + 58, f.Value)).ToArray();
            Prop.ForAll(body.ToArbitrary(), flips => LoadsOrFailsCleanly(PreAstFileFormatTests.Reseal(Flip(file, flips)), mustFail: false))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
            Prop.ForAll(Gen.Choose(58, file.Length - 1).ToArbitrary(),
                    length => LoadsOrFailsCleanly(PreAstFileFormatTests.Reseal(file[..length]), mustFail: true))
                .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
        }
    }
}

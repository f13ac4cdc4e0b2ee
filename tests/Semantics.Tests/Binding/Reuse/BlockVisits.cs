using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// The block-replay property's cases and run, shared by the properties that
/// draw their units from different declarations: versions of a unit visited
/// in random order through one <see cref="BindingReuse"/> with short runs,
/// each bind compared whole with a fresh one.
/// </summary>
internal static class BlockVisits
{
    /// <summary>Units of up to <paramref name="maxCount"/> declarations, their edited versions, the order they are visited in, and the run length.</summary>
    public static Gen<(List<List<string>> Versions, List<int> Visits, int RunLength)> Cases(Gen<string> declaration, Gen<LineEdit> edit, int maxCount) =>
        from count in Gen.Choose(0, maxCount)
        from unit in Gen.ListOf(declaration, count)
        from editCount in Gen.Choose(1, 5)
        from edits in Gen.ListOf(edit, editCount)
        from visitCount in Gen.Choose(2, 10)
        from visits in Gen.ListOf(Gen.Choose(0, editCount), visitCount)
        from runLength in Gen.Elements(2, 4, 8)
        select (LineEdit.Versions(unit.ToList(), edits), visits.ToList(), runLength);

    /// <summary>
    /// Runs the property over 400 cases; gives how many items were replayed in blocks and how many one by one (their block failed),
    /// and how many blocks replayed had their body made when first met (kept unmade by a bind that replayed most of its items in blocks).
    /// </summary>
    public static (int InBlocks, int OneByOne, int BodiesMade) Check(Gen<(List<List<string>> Versions, List<int> Visits, int RunLength)> cases, BinderOptions options)
    {
        var inBlocks = 0;
        var oneByOne = 0;
        var bodiesMade = 0;
        var property = Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var declarations = new ReusableDeclarations();
            var reuse = new BindingReuse { RunLength = testCase.RunLength };
            foreach (var visit in testCase.Visits)
            {
                BoundUnits.AssertReuseBindsAsFresh(testCase.Versions[visit], cache, declarations, reuse, options);
                inBlocks += reuse.LastBind.InBlocks;
                oneByOne += reuse.LastBind.Replayed - reuse.LastBind.InBlocks;
                bodiesMade += reuse.LastBind.BodiesMade;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
        return (inBlocks, oneByOne, bodiesMade);
    }
}

using System.Globalization;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>The same probes answered by the engine's public queries (SizeOf, AlignOf, Locate, ScalarOf); a problem is reported as the fact's value so it shows in the diff.</summary>
public static class EngineProbe
{
    public static IReadOnlyDictionary<string, string> Measure(LayoutEngine engine, IReadOnlyList<Probe> probes)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            switch (probe)
            {
                case TypeProbe t:
                    if (t.Complete) facts[t.Label + "|size"] = Show(engine.SizeOf(t.Type));
                    facts[t.Label + "|align"] = Show(engine.AlignOf(t.Type));
                    break;
                case KindProbe k:
                    facts[k.Label + "|kind"] = engine.ScalarOf(k.Type) is { IsOk: true } kind
                        ? engine.Target.Scalar(kind.Value).DwarfName
                        : "problem: " + engine.ScalarOf(k.Type).Problem;
                    break;
                case MemberProbe m:
                {
                    var location = engine.Locate(m.Type, m.Designator);
                    facts[m.Label + "|off"] = Show(engine.OffsetOf(m.Type, m.Designator));
                    if (!location.TryGet(out var l))
                    {
                        if (m.Complete) facts[m.Label + "|msize"] = "problem: " + location.Problem;
                        facts[m.Label + "|malign"] = "problem: " + location.Problem;
                        break;
                    }
                    if (m.Complete) facts[m.Label + "|msize"] = Show(engine.SizeOf(l.Type));
                    facts[m.Label + "|malign"] = (l.AlignmentBits / 8).ToString(CultureInfo.InvariantCulture);
                    break;
                }
                case BitFieldProbe b:
                {
                    var location = engine.Locate(b.Type, b.Designator);
                    facts[b.Label + "|bit"] = location.TryGet(out var l)
                        ? l.BitOffset.ToString(CultureInfo.InvariantCulture) + ":" + l.BitWidth?.ToString(CultureInfo.InvariantCulture)
                        : "problem: " + location.Problem;
                    break;
                }
            }
        }
        return facts;
    }

    private static string Show(LayoutResult<long> result) =>
        result.TryGet(out var value) ? value.ToString(CultureInfo.InvariantCulture) : "problem: " + result.Problem;
}

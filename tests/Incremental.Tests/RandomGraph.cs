using FsCheck;
using FsCheck.Fluent;

namespace LayoutExpert.Incremental.Tests;

/// <summary>How a random derived node combines the nodes it reads.</summary>
internal enum NodeKind
{
    /// <summary>Sum modulo 2..4: often unchanged, so early cutoff matters.</summary>
    SumModulo,

    /// <summary>A mixing hash: changes with almost any input.</summary>
    Hash,

    /// <summary>Minimum clamped to a threshold: often unchanged.</summary>
    ClampedMinimum,

    /// <summary>Reads the first source, then the second or third depending on its parity.</summary>
    Conditional,

    /// <summary>Index of the first source above a threshold; stops reading there.</summary>
    FirstAbove,
}

/// <summary>A derived node. Sources are node numbers: inputs first, then earlier derived nodes.</summary>
internal sealed record NodeSpec(NodeKind Kind, int[] Sources, int Parameter)
{
    /// <summary>
    /// The node's meaning, reading sources only through <paramref name="read"/> and only the
    /// ones it needs, so the set and order of reads varies with the values.
    /// </summary>
    public int Evaluate(Func<int, int> read)
    {
        switch (Kind)
        {
            case NodeKind.SumModulo:
            {
                var sum = 0;
                foreach (var source in Sources) sum += read(source);
                return sum % (Parameter + 2);
            }
            case NodeKind.Hash:
            {
                var hash = 17;
                foreach (var source in Sources) hash = unchecked(hash * 31 + read(source)) & 0xFFFF;
                return hash;
            }
            case NodeKind.ClampedMinimum:
            {
                var minimum = int.MaxValue;
                foreach (var source in Sources) minimum = Math.Min(minimum, read(source));
                return Math.Min(minimum, Parameter);
            }
            case NodeKind.Conditional:
            {
                var chosen = read(Sources[0]) % 2 == 0 ? Sources[1 % Sources.Length] : Sources[2 % Sources.Length];
                return read(chosen) + Parameter;
            }
            case NodeKind.FirstAbove:
            {
                for (var i = 0; i < Sources.Length; i++)
                {
                    if (read(Sources[i]) > Parameter) return i;
                }
                return -1;
            }
            default:
                throw new InvalidOperationException(Kind.ToString());
        }
    }

    public override string ToString() => $"{Kind}({string.Join(",", Sources)}; {Parameter})";
}

/// <summary>One change: set an input, then fetch some derived nodes in the given order, then maybe sweep.</summary>
internal sealed record Step(int Input, int Value, Durability Durability, int[] Fetch, bool Sweep)
{
    public override string ToString() =>
        $"in{Input}={Value}/{Durability} fetch[{string.Join(",", Fetch)}]{(Sweep ? " sweep" : "")}";
}

/// <summary>An acyclic graph of inputs and derived nodes, its initial input values, and a history of changes.</summary>
internal sealed record Scenario(int InputCount, NodeSpec[] Nodes, int[] InitialValues, Durability[] InitialDurabilities, Step[] Steps)
{
    /// <summary>Plain evaluation of every node (inputs first, then derived) from the input values: the oracle.</summary>
    public int[] EvaluateFromScratch(int[] inputValues)
    {
        var values = new int[InputCount + Nodes.Length];
        inputValues.CopyTo(values, 0);
        for (var j = 0; j < Nodes.Length; j++) values[InputCount + j] = Nodes[j].Evaluate(source => values[source]);
        return values;
    }

    /// <summary>The nodes derived node <paramref name="j"/> reads given all node values, in first-read order, each once.</summary>
    public List<int> ReadsOf(int j, int[] values)
    {
        var reads = new List<int>();
        Nodes[j].Evaluate(source =>
        {
            if (!reads.Contains(source)) reads.Add(source);
            return values[source];
        });
        return reads;
    }

    public override string ToString() =>
        $"inputs {InputCount} = [{string.Join(",", InitialValues.Zip(InitialDurabilities, (v, d) => $"{v}/{d}"))}]" + Environment.NewLine +
        string.Join(Environment.NewLine, Nodes.Select((node, j) => $"  d{j} (node {InputCount + j}) = {node}")) + Environment.NewLine +
        string.Join(Environment.NewLine, Steps.Select(step => "  " + step));

    public static Gen<Scenario> Generator { get; } =
        from inputCount in Gen.Choose(1, 5)
        from derivedCount in Gen.Choose(1, 12)
        from nodes in Gen.CollectToArray(Enumerable.Range(inputCount, derivedCount), NodeGenerator)
        from initialValues in Gen.ArrayOf(ValueGenerator, inputCount)
        from initialDurabilities in Gen.ArrayOf(DurabilityGenerator, inputCount)
        from steps in Gen.Choose(1, 15).SelectMany(count => Gen.ArrayOf(StepGenerator(inputCount, derivedCount), count))
        select new Scenario(inputCount, nodes, initialValues, initialDurabilities, steps);

    private static Gen<int> ValueGenerator => Gen.Choose(0, 3);

    private static Gen<Durability> DurabilityGenerator =>
        Gen.Elements(Durability.Low, Durability.Low, Durability.Medium, Durability.High);

    /// <summary>A node numbered <paramref name="number"/> reads 1..4 of the nodes numbered below it.</summary>
    private static Gen<NodeSpec> NodeGenerator(int number) =>
        from kind in Gen.Elements(Enum.GetValues<NodeKind>())
        from sources in Gen.Choose(1, Math.Min(4, number)).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, number - 1), count))
        from parameter in Gen.Choose(0, 3)
        select new NodeSpec(kind, sources, parameter);

    private static Gen<Step> StepGenerator(int inputCount, int derivedCount) =>
        from input in Gen.Choose(0, inputCount - 1)
        from value in ValueGenerator
        from durability in DurabilityGenerator
        from fetch in Gen.Frequency<int[]>(
            (1, Gen.Shuffle(Enumerable.Range(0, derivedCount))),
            (1, Gen.SubListOf(Enumerable.Range(0, derivedCount)).SelectMany(subset => Gen.Shuffle(subset.ToArray()))))
        from sweep in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select new Step(input, value, durability, fetch, sweep);
}

using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>Something a <see cref="LayoutMemory"/> keeps, with the last run that used it (for trimming).</summary>
internal abstract class Remembered
{
    public int LastUsed { get; set; }
}

/// <summary>
/// A record's layout with what it was computed from: the definition and the
/// facts of its members' types, in the order <see cref="FieldChecks"/> asked
/// for them (it stops at the first member with a problem). Also the models
/// made from this very layout, each with what mapping read.
/// </summary>
internal sealed class RememberedRecord(RecordDefinition definition, LayoutResult<TypeFacts>[] memberFacts, LayoutResult<RecordShape> result) : Remembered
{
    private const int ModelsKept = 3;

    private readonly List<RememberedModel> models = [];

    public RecordDefinition Definition { get; } = definition;

    public LayoutResult<RecordShape> Result { get; } = result;

    public IReadOnlyList<RememberedModel> Models => models;

    /// <summary>
    /// The same definition (structurally: ids, fields, types, attributes) and
    /// the same facts for each member type now. Facts are asked in the order a
    /// layout asks them, so nested records are laid out (or taken from memory)
    /// as a fresh layout would.
    /// </summary>
    public bool Matches(RecordDefinition definition, TypeMeasurer measurer)
    {
        if (!ReferenceEquals(definition, Definition) && !definition.Equals(Definition)) return false;
        var fields = definition.Fields;
        for (var i = 0; i < memberFacts.Length; i++)
        {
            if (!measurer.Facts(fields[i].Type).Equals(memberFacts[i])) return false;
        }
        return true;
    }

    public void AddModel(RememberedModel model)
    {
        models.Insert(0, model);
        if (models.Count > ModelsKept) models.RemoveAt(models.Count - 1);
    }

    public void Promote(int index)
    {
        if (index == 0) return;
        var model = models[index];
        models.RemoveAt(index);
        models.Insert(0, model);
    }
}

/// <summary>A record's model and the reads mapping made for it, in order (see <see cref="MappingRead"/>).</summary>
internal sealed record RememberedModel(LayoutResult<RecordLayout> Result, MappingRead[] Reads);

/// <summary>An enum's layout and model: both are functions of its definition (and the target and options of the memory).</summary>
internal sealed class RememberedEnum(EnumDefinition definition, EnumShape shape) : Remembered
{
    public EnumDefinition Definition { get; } = definition;

    public EnumShape Shape { get; } = shape;

    public LayoutResult<EnumLayout>? Model { get; set; }
}

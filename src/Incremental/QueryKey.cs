using System.Globalization;

namespace LayoutExpert.Incremental;

/// <summary>
/// Names one input or one memo: a query together with one of its keys. Used where the engine
/// talks about dependencies from outside (dependency lists, cycles, errors), so the key is boxed.
/// </summary>
/// <param name="Query">The input or derived query.</param>
/// <param name="Key">The key, as passed to <c>Get</c>/<c>Set</c>.</param>
public readonly record struct QueryKey(Query Query, object Key)
{
    /// <summary>The query's name, e.g. <c>config-option</c>.</summary>
    public string QueryName => Query.Name;

    /// <summary>Renders as <c>name("key")</c> for string keys and <c>name(key)</c> otherwise.</summary>
    public override string ToString() => Key switch
    {
        string text => $"{Query.Name}(\"{text}\")",
        IFormattable formattable => $"{Query.Name}({formattable.ToString(null, CultureInfo.InvariantCulture)})",
        _ => $"{Query.Name}({Key})",
    };
}

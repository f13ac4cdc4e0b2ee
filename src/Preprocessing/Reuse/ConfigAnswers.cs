using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// The #define each CONFIG_ name was last answered with, with the entries it
/// was made from: a run under another config still asks the config for every
/// option it reads (the query engine records each as a dependency), but when
/// the entries are equal and the rules the same it takes the kept definition
/// instead of writing and parsing the #define again (a flip re-answers the
/// ~900 options its checks read).
/// </summary>
internal sealed class ConfigAnswers
{
    private struct Answer
    {
        public bool Known;
        public object? Rules;
        public ConfigValue? Value;
        public ConfigValue? ModuleValue;
        public MacroDefinition? Definition;
    }

    private Answer[] _answers = [];

    /// <summary>The kept answer for option number <paramref name="option"/> (see <see cref="MacroNames.OptionIndex"/>) when it was made from equal entries under the same rules.</summary>
    public bool TryGet(int option, object rules, ConfigEntry? entry, ConfigEntry? module, out MacroDefinition? definition)
    {
        definition = null;
        if ((uint)option >= (uint)_answers.Length) return false;
        ref var answer = ref _answers[option];
        if (!answer.Known || !ReferenceEquals(answer.Rules, rules) || !Equals(answer.Value, entry?.Value) || !Equals(answer.ModuleValue, module?.Value)) return false;
        definition = answer.Definition;
        return true;
    }

    public void Keep(int option, object rules, ConfigEntry? entry, ConfigEntry? module, MacroDefinition? definition)
    {
        if (option >= _answers.Length) Array.Resize(ref _answers, Math.Max(option + 1, _answers.Length * 2));
        _answers[option] = new Answer { Known = true, Rules = rules, Value = entry?.Value, ModuleValue = module?.Value, Definition = definition };
    }
}

namespace LayoutExpert.Preprocessing.Config;

/// <summary>One set symbol of a .config: its name without CONFIG_, its value, and the (1-based) line that set it.</summary>
public sealed record ConfigEntry(string Name, ConfigValue Value, int Line)
{
    public ConfigValueKind Kind => Value.Kind;
}

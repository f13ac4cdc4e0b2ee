using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>
/// <see cref="ProfileDatabase.SetConfig"/> compares a config made from the
/// last one entry by entry and sets only the options that differ. Over random
/// sequences of configs, each made from the one before by setting, adding or
/// removing options (one or several at once, near each other or not), or read
/// afresh from the file (no entry shared), every option's input holds what the
/// config says after each call: its value, or null for one it does not set.
/// </summary>
public class SetConfigProperty
{
    private const string Kernel = "6.1.0-56";

    [Fact]
    public void Every_option_input_holds_the_current_config_after_each_set()
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var names = amd64.Entries.Select(e => e.Name).ToArray();
        var values = new[] { new ConfigValue(ConfigValueKind.Yes, "y"), new ConfigValue(ConfigValueKind.Module, "m"), new ConfigValue(ConfigValueKind.Decimal, "64") };
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var database = new ProfileDatabase(preAst);
            var config = amd64;
            var touched = new HashSet<string>(StringComparer.Ordinal) { "LAYOUT_EXPERT_NEW_0", "LAYOUT_EXPERT_NEW_1" };
            for (var step = 0; step < 12; step++)
            {
                var edits = random.Next(4) == 0 ? 1 + random.Next(4) : 1;
                for (var e = 0; e < edits; e++)
                {
                    switch (random.Next(6))
                    {
                        case 0:
                            // Read afresh: equal entries, none the same object.
                            config = new KernelConfig(config.Path, config.Title, [.. config.Entries.Select(x => new ConfigEntry(new string(x.Name), x.Value with { }, x.Line))]);
                            break;
                        case 1:
                        {
                            var name = "LAYOUT_EXPERT_NEW_" + random.Next(2);
                            config = config.With(name, config.IsSet(name) ? null : values[random.Next(values.Length)]);
                            break;
                        }
                        case 2:
                        {
                            var name = names[random.Next(names.Length)];
                            touched.Add(name);
                            config = config.With(name, null);
                            break;
                        }
                        default:
                        {
                            var name = names[random.Next(names.Length)];
                            touched.Add(name);
                            config = config.With(name, values[random.Next(values.Length)]);
                            break;
                        }
                    }
                }
                database.SetConfig(config);
                foreach (var name in touched)
                {
                    var expected = config[name]?.Value;
                    var actual = database.Database.Get(ProfileInputs.ConfigOption, name);
                    if (!Equals(expected, actual)) throw new InvalidOperationException($"seed {seed}, step {step}: CONFIG_{name} is {actual?.Text ?? "unset"}, the config says {expected?.Text ?? "unset"}");
                }
                Assert.Equal(config.Count, names.Concat(touched).Distinct().Count(n => database.Database.Get(ProfileInputs.ConfigOption, n) is not null));
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }
}

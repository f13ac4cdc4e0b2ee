using System.Collections.Immutable;
using System.CommandLine;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Input;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Driver.Commands;

/// <summary>
/// layout FILE.c [--type NAME ...] [--json]: the layouts gcc would give the
/// types of one C file on x86-64, printed as pahole prints them (offsets,
/// sizes, holes, bit-fields, padding) or as the layout set's JSON. The file
/// must need no preprocessing (gcc -E output is fine: its line markers map
/// diagnostics back to the headers, and #pragma pack is honoured); other
/// directives are reported, as are errors in the C, with exit code 1.
/// </summary>
public static class LayoutCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A C file without preprocessor directives (gcc -E output is fine)." };
        var types = new Option<string[]>("--type")
        {
            Description = "Print only this type: 'struct NAME', 'union NAME', 'enum NAME', or a typedef or tag name (repeatable).",
        };
        var json = new Option<bool>("--json") { Description = "Print the layouts as JSON." };
        var command = new Command("layout", "Lay out the types of a C file as gcc does on x86-64.") { file, types, json };
        command.SetAction(result => Run(result.GetRequiredValue(file), result.GetValue(types) ?? [], result.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, IReadOnlyList<string> types, bool json, TextWriter output, TextWriter errors)
    {
        var path = file.FullName;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"layout-expert: error: {path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return ExitCodes.InputError;
        }
        var cache = new GreenNodeCache();
        var tokens = Lexer.LexAll(text, cache);

        var directives = PreprocessedSource.FindDirectives(tokens);
        if (directives.Count > 0)
        {
            var source = new SourceText(text, path);
            foreach (var directive in directives.Take(10))
            {
                errors.WriteLine($"{source.GetLocation(directive.Offset)}: error: #{directive.Name} needs the preprocessor, which 'layout' does not run: "
                    + "give it gcc -E output (line markers and #pragma are read)");
            }
            return ExitCodes.InputError;
        }

        var stripped = PreprocessedSource.StripLineMarkers(tokens, path);
        var parsed = CParser.ParseTranslationUnit(stripped.Tokens, cache);
        var tree = parsed.ToSyntaxTree(path);
        LayoutEngine? engine = null;
        var unit = Binder.Bind(CSyntax.Root(tree)!, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions));
        var diagnostics = tree.GetDiagnostics().Concat(unit.Diagnostics).ToList();
        foreach (var diagnostic in diagnostics.Where(d => d.IsError).Take(50).Concat(diagnostics.Where(d => !d.IsError).Take(20)))
        {
            errors.WriteLine(Mapped(diagnostic, stripped.Lines, tree.Text));
        }
        if (diagnostics.Any(d => d.IsError)) return ExitCodes.InputError;

        var result = LayoutSetBuilder.Build(engine!, TypeSelection.All(unit));
        var all = result.Set;
        var set = all;
        var status = ExitCodes.Success;
        if (types.Count > 0)
        {
            var selected = Select(set, types, out var unknown);
            foreach (var name in unknown) errors.WriteLine($"layout-expert: error: no type named '{name}' in {path}");
            if (unknown.Count > 0) return ExitCodes.InputError;
            set = selected;
        }
        foreach (var issue in result.Issues.Where(i => types.Count == 0 || Mentions(set, i)))
        {
            errors.WriteLine($"layout-expert: error: {issue.Subject}: {issue.Problem.Message}");
            status = ExitCodes.InputError;
        }
        output.Write(json ? LayoutSetJson.Write(set) + "\n" : Text(set, all, X86_64SysV.Instance.PointerSizeBytes));
        return status;
    }

    private static string Mapped(Diagnostic diagnostic, LineMap lines, SourceText text) =>
        diagnostic.Location is { } location ? (diagnostic with { Location = lines.Map(location, text) }).ToString() : diagnostic.ToString();

    private static bool Mentions(LayoutSet set, LayoutIssue issue) =>
        set.Records.Keys.Concat(set.Enums.Keys).Concat(set.Typedefs.Keys).Any(name => issue.Subject.EndsWith(" " + name, StringComparison.Ordinal) || issue.Subject == name);

    /// <summary>The requested entries, each typedef with the record or enum it names.</summary>
    private static LayoutSet Select(LayoutSet set, IReadOnlyList<string> names, out List<string> unknown)
    {
        var records = ImmutableSortedDictionary.CreateBuilder<string, RecordLayout>(StringComparer.Ordinal);
        var enums = ImmutableSortedDictionary.CreateBuilder<string, EnumLayout>(StringComparer.Ordinal);
        var typedefs = ImmutableSortedDictionary.CreateBuilder<string, TypedefLayout>(StringComparer.Ordinal);
        unknown = [];
        foreach (var raw in names)
        {
            var name = raw.Trim();
            var found = false;
            void AddTarget(TypeRef target)
            {
                while (target is TypedefTypeRef inner && set.Typedefs.TryGetValue(inner.Name, out var next))
                {
                    typedefs[next.Name] = next;
                    target = next.Target;
                }
                if (target is RecordTypeRef r && set.Records.TryGetValue(r.Name, out var record)) records[r.Name] = record;
                if (target is EnumTypeRef e && set.Enums.TryGetValue(e.Name, out var @enum)) enums[e.Name] = @enum;
            }
            if (name.StartsWith("struct ", StringComparison.Ordinal) || name.StartsWith("union ", StringComparison.Ordinal))
            {
                var kind = name.StartsWith("struct ", StringComparison.Ordinal) ? RecordKind.Struct : RecordKind.Union;
                var tag = name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
                if (set.Records.TryGetValue(tag, out var record) && record.Kind == kind)
                {
                    records[tag] = record;
                    found = true;
                }
            }
            else if (name.StartsWith("enum ", StringComparison.Ordinal))
            {
                var tag = name[5..].Trim();
                if (set.Enums.TryGetValue(tag, out var @enum))
                {
                    enums[tag] = @enum;
                    found = true;
                }
            }
            else
            {
                if (set.Typedefs.TryGetValue(name, out var typedef))
                {
                    typedefs[name] = typedef;
                    AddTarget(typedef.Target);
                    found = true;
                }
                if (set.Records.TryGetValue(name, out var record))
                {
                    records[name] = record;
                    found = true;
                }
                if (set.Enums.TryGetValue(name, out var @enum))
                {
                    enums[name] = @enum;
                    found = true;
                }
            }
            if (!found) unknown.Add(name);
        }
        return set with { Records = records.ToImmutable(), Enums = enums.ToImmutable(), Typedefs = typedefs.ToImmutable() };
    }

    /// <summary>The selected entries as pahole text; member sizes come from the whole set.</summary>
    private static string Text(LayoutSet set, LayoutSet all, long pointerSize)
    {
        var printer = new PaholeText(all, (int)pointerSize);
        var text = new System.Text.StringBuilder();
        foreach (var typedef in set.Typedefs.Values) text.Append(printer.Typedef(typedef));
        if (set.Typedefs.Count > 0) text.Append('\n');
        foreach (var record in set.Records.Values.OrderBy(r => r.IsAnonymous).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            text.Append(printer.Record(record)).Append('\n');
        }
        foreach (var @enum in set.Enums.Values.OrderBy(e => e.IsAnonymous).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append(printer.Enum(@enum)).Append('\n');
        }
        return text.ToString();
    }
}

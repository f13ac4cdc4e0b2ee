using System.Collections.Immutable;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Driver.Explain;

/// <summary>
/// Finds the config options behind a type's layout. From the type's definition
/// in the parse tree it takes the tokens, and from each token's origin chain
/// every source position that made it (the text itself, and each macro
/// definition it came through). The conditionals that matter are those inside
/// the definition's text (they choose members) and those enclosing any of those
/// positions (they chose the text and the macro definitions). Each names the
/// options it read, as the preprocessing run recorded them (every macro the
/// table was asked for while deciding it, through expansions: `#if
/// USE_SPLIT_PTE_PTLOCKS` reads CONFIG_NR_CPUS); a conditional the run did not
/// evaluate (inside a skipped group) names the identifiers it spells.
/// </summary>
public sealed class OptionAttribution
{
    private readonly Preprocessing.PreAst.PreAst _preAst;
    private readonly CompiledUnit _unit;
    private readonly KernelConfig _config;
    private readonly Dictionary<(int File, int Offset), IReadOnlyCollection<string>> _recordedReads = [];
    private readonly DeclarationIndex _declarations;
    private readonly TokenPositions _positions;
    private readonly Dictionary<int, ConditionalStructure> _structures = [];

    public OptionAttribution(Preprocessing.PreAst.PreAst preAst, CompiledUnit unit, KernelConfig config)
    {
        _preAst = preAst;
        _unit = unit;
        _config = config;
        // What each conditional read while the run decided it (through macro expansion too), by the position of its '#'.
        foreach (var record in unit.Preprocessed.Conditions) _recordedReads[(record.File, record.Offset)] = record.MacrosRead;
        _declarations = new DeclarationIndex(unit.Tree.Root.Green);
        _positions = new TokenPositions(unit.Preprocessed.Tokens);
    }

    /// <summary>"task_struct", "struct task_struct", "spinlock_t", or "task_struct.comm" (a member's offset).</summary>
    public Explanation Explain(string subject)
    {
        var dot = subject.IndexOf('.');
        var typeName = (dot < 0 ? subject : subject[..dot]).Trim();
        var member = dot < 0 ? null : subject[(dot + 1)..].Trim();
        var key = ResolveKey(typeName);
        if (key is null) return new Explanation(subject, null, member, [], [], $"no struct, union, enum or typedef named '{typeName}' is defined in this unit");
        var definition = _declarations.Find(key)!;
        if (member is not null && !definition.MemberEnds.ContainsKey(member))
        {
            return new Explanation(subject, key, member, [], [], $"{key} has no member '{member}'");
        }
        var run = new Run(this);
        run.Visit(key, member);
        var options = run.Options
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new OptionInfluence("CONFIG_" + p.Key, ValueOf(p.Key), [.. p.Value.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line)]))
            .ToImmutableArray();
        return new Explanation(subject, key, member, options, [.. run.Followed], null);
    }

    private string? ResolveKey(string name)
    {
        if (name.StartsWith("struct ", StringComparison.Ordinal) || name.StartsWith("union ", StringComparison.Ordinal)
            || name.StartsWith("enum ", StringComparison.Ordinal) || name.StartsWith("typedef ", StringComparison.Ordinal))
        {
            return _declarations.Find(name) is null ? null : name;
        }
        return new[] { "struct ", "union ", "typedef ", "enum " }.Select(k => k + name).FirstOrDefault(k => _declarations.Find(k) is not null);
    }

    private string ValueOf(string option) => _config[option]?.Value.Text ?? "is not set";

    private ConditionalStructure? StructureOf(int file)
    {
        if (file < 0 || file >= _preAst.Files.Length) return null;
        if (!_structures.TryGetValue(file, out var structure)) _structures[file] = structure = new ConditionalStructure(_preAst.Files[file]);
        return structure;
    }

    /// <summary>The option a macro name stands for: CONFIG_FOO and CONFIG_FOO_MODULE both stand for FOO.</summary>
    private string? OptionOf(string macro)
    {
        if (!macro.StartsWith("CONFIG_", StringComparison.Ordinal)) return null;
        var name = macro["CONFIG_".Length..];
        if (name.EndsWith("_MODULE", StringComparison.Ordinal) && !_config.IsSet(name)) name = name[..^"_MODULE".Length];
        return name.Length == 0 ? null : name;
    }

    /// <summary>One explanation's walk: the types visited and the options found with their sites.</summary>
    private sealed class Run(OptionAttribution owner)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly HashSet<(int, int)> _directivesSeen = [];

        public Dictionary<string, HashSet<ConditionSite>> Options { get; } = new(StringComparer.Ordinal);

        public List<string> Followed { get; } = [];

        public void Visit(string key, string? member)
        {
            if (!_visited.Add(key + "." + member)) return;
            var definition = owner._declarations.Find(key);
            if (definition is null) return;
            Followed.Add(member is null ? key : key + "." + member);
            var end = member is not null && definition.MemberEnds.TryGetValue(member, out var memberEnd) ? memberEnd : definition.End;
            VisitText(definition.Start, end);
            FollowMembers(key, member);
        }

        private void VisitText(int start, int end)
        {
            var (first, last) = owner._positions.Range(start, end);
            var tokens = owner._unit.Preprocessed.Tokens;
            var origins = owner._unit.Preprocessed.Origins;
            var spans = new Dictionary<int, (int Min, int Max)>();
            var sites = new HashSet<(int File, int Offset)>();
            for (var i = first; i < last; i++)
            {
                var outermost = default(Preprocessing.Expansion.TokenOrigin);
                var any = false;
                foreach (var origin in origins.Chain(tokens[i].Origin))
                {
                    outermost = origin;
                    any = true;
                    if (origin.File >= 0) sites.Add((origin.File, origin.Offset));
                    if (origin.Macro is { } macro && owner.OptionOf(macro) is { } option)
                    {
                        Add(option, new ConditionSite("", 0, $"{macro} expanded in the definition"));
                    }
                }
                if (any && outermost.File >= 0)
                {
                    spans[outermost.File] = spans.TryGetValue(outermost.File, out var span)
                        ? (Math.Min(span.Min, outermost.Offset), Math.Max(span.Max, outermost.Offset))
                        : (outermost.Offset, outermost.Offset);
                }
            }
            // Conditionals inside the definition's own text choose its members.
            foreach (var (file, (min, max)) in spans)
            {
                if (owner.StructureOf(file) is not { } structure) continue;
                foreach (var group in structure.Within(min, max + 1)) AddDirective(structure, group);
            }
            // Conditionals around any text the tokens came from chose that text (a member line, a macro's definition).
            foreach (var (file, offset) in sites)
            {
                if (owner.StructureOf(file) is not { } structure) continue;
                foreach (var groups in structure.Enclosing(offset))
                {
                    foreach (var group in groups) AddDirective(structure, group);
                }
            }
        }

        private void AddDirective(ConditionalStructure structure, ConditionalStructure.Group group)
        {
            if (!_directivesSeen.Add((structure.File.Id, group.Position))) return;
            var hash = group.Position + (group.Directive.GetSlot(0) is GreenToken token ? token.LeadingWidth : 0);
            // A conditional the run never evaluated (inside a skipped group) still selects text when the config changes: its spelled names.
            var reads = owner._recordedReads.GetValueOrDefault((structure.File.Id, hash)) ?? SpelledNames(group.Directive);
            ConditionSite? site = null;
            foreach (var name in reads)
            {
                if (owner.OptionOf(name) is not { } option) continue;
                site ??= SiteOf(structure, group);
                Add(option, site);
            }
        }

        private static ConditionSite SiteOf(ConditionalStructure structure, ConditionalStructure.Group group)
        {
            var hash = group.Directive.GetSlot(0) is GreenToken token ? token.LeadingWidth : 0;
            var line = structure.File.Tree.Text.GetLocation(group.Position + hash).Line;
            var text = string.Join(' ', group.Directive.ToFullString().Split(['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w != "\\"));
            return new ConditionSite(structure.File.Path, line, text.Length > 160 ? text[..160] + " ..." : text);
        }

        private static List<string> SpelledNames(GreenNode directive)
        {
            var names = new List<string>();
            void Walk(GreenNode? node)
            {
                if (node is null) return;
                if (node is GreenToken { Kind: SyntaxKind.IdentifierToken } token) names.Add(SyntaxFacts.ValueText(token.Text));
                else if (!node.IsToken) for (var i = 0; i < node.SlotCount; i++) Walk(node.GetSlot(i));
            }
            for (var i = 2; i < directive.SlotCount; i++) Walk(directive.GetSlot(i));
            return names;
        }

        private void Add(string option, ConditionSite site)
        {
            if (!Options.TryGetValue(option, out var set)) Options[option] = set = [];
            set.Add(site);
        }

        /// <summary>Members held by value decide the layout through their own layouts; up to the member asked about.</summary>
        private void FollowMembers(string key, string? member)
        {
            var table = owner._unit.Bound.Types;
            if (key.StartsWith("typedef ", StringComparison.Ordinal))
            {
                if (table.Typedefs.TryGetValue(key["typedef ".Length..], out var typedef)) FollowByValue(typedef.Target);
                return;
            }
            var space = key.IndexOf(' ');
            var tag = key[(space + 1)..];
            var kind = key[..space] switch { "struct" => AggregateKind.Struct, "union" => AggregateKind.Union, _ => (AggregateKind?)null };
            if (kind is null || table.FindRecord(new RecordId(kind.Value, tag)) is not { } record) return;
            FollowFields(table, record, member);
        }

        private void FollowFields(TypeTable table, RecordDefinition record, string? member)
        {
            foreach (var field in record.Fields)
            {
                FollowByValue(field.Type);
                if (member is not null && (field.Name == member || (field.Name is null && Contains(table, field.Type, member)))) return;
            }
        }

        private static bool Contains(TypeTable table, CType type, string member) =>
            type is RecordType { Id.IsAnonymous: true } r && table.FindRecord(r.Id) is { } nested
            && nested.Fields.Any(f => f.Name == member || (f.Name is null && Contains(table, f.Type, member)));

        private void FollowByValue(CType type)
        {
            var table = owner._unit.Bound.Types;
            switch (type)
            {
                case TypedefType t:
                    Visit("typedef " + t.Name, null);
                    break;
                case ArrayType a:
                    FollowByValue(a.Element);
                    break;
                case QualifiedType q:
                    FollowByValue(q.Unqualified);
                    break;
                case VectorType v:
                    FollowByValue(v.Element);
                    break;
                case ModeType m:
                    FollowByValue(m.Base);
                    break;
                case RecordType { Id.IsAnonymous: false } r:
                    Visit((r.Id.Kind == AggregateKind.Struct ? "struct " : "union ") + r.Id.Tag, null);
                    break;
                case RecordType r when table.FindRecord(r.Id) is { } nested:
                    // An anonymous record's text is inside the definition that holds it; its members still lead on.
                    FollowFields(table, nested, null);
                    break;
                case EnumType { Id.IsAnonymous: false } e:
                    Visit("enum " + e.Id.Tag, null);
                    break;
            }
        }
    }
}

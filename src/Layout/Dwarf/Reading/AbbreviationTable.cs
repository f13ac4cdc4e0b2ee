namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// The abbreviations of one unit, by code. gcc numbers them 1..n, so a dense
/// array serves lookups; sparse or huge codes fall back to a dictionary.
/// </summary>
internal sealed class AbbreviationTable
{
    private readonly Abbreviation?[] _dense;
    private readonly Dictionary<ulong, Abbreviation>? _sparse;
    private (int Version, int AddressSize, int OffsetSize) _sizedFor;

    private AbbreviationTable(Abbreviation?[] dense, Dictionary<ulong, Abbreviation>? sparse)
    {
        _dense = dense;
        _sparse = sparse;
    }

    public Abbreviation? Find(ulong code)
    {
        if (code < (ulong)_dense.Length) return _dense[code];
        return _sparse is not null && _sparse.TryGetValue(code, out var a) ? a : null;
    }

    /// <summary>Parses the table starting at <paramref name="offset"/> up to its terminating 0 code.</summary>
    public static AbbreviationTable Parse(DebugSection section, long offset)
    {
        var r = new SpanReader(section.Span, section.Name);
        r.Seek(offset);
        var list = new List<Abbreviation>();
        var specs = new List<AttributeSpec>();
        ulong maxCode = 0;
        while (true)
        {
            var at = r.Position;
            var code = r.Uleb();
            if (code == 0) break;
            var tag = r.Uleb();
            if (tag > ushort.MaxValue) throw r.Error(at, $"tag 0x{tag:x} out of range");
            var children = r.U8();
            if (children > 1) throw r.Error(at, $"bad DW_CHILDREN value {children}");
            specs.Clear();
            while (true)
            {
                var attribute = r.Uleb();
                var form = r.Uleb();
                if (attribute == 0 && form == 0) break;
                if (attribute > ushort.MaxValue || form > ushort.MaxValue) throw r.Error(at, $"attribute 0x{attribute:x} or form 0x{form:x} out of range");
                var implicitConst = form == DwForm.ImplicitConst ? r.Sleb() : 0;
                specs.Add(new AttributeSpec((ushort)attribute, (ushort)form, implicitConst));
            }
            list.Add(new Abbreviation(code, (ushort)tag, children == 1, [.. specs]));
            maxCode = Math.Max(maxCode, code);
        }

        var denseLimit = (ulong)list.Count * 2 + 64;
        var dense = new Abbreviation?[Math.Min(maxCode, denseLimit) + 1];
        Dictionary<ulong, Abbreviation>? sparse = null;
        foreach (var a in list)
        {
            if (a.Code < (ulong)dense.Length) dense[a.Code] ??= a;
            else (sparse ??= []).TryAdd(a.Code, a);
        }
        return new AbbreviationTable(dense, sparse);
    }

    /// <summary>Computes <see cref="Abbreviation.FixedSize"/> for a unit's address and offset sizes (once per distinct shape).</summary>
    public void SizeFor(int version, int addressSize, int offsetSize)
    {
        if (_sizedFor == (version, addressSize, offsetSize)) return;
        _sizedFor = (version, addressSize, offsetSize);
        foreach (var a in _dense) Size(a);
        if (_sparse is not null) foreach (var a in _sparse.Values) Size(a);

        void Size(Abbreviation? a)
        {
            if (a is null) return;
            var total = 0;
            foreach (var spec in a.Attributes)
            {
                var size = FormReader.FixedSize(spec.Form, version, addressSize, offsetSize);
                if (size < 0)
                {
                    a.FixedSize = -1;
                    return;
                }
                total += size;
            }
            a.FixedSize = total;
        }
    }
}

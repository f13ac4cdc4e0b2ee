using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Tags (C11 6.2.1, 6.2.3, 6.7.2.3): one name space for struct, union and enum; forward declarations; completion; prototype scope.</summary>
public sealed class TagScopeTests
{
    [Fact]
    public void Forward_declaration_then_definition_is_one_type()
    {
        var unit = Bound.Clean("struct s; struct s *p; struct s { int a; }; struct s;");
        var id = new RecordId(AggregateKind.Struct, "s");
        Assert.Equal(new PointerType(new RecordType(id)), unit.Globals["p"].Type);
        Assert.Equal(["a"], unit.Types.Records[id].Fields.Select(f => f.Name));
    }

    [Fact]
    public void Tags_defined_inside_members_have_file_scope()
    {
        var unit = Bound.Clean("struct outer { struct inner { int a; } i; enum e { E1 = 2 } e; }; struct inner x; enum e y; int z[E1];");
        Assert.Equal(new RecordType(new RecordId(AggregateKind.Struct, "inner")), unit.Globals["x"].Type);
        Assert.Equal(new ArrayType(ScalarType.Int, 2), unit.Globals["z"].Type);
        Assert.True(unit.Types.Records.ContainsKey(new RecordId(AggregateKind.Struct, "inner")));
    }

    [Theory]
    [InlineData("struct a { int x; }; union a *p;")]
    [InlineData("enum a { A1 }; struct a *p;")]
    [InlineData("union a; enum a { A2 };")]
    public void One_name_space_for_all_tags(string text)
    {
        Assert.False(GccSyntax.Check(text).Accepted);
        var unit = Bound.Unit(text);
        var error = Assert.Single(unit.Errors);
        Assert.Equal("'a' defined as wrong kind of tag", error.Message);
        Assert.Equal(1, error.Location!.Value.Line);
    }

    [Fact]
    public void Redefinition_is_an_error_gcc_also_reports()
    {
        const string text = "struct s { int a; };\nstruct s { long b; };";
        Assert.False(GccSyntax.Check(text).Accepted);
        var error = Assert.Single(Bound.Unit(text).Errors);
        Assert.Equal("redefinition of 'struct s'", error.Message);
        Assert.Equal(2, error.Location!.Value.Line);
    }

    [Fact]
    public void A_tag_first_declared_in_a_parameter_list_is_another_type()
    {
        var unit = Bound.Clean("void f(struct p { int x; } *arg); struct p { long y; }; struct p q;",
            new Semantics.Binding.BinderOptions { BindFunctionSignatures = true });
        var fileScope = new RecordId(AggregateKind.Struct, "p");
        Assert.Equal(new RecordType(fileScope), unit.Globals["q"].Type);
        Assert.Equal(["y"], unit.Types.Records[fileScope].Fields.Select(f => f.Name));
        var function = Assert.IsType<FunctionType>(unit.Functions["f"].Type);
        var parameter = Assert.IsType<RecordType>(Assert.IsType<PointerType>(function.Parameters[0]).Target);
        Assert.NotEqual(fileScope, parameter.Id);
        Assert.Single(unit.Types.Records.Keys, id => id.Tag == "p");
        Assert.Contains(unit.Diagnostics, d => d.Message.Contains("declared inside parameter list", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visible_tag_in_a_parameter_list_is_the_file_scope_type()
    {
        var unit = Bound.Clean("struct p { int x; }; void f(struct p *arg);", new Semantics.Binding.BinderOptions { BindFunctionSignatures = true });
        var function = Assert.IsType<FunctionType>(unit.Functions["f"].Type);
        Assert.Equal(new PointerType(new RecordType(new RecordId(AggregateKind.Struct, "p"))), function.Parameters[0]);
    }

    [Fact]
    public void Anonymous_records_get_distinct_identities()
    {
        var unit = Bound.Clean("struct { int a; } x; struct { int a; } y;");
        Assert.NotEqual(unit.Globals["x"].Type, unit.Globals["y"].Type);
        Assert.Equal(2, unit.Types.Records.Keys.Count(id => id.IsAnonymous));
    }
}

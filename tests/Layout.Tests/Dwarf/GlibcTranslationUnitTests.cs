using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>A real translation unit over several glibc headers: its layouts against gcc's sizeof/offsetof.</summary>
public sealed class GlibcTranslationUnitTests(GlibcTranslationUnitTests.Oracle oracle) : IClassFixture<GlibcTranslationUnitTests.Oracle>
{
    private const string Source = """
        #define _GNU_SOURCE
        #include <stdio.h>
        #include <stdlib.h>
        #include <signal.h>
        #include <time.h>
        #include <pthread.h>
        #include <dirent.h>
        #include <sys/stat.h>
        #include <sys/socket.h>
        #include <sys/resource.h>
        #include <netinet/in.h>
        #include <termios.h>
        FILE *file; struct stat st; struct sigaction sa; siginfo_t si; struct timespec ts; struct tm tmv;
        pthread_mutex_t mutex; pthread_attr_t attr; struct dirent de; struct sockaddr_in sin; struct sockaddr_in6 sin6;
        struct rusage ru; struct termios tio; fpos_t pos; sigset_t sigs; div_t dv; struct _IO_FILE iofile;
        """;

    /// <summary>How C names each checked type: a struct tag or a typedef of an anonymous record.</summary>
    private static readonly string[] Types =
        ["struct stat", "struct sigaction", "siginfo_t", "struct timespec", "struct tm", "pthread_mutex_t", "pthread_attr_t",
         "struct dirent", "struct sockaddr_in", "struct sockaddr_in6", "struct rusage", "struct termios", "struct _IO_FILE", "div_t", "sigset_t", "fpos_t"];

    public sealed class Oracle
    {
        public Oracle()
        {
            Set = DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf5);
            // Only top-level and anonymous members: glibc's member names can be macros (si_pid, sa_handler).
            Values = GccOracle.Evaluate(Source, Types.SelectMany(t => LayoutAssert.Expressions(Set, t, Record(Set, t), nested: false)));
        }

        public LayoutSet Set { get; }

        public IReadOnlyDictionary<string, long> Values { get; }
    }

    /// <summary>The record a C type spelling names, through typedefs of anonymous records.</summary>
    private static RecordLayout Record(LayoutSet set, string cType)
    {
        if (cType.StartsWith("struct ", StringComparison.Ordinal)) return set.Records[cType[7..]];
        TypeRef t = new TypedefTypeRef(cType);
        while (t is TypedefTypeRef td) t = set.Typedefs[td.Name].Target;
        return set.Records[((RecordTypeRef)t).Name];
    }

    [Theory]
    [InlineData(DwarfFlags.Dwarf5)]
    [InlineData(DwarfFlags.Dwarf4)]
    public void Glibc_layouts_match_gcc(string flags)
    {
        var set = flags == DwarfFlags.Dwarf5 ? oracle.Set : DwarfCompiler.Layouts(Source, flags);
        Assert.True(set.Records.Count > 40, $"only {set.Records.Count} records");
        foreach (var t in Types) LayoutAssert.Matches(oracle.Values, set, t, Record(set, t), nested: false);
    }

    [Fact]
    public void Known_glibc_shapes()
    {
        var set = oracle.Set;
        Assert.Equal(new RecordTypeRef(RecordKind.Struct, "_IO_FILE"), set.Typedefs["FILE"].Target);
        Assert.Equal(RecordKind.Union, Record(set, "pthread_mutex_t").Kind);
        Assert.True(Record(set, "siginfo_t").IsAnonymous);
        var handler = set.Records["sigaction"].Members[0];
        Assert.Equal("__sigaction_handler", handler.Name);
        var union = set.Records[Assert.IsType<RecordTypeRef>(handler.Type).Name];
        Assert.Equal(["sa_handler", "sa_sigaction"], union.Members.Select(m => m.Name));
        Assert.Equal(new TypedefTypeRef("__sighandler_t"), union.Members[0].Type);
        Assert.Equal(new PointerTypeRef(FunctionTypeRef.Instance), union.Members[1].Type);
        Assert.Equal(new ArrayTypeRef(new BaseTypeRef("char"), 256), set.Records["dirent"].Members.Single(m => m.Name == "d_name").Type);
    }
}

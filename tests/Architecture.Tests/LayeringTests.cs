using System.Reflection;
using System.Runtime.CompilerServices;

using NetArchTest.Rules;

namespace Backend.Architecture.Tests;

/// <summary>The design rules that can be checked, checked: they hold without anyone remembering them.</summary>
public sealed class LayeringTests
{
    private static readonly string[] Hosts = ["Backend.Ingress", "Backend.Workers", "Backend.Standalone"];

    private static readonly string[] Libraries =
        [
            "Backend.Contracts", "Backend.Domain", "Backend.Validation", "Backend.Store", "Backend.Messaging", "Backend.Hosting",
            "Backend.Api", "Backend.Fulfilment",
        ];

    public static TheoryData<string> LibraryNames => [.. Libraries];

    public static TheoryData<string> HostNames => [.. Hosts];

    [Fact]
    public void Domain_depends_on_no_transport_store_or_web_framework()
    {
        var result = Types.InAssembly(Assembly.Load("Backend.Domain"))
            .ShouldNot()
            .HaveDependencyOnAny("MassTransit", "MongoDB", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore", "Microsoft.Extensions", "Quartz", "Backend.Contracts")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_and_contracts_reference_only_the_base_library()
    {
        foreach (var name in new[] { "Backend.Domain", "Backend.Contracts" })
        {
            Assembly.Load(name).GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(reference => !reference.StartsWith("System", StringComparison.Ordinal) && reference != "netstandard")
                .ShouldBeEmpty($"{name} must stay free of packages so other systems and tests can use it alone");
        }
    }

    [Fact]
    public void Validation_references_only_contracts_and_domain()
    {
        Assembly.Load("Backend.Validation").GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(reference => !reference.StartsWith("System", StringComparison.Ordinal) && reference != "netstandard")
            .Order(StringComparer.Ordinal)
            .ToArray()
            .ShouldBe(["Backend.Contracts", "Backend.Domain"], "one validator per message serves HTTP and the broker, so it knows neither");
    }

    [Fact]
    public void Messaging_knows_only_transport_not_domain_rules()
    {
        Assembly.Load("Backend.Messaging").GetReferencedAssemblies()
            .Select(reference => reference.Name)
            .ShouldNotContain("Backend.Domain");

        var result = Types.InAssembly(Assembly.Load("Backend.Messaging"))
            .ShouldNot()
            .HaveDependencyOnAny("Backend.Domain", "Backend.Validation")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Business_logic_knows_neither_store_adapter()
    {
        var result = Types.InAssemblies([Assembly.Load("Backend.Fulfilment"), Assembly.Load("Backend.Api")])
            .ShouldNot()
            .HaveDependencyOnAny("MongoDB", "Microsoft.Data.Sqlite", "Backend.Store")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    public static TheoryData<string> LibrariesWithoutHttp =>
        ["Backend.Contracts", "Backend.Domain", "Backend.Validation", "Backend.Store", "Backend.Messaging", "Backend.Fulfilment"];

    // Only the API and the shared hosting defaults serve HTTP; the rest need the generic host's abstractions alone,
    // so they reference those packages rather than the whole ASP.NET Core framework.
    [Theory]
    [MemberData(nameof(LibrariesWithoutHttp))]
    public void Library_without_HTTP_references_no_ASP_NET_Core(string library)
    {
        // The compiled references show what the code uses; the project file shows what it pulls in besides.
        Assembly.Load(library).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(reference => reference.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ShouldBeEmpty();
        var name = library["Backend.".Length..];
        File.ReadAllText(Path.Combine(SourceFolder(), name, $"{name}.csproj")).ShouldNotContain("Microsoft.AspNetCore");
    }

    private static string SourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Backend.sln")))
            {
                return Path.Combine(directory.FullName, "src");
            }
        }

        throw new InvalidOperationException("Backend.sln not found above the test's folder.");
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Library_references_no_host(string library)
    {
        Assembly.Load(library).GetReferencedAssemblies()
            .Select(reference => reference.Name)
            .Intersect(Hosts)
            .ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public void Host_only_composes(string host)
    {
        var ownTypes = Assembly.Load(host).GetTypes()
            .Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .Where(type => type.Namespace is null || type.Namespace.StartsWith("Backend", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .Where(name => name != "Program" && !name!.StartsWith("Program+", StringComparison.Ordinal));

        ownTypes.ShouldBeEmpty("hosts hold only Program.cs; features belong in a library that every host can compose");
    }
}

using System.Text.Json.Nodes;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.OpenApi;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFactory factory)
{
    /// <summary>Set to 1 to write the served document over <c>docs/openapi.json</c> instead of comparing.</summary>
    public const string UpdateVariable = "UPDATE_OPENAPI";

    [Fact]
    public async Task Every_api_operation_states_the_key_it_needs()
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var operations = document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key} {path.Key}", Operation: operation.Value!)))
            .ToList();

        operations.ShouldNotBeEmpty();
        operations.ShouldAllBe(operation =>
            operation.Operation["security"]![0]!["ApiKey"] != null
            && operation.Operation["responses"]!["401"] != null
            && (operation.Operation["description"]!.GetValue<string>().StartsWith("Role: ", StringComparison.Ordinal)
                || operation.Operation["description"]!.GetValue<string>().StartsWith("Any API key", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Committed_document_matches_the_served_one()
    {
        using var client = factory.CreateClient();
        var served = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var path = RepositoryFiles.OpenApiDocument;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken) : "";
        committed.ReplaceLineEndings().ShouldBe(
            served.ReplaceLineEndings(),
            $"docs/openapi.json is not what the code serves: run `{UpdateVariable}=1 dotnet test tests/Api.Tests --filter " +
            "FullyQualifiedName~OpenApiDocumentTests` and commit the file.");
    }
}

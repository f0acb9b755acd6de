using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Json.Schema;

namespace Backend.Api.Tests.Infrastructure;

/// <summary>
/// Holds a real response to what <c>docs/openapi.json</c> declares for its operation: the status code, the
/// headers the API sets, the media type, and the body, evaluated against the document's own schema by a JSON
/// Schema validator. Requests to paths the document does not describe (the document itself, the API page) pass.
/// </summary>
public static partial class OpenApiConformance
{
    // The headers this API sets itself: one the document does not declare on that response is a violation.
    private static readonly string[] ApiHeaders = ["Location", "Retry-After", "ETag", Api.ApiHeaders.IdempotentReplayed, "WWW-Authenticate"];

    private static readonly Uri DocumentUri = new("https://backend.test/openapi.json");
    private static readonly JsonObject Document = LoadDocument();
    private static readonly EvaluationOptions Evaluation = CreateEvaluation();
    private static readonly IReadOnlyList<(Regex Pattern, string Template, int Parameters)> Paths =
    [
        .. Document["paths"]!.AsObject()
            .Select(path => (
                new Regex("^" + TemplateParameter().Replace(Regex.Escape(path.Key).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"),
                path.Key,
                path.Key.Count(c => c == '{')))
            .OrderBy(path => path.Item3),
    ];

    /// <summary>The ways <paramref name="response"/> departs from the document; empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var path = request.RequestUri!.AbsolutePath;
        var template = Paths.FirstOrDefault(candidate => candidate.Pattern.IsMatch(path)).Template;
        if (template is null)
        {
            return [];
        }

        var method = request.Method.Method.ToLowerInvariant();
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var where = $"{request.Method} {path} → {status}";
        if (Document["paths"]![template]![method] is not JsonObject operation)
        {
            return [$"{where}: the document has no {method} operation on {template}."];
        }

        if (operation["responses"]![status] is not JsonObject declared)
        {
            return [$"{where}: status {status} is not declared."];
        }

        var violations = new List<string>();
        var headers = declared["headers"]?.AsObject() ?? [];
        foreach (var (name, header) in headers)
        {
            var values = Values(response, name);
            if (values is null)
            {
                violations.AddIf(header!["required"]?.GetValue<bool>() == true, $"{where}: required header {name} is missing.");
            }
            else if (header!["schema"]!["type"]?.GetValue<string>() == "integer")
            {
                violations.AddIf(!values.All(value => int.TryParse(value, out _)), $"{where}: header {name} is not an integer.");
            }
        }

        foreach (var name in ApiHeaders.Where(name => Values(response, name) is not null && !headers.ContainsKey(name)))
        {
            violations.Add($"{where}: header {name} is sent but not declared.");
        }

        var body = await response.Content.ReadAsStringAsync();
        var content = declared["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            violations.AddIf(body.Length > 0, $"{where}: a body is sent where none is declared.");
            return violations;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!content.ContainsKey(mediaType))
        {
            violations.Add($"{where}: media type '{mediaType}' is not one of {string.Join(", ", content.Select(pair => pair.Key))}.");
            return violations;
        }

        var pointer = $"/paths/{Escape(template)}/{method}/responses/{status}/content/{Escape(mediaType)}/schema";
        var schema = JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{DocumentUri}}#{{pointer}}"}""");
        var instance = mediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(body) : JsonValue.Create(body);
        var result = schema.Evaluate(instance, Evaluation);
        if (!result.IsValid)
        {
            var errors = (result.Details ?? [])
                .Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"));
            violations.Add($"{where}: the body does not match the schema: {string.Join("; ", errors)}\n{body}");
        }

        return violations;
    }

    private static IReadOnlyList<string>? Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? [.. values] : null;

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void AddIf(this List<string> violations, bool condition, string violation)
    {
        if (condition)
        {
            violations.Add(violation);
        }
    }

    private static JsonObject LoadDocument() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.OpenApiDocument))!.AsObject();

    private static EvaluationOptions CreateEvaluation()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Register(new JsonNodeBaseDocument(Document, DocumentUri));
        return options;
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex TemplateParameter();
}

using System.Collections.Concurrent;
using System.Globalization;

using Backend.BareServer;

// The HTTP ceiling of the benchmark's loop: the order API's submit and status routes answered from memory, with an
// order that is final as soon as it is accepted (an infinitely fast worker). Same routes, key header, status codes,
// ETag and 304 as the real API, so the load generator drives both alike.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJson.Default));
var app = builder.Build();
var orders = new ConcurrentDictionary<Guid, BareOrder>();
var apiKey = app.Configuration["Bare:ApiKey"] ?? "bench-client-key-0123456789abcdef0123";

app.MapPost("/api/orders", (HttpContext context, BareSubmit request) =>
{
    if (context.Request.Headers["X-Api-Key"] != apiKey)
    {
        return Results.Unauthorized();
    }

    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    var total = request.Lines.Sum(line => line.Quantity * 19.99m);
    orders[id] = new BareOrder(id, "Confirmed", 3, request.Lines, total, now);
    context.Response.Headers.Location = $"/api/orders/{id}";
    context.Response.Headers.RetryAfter = "1";
    return Results.Json(new BareAccepted(id, "Accepted"), BareJson.Default.BareAccepted, statusCode: StatusCodes.Status202Accepted);
});

app.MapGet("/api/orders/{id:guid}", (HttpContext context, Guid id) =>
{
    if (context.Request.Headers["X-Api-Key"] != apiKey)
    {
        return Results.Unauthorized();
    }

    if (!orders.TryGetValue(id, out var order))
    {
        return Results.NotFound();
    }

    var etag = $"\"{order.Version.ToString(CultureInfo.InvariantCulture)}\"";
    context.Response.Headers.ETag = etag;
    return context.Request.Headers.IfNoneMatch == etag
        ? Results.StatusCode(StatusCodes.Status304NotModified)
        : Results.Json(order, BareJson.Default.BareOrder);
});

app.MapGet("/health/ready", () => "Healthy");
app.Run();

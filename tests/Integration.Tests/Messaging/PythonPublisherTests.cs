using System.Diagnostics;
using System.Text.RegularExpressions;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Messaging;

/// <summary>
/// Runs the Python example of docs/messaging.md, as written, with Debian's python3-pika: a publisher that has
/// never heard of .NET or MassTransit, and documentation that cannot drift from what the backend accepts.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed partial class PythonPublisherTests(RabbitMqBroker broker)
{
    // pika comes from Debian for the system interpreter; a python3 earlier on PATH may not see it.
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Documented_python_example_creates_stock_and_an_order_that_is_confirmed()
    {
        var script = ExtractExample();
        await using var stack = await BackendStack.StartAsync(broker);
        await RequirePikaAsync();
        // The order may overtake the catalog messages on their own queues; with the product in place it cannot fail.
        await stack.SeedProductAsync("LAMP-7", onHand: 1, unitPrice: 1m);

        var (exitCode, output) = await RunAsync(script, ("AMQP_URL", broker.AmqpUri.ToString()));

        exitCode.ShouldBe(0, output);
        var product = await Eventually.GetAsync(
            ct => stack.Products.FindAsync("LAMP-7", ct),
            found => found is { OnHand: 41, Name: "Desk lamp" },
            "the documented upsert and receipt");
        product!.UnitPrice.ShouldBe(39.90m);
        product.ReorderPoint.ShouldBe(5);
        var orders = await Eventually.GetAsync(
            ct => stack.Orders.ListAsync(new OrderQuery(CustomerId: "marketplace-17"), ct),
            page => page.Items.Any(order => order.Status == OrderStatus.Confirmed),
            "the documented order to be confirmed");
        orders.Items.ShouldHaveSingleItem().ShipTo.Country.ShouldBe("DE");
    }

    private static string ExtractExample()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "messaging.md"));
        var match = PythonBlock().Match(docs);
        match.Success.ShouldBeTrue("docs/messaging.md should hold a ```python example");
        return match.Groups["code"].Value;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Backend.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Backend.sln not found above the test output.");
    }

    private static async Task RequirePikaAsync()
    {
        var available = File.Exists(Python) && (await RunAsync("import pika")).ExitCode == 0;
        if (available)
        {
            return;
        }

        const string reason = "python3-pika is not installed for /usr/bin/python3 (apt-get install python3-pika).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("```python\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}

using System.Diagnostics;
using System.Globalization;

using Testcontainers.RabbitMq;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// One real RabbitMQ broker for the whole test assembly, from the first source that works:
/// <c>RABBITMQ_URL</c>, a Testcontainers container when Docker is reachable, or a throw-away local
/// <c>rabbitmq-server</c> node. When none works, <see cref="IsAvailable"/> is false and tests call
/// <see cref="SkipIfUnavailable"/>. Tests isolate themselves by unique queue and endpoint names.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private const int AmqpPort = 5672;
    private const string ContainerImage = "rabbitmq:3.13-management";
    private const string ContainerCredential = "backend";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private RabbitMqContainer? container;
    private LocalRabbitMqNode? node;

    public bool IsAvailable { get; private set; }

    public string? UnavailableReason { get; private set; } = "The RabbitMQ broker fixture was not initialized.";

    public string Host { get; private set; } = "";

    public int Port { get; private set; }

    public string VirtualHost { get; private set; } = "/";

    public string Username { get; private set; } = "";

    public string Password { get; private set; } = "";

    public Uri AmqpUri => new(
        $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:" +
        $"{Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(VirtualHost)}");

    public void SkipIfUnavailable()
    {
        if (IsAvailable)
        {
            return;
        }

        var reason = UnavailableReason ?? "No RabbitMQ broker is available.";

        // CI installs rabbitmq-server, so a missing broker there is a broken install step, not a reason to skip.
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public IDictionary<string, string?> ToConfiguration() => new Dictionary<string, string?>
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["RabbitMq:Host"] = Host,
        ["RabbitMq:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = VirtualHost,
        ["RabbitMq:Username"] = Username,
        ["RabbitMq:Password"] = Password,
    };

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var url = Environment.GetEnvironmentVariable("RABBITMQ_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            // An explicitly named broker is never silently replaced by another one.
            await UseExternalBrokerAsync(url, cancellationToken);
            return;
        }

        var tried = new List<string>();
        if (!DockerLooksReachable())
        {
            tried.Add("no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock)");
        }
        else if (await TryContainerAsync(tried, cancellationToken))
        {
            return;
        }

        var serverScript = LocalRabbitMqNode.FindServerScript();
        if (serverScript is null)
        {
            tried.Add("no rabbitmq-server in /usr/lib/rabbitmq/bin, PATH or /usr/sbin");
        }
        else if (await TryLocalNodeAsync(serverScript, tried, cancellationToken))
        {
            return;
        }

        UnavailableReason = "No RabbitMQ broker: " + string.Join("; ", tried) +
            ". Set RABBITMQ_URL, start Docker, or install rabbitmq-server.";
    }

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
            node = null;
        }

        if (container is not null)
        {
            await container.DisposeAsync();
            container = null;
        }
    }

    private static bool DockerLooksReachable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) ||
        File.Exists("/var/run/docker.sock");

    private async Task UseExternalBrokerAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "amqp")
        {
            UnavailableReason = "RABBITMQ_URL is not an amqp://user:pass@host:port/vhost URL.";
            return;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        UseBroker(
            uri.Host,
            uri.Port > 0 ? uri.Port : AmqpPort,
            virtualHost.Length > 0 ? virtualHost : "/",
            userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");

        var failure = await WaitForConnectionAsync(() => null, cancellationToken);
        if (failure is null)
        {
            MarkAvailable($"RABBITMQ_URL broker at {Host}:{Port}");
        }
        else
        {
            UnavailableReason = $"RABBITMQ_URL broker at {Host}:{Port} refused connections: {failure}";
        }
    }

    private async Task<bool> TryContainerAsync(List<string> tried, CancellationToken cancellationToken)
    {
        RabbitMqContainer? candidate = null;
        try
        {
            candidate = new RabbitMqBuilder(ContainerImage)
                .WithUsername(ContainerCredential)
                .WithPassword(ContainerCredential)
                .Build();
            await candidate.StartAsync(cancellationToken);
            UseBroker(
                candidate.Hostname,
                candidate.GetMappedPublicPort(AmqpPort),
                "/",
                ContainerCredential,
                ContainerCredential);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (candidate is not null)
            {
                await candidate.DisposeAsync();
            }

            tried.Add($"Docker container failed ({exception.GetType().Name}: {exception.Message})");
            return false;
        }

        container = candidate;
        var failure = await WaitForConnectionAsync(() => null, cancellationToken);
        if (failure is not null)
        {
            await container.DisposeAsync();
            container = null;
            tried.Add($"Docker container refused connections: {failure}");
            return false;
        }

        MarkAvailable($"Testcontainers {ContainerImage} at {Host}:{Port}");
        return true;
    }

    private async Task<bool> TryLocalNodeAsync(string serverScript, List<string> tried, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        LocalRabbitMqNode local;
        try
        {
            local = LocalRabbitMqNode.Start(serverScript);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            tried.Add($"{serverScript} could not start ({exception.Message})");
            return false;
        }

        node = local;
        // guest/guest is RabbitMQ's built-in user, allowed only over loopback, which is all this node listens on.
        UseBroker("127.0.0.1", local.Port, "/", "guest", "guest");
        var failure = await WaitForConnectionAsync(
            () => local.HasExited ? "rabbitmq-server exited" : null,
            cancellationToken);
        if (failure is not null)
        {
            var log = local.LogTail();
            await local.DisposeAsync();
            node = null;
            tried.Add($"local node {local.NodeName} did not start: {failure}{Environment.NewLine}{log}");
            return false;
        }

        MarkAvailable($"local node {local.NodeName} at {Host}:{Port}, ready in {started.Elapsed.TotalSeconds:F1} s");
        return true;
    }

    private void UseBroker(string host, int port, string virtualHost, string username, string password)
    {
        Host = host;
        Port = port;
        VirtualHost = virtualHost;
        Username = username;
        Password = password;
    }

    private void MarkAvailable(string description)
    {
        IsAvailable = true;
        UnavailableReason = null;
        TestContext.Current.SendDiagnosticMessage($"RabbitMQ: {description}");
    }

    private Task<string?> WaitForConnectionAsync(Func<string?> gaveUp, CancellationToken cancellationToken) =>
        BrokerConnection.WaitAsync(AmqpUri, StartTimeout, gaveUp, cancellationToken);
}

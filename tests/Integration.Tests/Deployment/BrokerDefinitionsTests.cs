using System.Text.Json;
using System.Text.RegularExpressions;

namespace Backend.Integration.Tests.Deployment;

/// <summary>
/// The broker's accounts in docker compose (deploy/rabbitmq/definitions.json): each role may touch what the README's
/// security section says and nothing else. RabbitMQ checks a resource name against each permission's regular
/// expression; these are checked the same way against the names the system uses.
/// </summary>
public sealed class BrokerDefinitionsTests
{
    private static readonly string[] InboundQueues = ["submit-order", "cancel-order", "upsert-product", "stock-replenished", "shipment-dispatched"];
    private static readonly string[] IngressCommands = ["backend.submit-order", "backend.cancel-order", "backend.shipment-dispatched", "backend.upsert-product", "backend.stock-replenished"];
    private static readonly string[] PartnerExchanges = ["upsert-product", "stock-replenished", "shipment-dispatched"];
    private static readonly string[] ErrorQueues = [.. InboundQueues.Append("expire-order").Select(queue => queue + "_error")];

    private static readonly JsonElement Definitions =
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("deploy/rabbitmq/definitions.json"))).RootElement;

    [Fact]
    public void Every_role_has_its_own_user_on_the_one_vhost_when_the_definitions_are_read()
    {
        Definitions.GetProperty("vhosts").EnumerateArray().Select(vhost => vhost.GetProperty("name").GetString()).ShouldBe(["backend"]);
        var users = Definitions.GetProperty("users").EnumerateArray().ToList();
        users.Select(user => user.GetProperty("name").GetString()).ShouldBe(["admin", "ingress", "workers", "partner"], ignoreOrder: true);
        foreach (var user in users)
        {
            var name = user.GetProperty("name").GetString()!;
            user.GetProperty("password").GetString().ShouldBe($"${{RABBITMQ_{name.ToUpperInvariant()}_PASSWORD}}", $"{name}'s password comes from .env");
        }

        Permissions("partner").Vhost.ShouldBe("backend");
    }

    [Fact]
    public void Ingress_publishes_its_commands_and_reads_nothing_else()
    {
        var ingress = Permissions("ingress");

        IngressCommands.ShouldAllBe(exchange => ingress.Write.IsMatch(exchange));
        // An operator's re-drive of a failed message sends it back to its queue, through the queue's own exchange.
        InboundQueues.Append("expire-order").ShouldAllBe(queue => ingress.Write.IsMatch(queue) && !ingress.Read.IsMatch(queue));
        ErrorQueues.Concat(InboundQueues.Select(queue => queue + "_skipped")).Append("backend.order-confirmed").Append("amq.default")
            .ShouldAllBe(name => !ingress.Write.IsMatch(name) && !ingress.Read.IsMatch(name) && !ingress.Configure.IsMatch(name));
    }

    [Fact]
    public void Workers_use_their_queues_and_exchanges()
    {
        var workers = Permissions("workers");

        InboundQueues.Append("expire-order").Concat(ErrorQueues).Concat(IngressCommands).Append("backend.order-confirmed")
            .ShouldAllBe(name => workers.Configure.IsMatch(name) && workers.Write.IsMatch(name) && workers.Read.IsMatch(name));
        workers.Write.IsMatch("amq.default").ShouldBeFalse();
    }

    [Fact]
    public void Partner_publishes_only_to_the_inbound_exchanges_and_reads_no_error_queue()
    {
        var partner = Permissions("partner");

        PartnerExchanges.ShouldAllBe(exchange => partner.Write.IsMatch(exchange));
        new[] { "submit-order", "cancel-order", "expire-order", "amq.default", "" }.Concat(ErrorQueues).Concat(IngressCommands)
            .ShouldAllBe(name => !partner.Write.IsMatch(name));
        InboundQueues.Concat(ErrorQueues).Concat(PartnerExchanges).Concat(IngressCommands)
            .ShouldAllBe(name => !partner.Read.IsMatch(name) && !partner.Configure.IsMatch(name));
    }

    [Fact]
    public void Partner_also_publishes_orders_and_cancellations_when_the_operator_enables_it()
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf("deploy/rabbitmq/entrypoint.sh"));
        var plain = ScriptValue(script, "partner_write");
        var withOrders = new Regex(ScriptValue(script, "partner_write_with_orders"));

        plain.ShouldBe(Permissions("partner").Write.ToString(), "the entrypoint replaces the partner's write permission as written");
        PartnerExchanges.Append("submit-order").Append("cancel-order").ShouldAllBe(exchange => withOrders.IsMatch(exchange));
        ErrorQueues.Append("expire-order").Append("amq.default").Concat(IngressCommands).ShouldAllBe(name => !withOrders.IsMatch(name));
    }

    [Fact]
    public void Admin_alone_is_tagged_administrator()
    {
        foreach (var user in Definitions.GetProperty("users").EnumerateArray())
        {
            var tags = user.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).ToList();
            (user.GetProperty("name").GetString() == "admin").ShouldBe(tags.Contains("administrator"));
        }
    }

    private static string ScriptValue(string script, string name) =>
        Regex.Match(script, $"^{name}='([^']*)'$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"deploy/rabbitmq/entrypoint.sh sets no {name}.");

    private static Role Permissions(string user)
    {
        var entry = Definitions.GetProperty("permissions").EnumerateArray().Single(permission => permission.GetProperty("user").GetString() == user);
        return new Role(
            entry.GetProperty("vhost").GetString()!,
            new Regex(entry.GetProperty("configure").GetString()!),
            new Regex(entry.GetProperty("write").GetString()!),
            new Regex(entry.GetProperty("read").GetString()!));
    }

    private sealed record Role(string Vhost, Regex Configure, Regex Write, Regex Read);
}

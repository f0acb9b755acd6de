using System.Globalization;
using System.Text;

using Backend.Integration.Tests.Infrastructure;
using Backend.Messaging;

using Microsoft.Data.Sqlite;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// The worker taking failed messages in dies by SIGKILL between storing a record and acknowledging its message
/// (the fault hook does it at that exact point): the message comes back to the error queue, and after a restart
/// every failed message is in the store exactly once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FailedMessageKillTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private const int SigKillStatus = 128 + 9;
    private const int Messages = 20;

    // Any environment but Production honours the hook.
    private static readonly Dictionary<string, string> Hooked = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["DOTNET_ENVIRONMENT"] = "Testing",
        ["Faults__KillAfterFailedMessageStored"] = "true",
    };

    [Fact]
    public async Task Killing_the_ingesting_worker_between_storing_and_acknowledging_loses_nothing_and_duplicates_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await ProcessStack.StartAsync(
            broker, workerCount: 1, seed: [], settings: new Dictionary<string, string> { ["FailedMessages:Ingest"] = "true" }, firstWorkerStart: Hooked);
        await stack.GuardAsync(async () =>
        {
            var worker = stack.Workers[0];
            await PublishInvalidOrdersAsync(cancellationToken);

            var status = await worker.WaitForOwnExitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            status.ShouldBe(SigKillStatus, "the worker should have SIGKILLed itself after storing a failed message");
            var storedAtCrash = await CountRecordsAsync(stack.DatabasePath, cancellationToken);
            storedAtCrash.ShouldBeGreaterThanOrEqualTo(1);
            // The message whose record was stored was never acknowledged: it is back in the error queue.
            var waiting = await Eventually.GetAsync(
                async ct => (await broker.QueueDepthsAsync(ct)).GetValueOrDefault(QueueNames.ErrorQueue(QueueNames.SubmitOrder)),
                depth => depth >= 1, "the unacknowledged failed message back in submit-order_error", TimeSpan.FromSeconds(15));

            await worker.StartAsync(cancellationToken);
            await Eventually.GetAsync(
                async ct => (await broker.QueueDepthsAsync(ct)).GetValueOrDefault(QueueNames.ErrorQueue(QueueNames.SubmitOrder)),
                depth => depth == 0, "the error queue to be empty", TimeSpan.FromSeconds(60));
            var records = await Eventually.GetAsync(
                ct => CountRecordsAsync(stack.DatabasePath, ct), count => count >= Messages, $"{Messages} failed-message records");

            FaultChecks.Report(
                $"failed-message kill: {Messages} failed orders in submit-order_error, the worker SIGKILLed itself after storing a record " +
                $"({storedAtCrash} stored at the crash, {waiting} back in the error queue), restarted; {records} records after, " +
                $"{await CountDistinctBodiesAsync(stack.DatabasePath, cancellationToken)} distinct bodies");
            records.ShouldBe(Messages);
            (await CountDistinctBodiesAsync(stack.DatabasePath, cancellationToken)).ShouldBe(Messages);
        });
    }

    // Straight into the error queue, as MassTransit moves a failed message there (fault headers and all): the
    // order consumer never sees them, so the only copies are these and whatever the crash makes of them.
    private async Task PublishInvalidOrdersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker.AmqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(
            QueueNames.ErrorQueue(QueueNames.SubmitOrder), durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        for (var number = 0; number < Messages; number++)
        {
            var body = $$$"""{"orderId":"{{{Guid.NewGuid()}}}","customerId":"kill-{{{number.ToString(CultureInfo.InvariantCulture)}}}","paymentToken":"tok_visa","shipTo":{"country":"US"}}""";
            var properties = new BasicProperties
            {
                ContentType = "application/json",
                Persistent = true,
                Headers = new Dictionary<string, object?>
                {
                    ["MT-Reason"] = "fault",
                    ["MT-Fault-ExceptionType"] = "Backend.Messaging.InvalidMessageException",
                    ["MT-Fault-Message"] = "'lines': At least one line is required.",
                    ["MT-Fault-Timestamp"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                },
            };
            await channel.BasicPublishAsync(
                "", QueueNames.ErrorQueue(QueueNames.SubmitOrder), mandatory: true, properties, Encoding.UTF8.GetBytes(body), cancellationToken);
        }
    }

    private static Task<long> CountRecordsAsync(string databasePath, CancellationToken cancellationToken) =>
        ScalarAsync(databasePath, "SELECT COUNT(*) FROM failed_messages", cancellationToken);

    private static Task<long> CountDistinctBodiesAsync(string databasePath, CancellationToken cancellationToken) =>
        ScalarAsync(databasePath, "SELECT COUNT(DISTINCT body) FROM failed_messages", cancellationToken);

    private static async Task<long> ScalarAsync(string databasePath, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

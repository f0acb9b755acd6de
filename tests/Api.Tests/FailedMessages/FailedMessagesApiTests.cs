using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.FailedMessages;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.FailedMessages;

/// <summary>The failed-message admin API over a store of its own; the transport is MassTransit's test harness.</summary>
public sealed class FailedMessagesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private IFailedMessageStore Store => factory.Services.GetRequiredService<IFailedMessageStore>();

    [Fact]
    public async Task Record_is_listed_shown_whole_and_discarded_once()
    {
        var record = await StoreAsync("fp-show");
        using var client = factory.CreateClient(TestKeys.Operator);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/failed-messages?fingerprint=fp-show&status=Failed", Cancellation);
        list.GetProperty("totalCount").GetInt64().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(record.Id);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/admin/failed-messages/{record.Id}", Cancellation);
        detail.GetProperty("body").GetString().ShouldBe("""{"sku":"GHOST-1"}""");
        detail.GetProperty("headers").GetProperty("MT-Fault-Message").GetString().ShouldBe("Product 'GHOST-1' does not exist.");

        (await client.PostAsync($"/api/admin/failed-messages/{record.Id}/discard", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/api/admin/failed-messages/{record.Id}/discard", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsync($"/api/admin/failed-messages/{record.Id}/redeliver", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Store.FindAsync(record.Id, Cancellation))!.Status.ShouldBe(FailedMessageStatus.Discarded);
    }

    [Fact]
    public async Task Redeliver_marks_the_record_once_the_bus_took_it_and_a_group_discard_counts_what_it_moved()
    {
        var redriven = await StoreAsync("fp-group");
        await StoreAsync("fp-group");
        using var client = factory.CreateClient(TestKeys.Operator);

        var summary = await (await client.PostAsync($"/api/admin/failed-messages/{redriven.Id}/redeliver", null, Cancellation))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        summary.GetProperty("status").GetString().ShouldBe("Redelivered");
        summary.GetProperty("replayCount").GetInt32().ShouldBe(1);

        var groups = await client.GetFromJsonAsync<JsonElement>("/api/admin/failed-messages/groups", Cancellation);
        groups.GetProperty("groups").EnumerateArray().Single(group => group.GetProperty("fingerprint").GetString() == "fp-group")
            .GetProperty("count").GetInt64().ShouldBe(1);
        var discarded = await (await client.PostAsync("/api/admin/failed-messages/groups/fp-group/discard", null, Cancellation))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        discarded.GetProperty("matched").GetInt32().ShouldBe(1);
        discarded.GetProperty("moved").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("/api/admin/failed-messages?pageSize=0")]
    [InlineData("/api/admin/failed-messages?page=0")]
    public async Task Out_of_range_paging_is_a_validation_problem(string url)
    {
        using var client = factory.CreateClient(TestKeys.Operator);

        using var response = await client.GetAsync(url, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Group_redrive_refuses_a_rate_or_limit_out_of_range_and_an_unknown_record_is_not_found()
    {
        using var client = factory.CreateClient(TestKeys.Operator);

        (await client.PostAsync("/api/admin/failed-messages/groups/x/redeliver?ratePerSecond=0", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/admin/failed-messages/groups/x/redeliver?limit=0", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/admin/failed-messages/{Guid.NewGuid()}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/admin/failed-messages/{Guid.NewGuid()}/redeliver", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Forbidden_to_a_client_key()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);

        (await client.GetAsync("/api/admin/failed-messages", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<FailedMessage> StoreAsync(string fingerprint)
    {
        var now = DateTimeOffset.UtcNow;
        var record = new FailedMessage
        {
            Id = Guid.NewGuid(),
            Kind = FailedMessageKind.Error,
            Queue = "stock-replenished",
            MessageType = "StockReplenished",
            Sku = "GHOST-1",
            Body = Encoding.UTF8.GetBytes("""{"sku":"GHOST-1"}"""),
            ContentType = "application/json",
            Headers = new Dictionary<string, string> { ["MT-Fault-Message"] = "Product 'GHOST-1' does not exist." },
            Reason = "Product 'GHOST-1' does not exist.",
            ExceptionType = "Backend.Messaging.MissingReferenceException",
            ReasonPattern = "Product '{id}' does not exist.",
            Fingerprint = fingerprint,
            FirstFailedAt = now,
            LastFailedAt = now,
            Attempts = 1,
        };
        (await Store.TryAddAsync(record, Cancellation)).ShouldBeTrue();
        return record;
    }
}

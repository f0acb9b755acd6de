using System.Text;

using Backend.Domain.FailedMessages;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Failed_message_is_stored_once_with_its_body_and_headers()
    {
        var message = FailedMessage("unknown sku NOPE-1", FailedAt);

        (await FailedMessages.TryAddAsync(message, Cancellation)).ShouldBeTrue();
        (await FailedMessages.TryAddAsync(message, Cancellation)).ShouldBeFalse();

        var stored = (await FailedMessages.FindAsync(message.Id, Cancellation)).ShouldNotBeNull();
        Encoding.UTF8.GetString(stored.Body).ShouldBe("{\"sku\":\"NOPE-1\"}");
        stored.Headers.ShouldBe(message.Headers, ignoreOrder: true);
        (stored with { Body = message.Body, Headers = message.Headers }).ShouldBe(message);
        (await FailedMessages.ListAsync(new FailedMessageQuery(), Cancellation)).TotalCount.ShouldBe(1);
        (await FailedMessages.FindAsync(Guid.NewGuid(), Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Refailure_after_a_redrive_updates_the_record_once_and_adds_no_row()
    {
        var message = FailedMessage("boom", FailedAt);
        await FailedMessages.TryAddAsync(message, Cancellation);
        (await FailedMessages.MarkRedeliveredAsync(message.Id, 1, FailedAt.AddMinutes(1), Cancellation)).ShouldBeTrue();
        var refailure = new FailedMessageRefailure(message.Id, 1, FailedAt.AddMinutes(2), 3, "boom again", "X", null, "boom again", "f2");

        (await FailedMessages.RecordRefailureAsync(refailure, Cancellation)).ShouldBeTrue();
        (await FailedMessages.RecordRefailureAsync(refailure, Cancellation)).ShouldBeTrue();

        var stored = (await FailedMessages.FindAsync(message.Id, Cancellation)).ShouldNotBeNull();
        stored.Status.ShouldBe(FailedMessageStatus.Failed);
        stored.ReplayCount.ShouldBe(1);
        stored.Attempts.ShouldBe(message.Attempts + 3);
        stored.LastFailedAt.ShouldBe(FailedAt.AddMinutes(2));
        stored.FirstFailedAt.ShouldBe(FailedAt);
        stored.Fingerprint.ShouldBe("f2");
        (await FailedMessages.ListAsync(new FailedMessageQuery(), Cancellation)).TotalCount.ShouldBe(1);
        (await FailedMessages.RecordRefailureAsync(refailure with { Id = Guid.NewGuid() }, Cancellation)).ShouldBeFalse();
    }

    [Fact]
    public async Task Redelivery_is_marked_only_on_a_failed_record_that_saw_no_newer_failure()
    {
        var message = FailedMessage("boom", FailedAt);
        await FailedMessages.TryAddAsync(message, Cancellation);
        // The re-driven copy failed again and was taken in before the re-drive marked its record.
        await FailedMessages.RecordRefailureAsync(
            new FailedMessageRefailure(message.Id, 1, FailedAt.AddMinutes(1), 1, "boom", "X", null, "boom", message.Fingerprint), Cancellation);

        (await FailedMessages.MarkRedeliveredAsync(message.Id, 1, FailedAt.AddMinutes(2), Cancellation)).ShouldBeFalse();
        (await FailedMessages.FindAsync(message.Id, Cancellation))!.Status.ShouldBe(FailedMessageStatus.Failed);
        (await FailedMessages.MarkRedeliveredAsync(message.Id, 2, FailedAt.AddMinutes(2), Cancellation)).ShouldBeTrue();
        (await FailedMessages.DiscardAsync(message.Id, FailedAt.AddMinutes(3), Cancellation)).ShouldBeFalse();
        (await FailedMessages.FindAsync(message.Id, Cancellation))!.Status.ShouldBe(FailedMessageStatus.Redelivered);
    }

    [Fact]
    public async Task Failed_messages_are_listed_newest_first_filtered_and_grouped_by_fingerprint()
    {
        for (var index = 0; index < 5; index++)
        {
            await FailedMessages.TryAddAsync(FailedMessage("a", FailedAt.AddSeconds(index)) with { Fingerprint = "fa" }, Cancellation);
        }

        var other = FailedMessage("b", FailedAt.AddMinutes(1)) with { Fingerprint = "fb", Queue = "shipment-dispatched" };
        await FailedMessages.TryAddAsync(other, Cancellation);

        var page = await FailedMessages.ListAsync(new FailedMessageQuery(Fingerprint: "fa", Page: 2, PageSize: 2), Cancellation);
        page.TotalCount.ShouldBe(5);
        page.Items.Select(item => item.LastFailedAt).ShouldBe([FailedAt.AddSeconds(2), FailedAt.AddSeconds(1)]);
        (await FailedMessages.ListAsync(new FailedMessageQuery(Queue: "shipment-dispatched"), Cancellation)).Items.Single().Id.ShouldBe(other.Id);
        (await FailedMessages.ListAsync(new FailedMessageQuery(Status: FailedMessageStatus.Discarded), Cancellation)).TotalCount.ShouldBe(0);

        var groups = await FailedMessages.ListGroupsAsync(FailedMessageStatus.Failed, Cancellation);
        groups.ShouldBe(
        [
            new FailedMessageGroup("fa", "StockReplenished", "Backend.Messaging.MissingReferenceException", "a", 5, FailedAt, FailedAt.AddSeconds(4)),
            new FailedMessageGroup("fb", "StockReplenished", "Backend.Messaging.MissingReferenceException", "b", 1, FailedAt.AddMinutes(1), FailedAt.AddMinutes(1)),
        ]);
        (await FailedMessages.FindFailedInGroupAsync("fa", 3, Cancellation)).Select(item => item.LastFailedAt)
            .ShouldBe([FailedAt, FailedAt.AddSeconds(1), FailedAt.AddSeconds(2)]);
    }

    [Fact]
    public async Task Discarded_messages_are_removed_only_once_past_the_cutoff()
    {
        var old = FailedMessage("old", FailedAt);
        var recent = FailedMessage("recent", FailedAt);
        var failed = FailedMessage("failed", FailedAt);
        foreach (var message in new[] { old, recent, failed })
        {
            await FailedMessages.TryAddAsync(message, Cancellation);
        }

        (await FailedMessages.DiscardAsync(old.Id, FailedAt.AddDays(1), Cancellation)).ShouldBeTrue();
        (await FailedMessages.DiscardAsync(old.Id, FailedAt.AddDays(1), Cancellation)).ShouldBeFalse();
        (await FailedMessages.DiscardAsync(recent.Id, FailedAt.AddDays(5), Cancellation)).ShouldBeTrue();

        (await FailedMessages.RemoveDiscardedBeforeAsync(FailedAt.AddDays(3), Cancellation)).ShouldBe(1);

        (await FailedMessages.FindAsync(old.Id, Cancellation)).ShouldBeNull();
        (await FailedMessages.FindAsync(recent.Id, Cancellation))!.Status.ShouldBe(FailedMessageStatus.Discarded);
        (await FailedMessages.FindAsync(failed.Id, Cancellation))!.Status.ShouldBe(FailedMessageStatus.Failed);
    }

    private static FailedMessage FailedMessage(string reason, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Kind = FailedMessageKind.Error,
        Queue = "stock-replenished",
        MessageType = "StockReplenished",
        MessageId = "m-1",
        Sku = "NOPE-1",
        Body = Encoding.UTF8.GetBytes("{\"sku\":\"NOPE-1\"}"),
        ContentType = "application/json",
        Headers = new Dictionary<string, string> { ["MT-Fault-Message"] = reason, ["x.dotted"] = "$value" },
        Reason = reason,
        ExceptionType = "Backend.Messaging.MissingReferenceException",
        StackTrace = "at Somewhere()",
        ReasonPattern = reason,
        Fingerprint = "f1",
        FirstFailedAt = at,
        LastFailedAt = at,
        Attempts = 4,
        TraceId = "0af7651916cd43dd8448eb211c80319c",
    };
}

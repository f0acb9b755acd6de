using Backend.Domain.FailedMessages;

namespace Backend.Domain.Tests.FailedMessages;

public sealed class FailedMessageFingerprintTests
{
    [Fact]
    public void Pattern_takes_out_the_ids_the_message_names_guids_and_numbers()
    {
        FailedMessageFingerprint.Pattern("Product 'LAMP-7' does not exist.", null, "LAMP-7").ShouldBe("Product '{id}' does not exist.");
        FailedMessageFingerprint.Pattern("Order 3f2b0c1e-8d1a-4f7e-9a53-0c2b8e4f6d10 does not exist.").ShouldBe("Order {id} does not exist.");
        FailedMessageFingerprint.Pattern("'lines[0].quantity': LineNumber: 0 | BytePositionInLine: 112.")
            .ShouldBe("'lines[{n}].quantity': LineNumber: {n} | BytePositionInLine: {n}.");
    }

    [Fact]
    public void Copies_of_one_fault_share_a_fingerprint_and_another_type_or_exception_does_not()
    {
        var first = FailedMessageFingerprint.Of("StockReplenished", "X", FailedMessageFingerprint.Pattern("Product 'A-1' does not exist.", "A-1"));
        var second = FailedMessageFingerprint.Of("StockReplenished", "X", FailedMessageFingerprint.Pattern("Product 'B-22' does not exist.", "B-22"));

        second.ShouldBe(first);
        first.Length.ShouldBe(16);
        FailedMessageFingerprint.Of("UpsertProduct", "X", "Product '{id}' does not exist.").ShouldNotBe(first);
        FailedMessageFingerprint.Of("StockReplenished", "Y", "Product '{id}' does not exist.").ShouldNotBe(first);
    }
}

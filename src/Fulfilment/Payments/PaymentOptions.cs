using System.ComponentModel.DataAnnotations;

namespace Backend.Fulfilment.Payments;

public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>The largest order total a customer may authorize, unless <see cref="CustomerLimits"/> says otherwise.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal DefaultCustomerLimit { get; set; } = 10_000.00m;

    public Dictionary<string, decimal> CustomerLimits { get; set; } = [];

    /// <summary>How many times the simulated gateway fails for the token <c>tok_flaky</c> before it approves.</summary>
    [Range(0, 10)]
    public int FlakyFailures { get; set; } = 2;

    public decimal LimitFor(string customerId) =>
        CustomerLimits.TryGetValue(customerId, out var limit) ? limit : DefaultCustomerLimit;
}

using Backend.Messaging;
using Backend.Validation;

namespace Backend.Fulfilment;

internal static class InvalidMessages
{
    /// <summary>Every reason the validator found, in one exception: the error queue's headers carry it whole.</summary>
    public static InvalidMessageException From(ValidationErrors errors) => new(string.Join(" ", errors.ToReasons()));
}

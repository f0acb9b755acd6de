namespace Backend.Messaging;

/// <summary>
/// A message names something that is not stored (yet): a receipt for a product whose upsert, sent on another
/// queue, has not been handled. Unlike <see cref="InvalidMessageException"/> it is retried; if the thing still
/// does not exist after the retries, the message goes to the error queue with this reason.
/// </summary>
public sealed class MissingReferenceException(string message) : Exception(message);

namespace Backend.Messaging;

/// <summary>
/// A message that can never be handled as sent (missing field, value out of range). It is not retried: it goes
/// straight to the endpoint's error queue, with this message as the reason in its headers.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
